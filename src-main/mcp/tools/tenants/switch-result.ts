/**
 * The result shape shared by `nevent_switch_tenant` and `nevent_reset_tenant`: `switched_to_tenant_id`
 * as Nevent AI answers it, beside `active_tenant_id`, plus previous_tenant_id. The message tells the model to
 * pass that id as `tenant_id` from then on, so a conversation sharing the connection cannot move it.
 */
import { z } from 'zod';
import type { SwitchOutcome } from '../../../core/tenant-session';

/** Output schema of a switch or reset. */
export const switchResultSchema = z.object({
  success: z.boolean(),
  active_tenant_id: z.string(),
  switched_to_tenant_id: z.string(),
  home_tenant_id: z.string().nullable(),
  previous_tenant_id: z.string().nullable(),
  message: z.string(),
});

/** Builds the tool result from the core's outcome and a message for the model. */
export function switchResult(outcome: SwitchOutcome, message: string): z.infer<typeof switchResultSchema> {
  return {
    success: true,
    active_tenant_id: outcome.activeTenantId,
    switched_to_tenant_id: outcome.activeTenantId,
    home_tenant_id: outcome.homeTenantId,
    previous_tenant_id: outcome.previousTenantId,
    message: `${message} Pass tenant_id: "${outcome.activeTenantId}" on every later call so parallel conversations stay apart.`,
  };
}
