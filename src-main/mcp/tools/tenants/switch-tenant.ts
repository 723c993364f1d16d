/** `nevent_switch_tenant`: moves this session (and only this one) to another tenant. */
import { z } from 'zod';
import { CoreError } from '../../../core/common/core-error';
import { defineTool } from '../../tool';
import { switchResult, switchResultSchema } from './switch-result';

/** `nevent_switch_tenant` tool. */
export const switchTenantTool = defineTool({
  name: 'nevent_switch_tenant',
  domain: 'tenants',
  title: 'Switch the active tenant',
  description: 'Moves this connection\'s active tenant (used by calls without tenant_id), in any mode; then pass the answer\'s switched_to_tenant_id as tenant_id, as the connection may be shared.',
  access: 'tenant',
  tenantScoped: false,
  input: z
    .object({
      // Any string: one that is not an id (a tenant's name, say) is answered with what to pass instead.
      tenantId: z.string().min(1).max(200).optional().describe('An id from nevent_list_tenants (not a name).'),
      tenant_id: z.string().min(1).max(200).optional().describe('Same as tenantId.'),
    }),
  output: switchResultSchema,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { session }) {
    const target = args.tenantId ?? args.tenant_id;
    if (target === undefined) throw new CoreError('validation_failed', 'Pass tenantId: the id of the tenant to switch to (see nevent_list_tenants).', 'tenantId');
    if (args.tenantId !== undefined && args.tenant_id !== undefined && args.tenantId !== args.tenant_id) {
      throw new CoreError('validation_failed', 'tenantId and tenant_id name different tenants; pass only one.', 'tenant_id');
    }
    const outcome = await session.switchTenant(target);
    const message =
      outcome.previousTenantId === outcome.activeTenantId
        ? `Already in tenant ${outcome.activeTenantId}; nothing changed.`
        : `Switched from tenant ${outcome.previousTenantId ?? '(none)'} to ${outcome.activeTenantId}. Calls without tenant_id now run in ${outcome.activeTenantId}.`;
    return switchResult(outcome, message);
  },
});
