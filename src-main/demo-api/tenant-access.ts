/**
 * Who may see and switch to which tenant (DESIGN §2): SUPERADMIN every tenant, OWNER their tenant and
 * all descendants, ADMIN their tenant only. Non-ACTIVE memberships are listed but not switchable.
 */
import type { AccessibleTenant, AccessibleTenantNode, AccessibleTenantsResponse, Tenant } from '../../src-shared/api';
import { missingCaseError } from '../../src-shared/errors';
import type { DemoAccount } from './demo-users';
import { DemoHttpError, notFound } from './http-error';
import type { TenantDirectory } from './tenant-directory';

/** Applies the role and membership rules to the directory. */
export class TenantAccess {
  /** Serialized trees per account: the tree and memberships never change while the server runs. */
  private readonly treeJsonCache = new Map<string, string>();

  constructor(private readonly directory: TenantDirectory) {}

  /** The top of what the account sees (their home, or the platform root for SUPERADMIN). */
  rootOf(account: DemoAccount): Tenant {
    return account.role === 'SUPERADMIN' ? this.directory.root : this.directory.require(account.homeTenantId);
  }

  /** True when the tenant is visible to the account (whatever its membership status). */
  canSee(account: DemoAccount, tenantId: string): boolean {
    switch (account.role) {
      case 'SUPERADMIN':
        return this.directory.get(tenantId) !== undefined;
      case 'OWNER':
        return this.directory.isWithin(tenantId, account.homeTenantId);
      case 'ADMIN':
        return tenantId === account.homeTenantId;
      default:
        return missingCaseError(account.role);
    }
  }

  /** The tenant as this account sees it, with role and membership status. */
  view(account: DemoAccount, tenant: Tenant): AccessibleTenant {
    const override = account.memberships[tenant.id];
    const view: AccessibleTenant = { id: tenant.id, name: tenant.name, slug: tenant.slug, parentId: tenant.parentId, level: tenant.level, role: account.role, status: override?.status ?? 'ACTIVE' };
    if (override !== undefined) view.statusReason = override.statusReason;
    return view;
  }

  /** Every visible tenant in tree order. */
  list(account: DemoAccount): AccessibleTenant[] {
    switch (account.role) {
      case 'SUPERADMIN':
        return this.directory.all().map((tenant) => this.view(account, tenant));
      case 'OWNER':
        return this.directory.subtree(account.homeTenantId).map((tenant) => this.view(account, tenant));
      case 'ADMIN':
        return [this.view(account, this.directory.require(account.homeTenantId))];
      default:
        return missingCaseError(account.role);
    }
  }

  /** The `GET /users/accessible-tenants` body. */
  tree(account: DemoAccount): AccessibleTenantsResponse {
    const flatList = this.list(account);
    const root = this.rootOf(account);
    // Build nodes from the flat list in one pass: parents always come before their children.
    const nodes = new Map<string, AccessibleTenantNode>();
    const children: AccessibleTenantNode[] = [];
    for (const tenant of flatList) {
      // An explicit literal, not a spread: this loop runs 100 000 times on scale runs.
      const node: AccessibleTenantNode = { id: tenant.id, name: tenant.name, slug: tenant.slug, parentId: tenant.parentId, level: tenant.level, role: tenant.role, status: tenant.status, children: [] };
      if (tenant.statusReason !== undefined) node.statusReason = tenant.statusReason;
      nodes.set(tenant.id, node);
      if (tenant.id === root.id) continue;
      const parent = tenant.parentId === null ? undefined : nodes.get(tenant.parentId);
      if (parent === undefined || tenant.parentId === root.id) children.push(node);
      else parent.children.push(node);
    }
    const rootView = flatList.find((tenant) => tenant.id === root.id) ?? null;
    return { root: rootView, children, flatList, totalTenants: flatList.length };
  }

  /** `tree(account)` as JSON text, computed once per account (100 000 tenants make ~30 MB). */
  treeJson(account: DemoAccount): string {
    let json = this.treeJsonCache.get(account.name);
    if (json === undefined) {
      json = JSON.stringify(this.tree(account));
      this.treeJsonCache.set(account.name, json);
    }
    return json;
  }

  /**
   * The tenant the account may switch to, or the refusal: 404 unknown, 403 not visible,
   * 403 visible but the membership is not ACTIVE (with a message saying what to do).
   */
  checkSwitch(account: DemoAccount, tenantId: string): Tenant {
    const tenant = this.directory.get(tenantId);
    if (tenant === undefined) throw notFound(`Tenant ${tenantId} does not exist`, 'tenant_not_found');
    if (!this.canSee(account, tenantId)) {
      throw new DemoHttpError(403, 'tenant_forbidden', `You do not have access to tenant ${tenant.name} (${tenant.id})`);
    }
    const override = account.memberships[tenantId];
    if (override !== undefined) {
      const advice = override.status === 'INVITED' ? 'accept the invitation before switching' : 'ask an administrator of the tenant to restore your access';
      throw new DemoHttpError(403, 'tenant_forbidden', `Your membership in ${tenant.name} is ${override.status}: ${advice}`);
    }
    return tenant;
  }
}
