/** `nevent_get_active_tenant`: which tenant this session acts on right now. */
import { z } from 'zod';
import { defineTool } from '../../tool';
import { TenantOutSchema, tenantOut } from '../../wire';

/** `nevent_get_active_tenant` tool. */
export const getActiveTenantTool = defineTool({
  name: 'nevent_get_active_tenant',
  domain: 'tenants',
  title: 'Get the active tenant',
  description: 'Returns this connection\'s active tenant, the home tenant and the user\'s role; prefer passing tenant_id, as another conversation may move the active one.',
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
