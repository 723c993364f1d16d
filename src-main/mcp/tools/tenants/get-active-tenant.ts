/** `nevent_get_active_tenant`: which tenant this session acts on right now. */
import { z } from 'zod';
import { defineTool } from '../../tool';
import { TenantOutSchema, tenantOut } from '../../wire';

/** `nevent_get_active_tenant` tool. */
export const getActiveTenantTool = defineTool({
  name: 'nevent_get_active_tenant',
  domain: 'tenants',
  title: 'Get the active tenant',
  description: [
    'Returns the active tenant of this connection (active_tenant_id, with its name and place in the tree: what calls without tenant_id use), the home tenant that nevent_reset_tenant returns to, and the user\'s role.',
    'Another conversation sharing the connection may move it: pass tenant_id on tenant-scoped calls instead of relying on it.',
  ].join(' '),
  access: 'read',
  tenantScoped: false,
  input: z.object({}),
  output: z.object({
    active_tenant_id: z.string().nullable(),
    home_tenant_id: z.string().nullable(),
    tenant: TenantOutSchema.nullable(),
    role: z.string().nullable(),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(_args, { session }) {
    const view = await session.listTenants();
    const tenant = view.tenants.find((t) => t.id === view.activeTenantId);
    return {
      active_tenant_id: view.activeTenantId,
      home_tenant_id: view.homeTenantId,
      tenant: tenant === undefined ? null : tenantOut(tenant),
      role: view.role,
    };
  },
});
