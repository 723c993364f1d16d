/** The tenants domain: list, inspect, switch and reset the organization a session works in. */
import type { AnyToolSpec } from '../../tool';
import { getActiveTenantTool } from './get-active-tenant';
import { listTenantsTool } from './list-tenants';
import { resetTenantTool } from './reset-tenant';
import { switchTenantTool } from './switch-tenant';

/** The tenant tools, in `tools/list` order. */
export const tenantsTools: readonly AnyToolSpec[] = [listTenantsTool, getActiveTenantTool, switchTenantTool, resetTenantTool];

export { tenantsGuides } from './guidance';
