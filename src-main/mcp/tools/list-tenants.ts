/** `nevent_list_tenants`: the tenants this session's user can see, and where the session is. */
import { z } from 'zod';
import { RoleSchema } from '../../../src-shared/api';
import { defineTool } from '../tool';
import { TenantOutSchema, tenantOut } from '../wire';

/** `nevent_list_tenants` tool. */
export const listTenantsTool = defineTool({
  name: 'nevent_list_tenants',
  title: 'List accessible tenants',
  description: [
    'Lists every Nevent tenant (organization) the signed-in user can access, with its id, name, slug, parent_id and level in the tenant tree, the membership status and the user\'s role there.',
    'Visibility follows the user\'s role: SUPERADMIN sees all tenants, OWNER their own tenant and all descendants, ADMIN only their own tenant.',
    'Only tenants with status ACTIVE (switchable: true) can be switched to; INVITED and SUSPENDED ones are shown with a status_reason.',
    'Also returns active_tenant_id (the tenant every tenant-scoped tool of this conversation acts on) and home_tenant_id (where nevent_reset_tenant goes back to).',
    'Call this first when the user mentions an organization by name, then nevent_switch_tenant with its id.',
  ].join(' '),
  access: 'read',
  tenantScoped: false,
  input: z.object({}),
  output: z.object({
    tenants: z.array(TenantOutSchema),
    count: z.number().int(),
    home_tenant_id: z.string().nullable(),
    active_tenant_id: z.string().nullable(),
    role: RoleSchema,
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(_args, { session }) {
    const view = await session.listTenants();
    return {
      tenants: view.tenants.map(tenantOut),
      count: view.tenants.length,
      home_tenant_id: view.homeTenantId,
      active_tenant_id: view.activeTenantId,
      role: view.role,
    };
  },
});
