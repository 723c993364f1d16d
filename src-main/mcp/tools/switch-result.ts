/** The result shape shared by `nevent_switch_tenant` and `nevent_reset_tenant` (DESIGN §4, plus previous_tenant_id). */
import { z } from 'zod';
import type { SwitchOutcome } from '../../core/tenant-session';

/** Output schema of a switch or reset. */
export const switchResultSchema = z.object({
  success: z.boolean(),
  active_tenant_id: z.string(),
  home_tenant_id: z.string().nullable(),
  previous_tenant_id: z.string().nullable(),
  message: z.string(),
});

/** Builds the tool result from the core's outcome and a message for the model. */
export function switchResult(outcome: SwitchOutcome, message: string): z.infer<typeof switchResultSchema> {
  return {
    success: true,
    active_tenant_id: outcome.activeTenantId,
    home_tenant_id: outcome.homeTenantId,
    previous_tenant_id: outcome.previousTenantId,
    message,
  };
}
