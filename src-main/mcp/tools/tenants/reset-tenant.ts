/** `nevent_reset_tenant`: returns this session to its home tenant. */
import { z } from 'zod';
import { defineTool } from '../../tool';
import { switchResult, switchResultSchema } from './switch-result';

/** `nevent_reset_tenant` tool. */
export const resetTenantTool = defineTool({
  name: 'nevent_reset_tenant',
  domain: 'tenants',
  title: 'Reset to the home tenant',
  description: 'Moves this connection back to its home tenant (the sign-in\'s), in any mode; then pass the answer\'s switched_to_tenant_id as tenant_id.',
  access: 'tenant',
  tenantScoped: false,
  input: z.object({}),
  output: switchResultSchema,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(_args, { session }) {
    const outcome = await session.resetTenant();
    const message =
      outcome.previousTenantId === outcome.activeTenantId
        ? `Already in the home tenant ${outcome.activeTenantId}; nothing changed.`
        : `Back in the home tenant ${outcome.activeTenantId} (was ${outcome.previousTenantId ?? '(none)'}).`;
    return switchResult(outcome, message);
  },
});
