/**
 * Who may see and switch to which tenant: SUPERADMIN every tenant, OWNER and STAFF their
 * tenant and all descendants, ADMIN their tenant only. Non-ACTIVE memberships are listed but not
 * switchable. Listings come in the real API's minimal shapes (NEVENT-API.md "Tenants"): most records
 * are `{id, name, parentId, level}`, a few carry a slug and domain, and only the memberships that are
 * not plainly active (and the user's home) say their status and role.
 */
import { missingCaseError } from '../../src-shared/missing-case';
import type { DemoTenant } from './demo-records';
import type { DemoAccount } from './demo-users';
import { DemoHttpError, notFound } from './http-error';
import type { TenantDirectory } from './tenant-directory';

/** A tenant record as the API lists it. */
type TenantRecord = Record<string, unknown> & { id: string; name: string };

/** Applies the role and membership rules to the directory. */
export class TenantAccess {
  /** Serialized trees per account: the tree and memberships never change while the server runs. */
  private readonly treeJsonCache = new Map<string, string>();
  private platformJsonCache: string | null = null;

  constructor(private readonly directory: TenantDirectory) {}

  /** The top of what the account sees (their home, or the platform root for SUPERADMIN). */
  rootOf(account: DemoAccount): DemoTenant {
    return account.role === 'SUPERADMIN' ? this.directory.root : this.directory.require(account.homeTenantId);
  }

  /** True when the tenant is visible to the account (whatever its membership status). */
  canSee(account: DemoAccount, tenantId: string): boolean {
    switch (account.role) {
      case 'SUPERADMIN':
        return this.directory.get(tenantId) !== undefined;
      case 'OWNER':
      case 'STAFF':
        return this.directory.isWithin(tenantId, account.homeTenantId);
      case 'ADMIN':
        return tenantId === account.homeTenantId;
      default:
        return missingCaseError(account.role);
    }
  }

  /** Every visible tenant in tree order. */
  list(account: DemoAccount): DemoTenant[] {
    switch (account.role) {
      case 'SUPERADMIN':
        return [...this.directory.all()];
      case 'OWNER':
      case 'STAFF':
        return this.directory.subtree(account.homeTenantId);
      case 'ADMIN':
        return [this.directory.require(account.homeTenantId)];
      default:
        return missingCaseError(account.role);
    }
  }

  /** A flat-list record: minimal, with status/role only where the membership is special. */
  private record(account: DemoAccount, tenant: DemoTenant): TenantRecord {
    // An explicit literal, not a spread: this runs 100 000 times on scale runs.
    const record: TenantRecord = { id: tenant.id, name: tenant.name, parentId: tenant.parentId, level: tenant.level };
    if (tenant.slug !== undefined) record.slug = tenant.slug;
    if (tenant.domain !== undefined) record.domain = tenant.domain;
    const override = account.memberships[tenant.id];
    if (override !== undefined) {
      record.status = override.status;
      record.statusReason = override.statusReason;
      record.role = account.role;
    } else if (tenant.id === account.homeTenantId) {
      record.status = 'ACTIVE';
      record.role = account.role;
    }
    return record;
  }

  /**
   * The `GET /users/accessible-tenants` body: `flatList` (including `root`) plus the tree as nested
   * `children` nodes that carry only `id`, `name` and their own `children` (parents are the nesting).
   */
  tree(account: DemoAccount): { root: TenantRecord; children: unknown[]; flatList: TenantRecord[]; totalTenants: number } {
    const visible = this.list(account);
    const root = this.rootOf(account);
    const nodes = new Map<string, { id: string; name: string; children?: unknown[] }>();
    const children: unknown[] = [];
    for (const tenant of visible) {
      if (tenant.id === root.id) continue;
      const node = { id: tenant.id, name: tenant.name };
      nodes.set(tenant.id, node);
      const parent = tenant.parentId === null ? undefined : nodes.get(tenant.parentId);
      if (parent === undefined) children.push(node);
      else (parent.children ??= []).push(node);
    }
    const flatList = visible.map((tenant) => this.record(account, tenant));
    return { root: this.record(account, root), children, flatList, totalTenants: flatList.length };
  }

  /** `tree(account)` as JSON text, computed once per account (100 000 tenants make ~10 MB). */
  treeJson(account: DemoAccount): string {
    let json = this.treeJsonCache.get(account.name);
    if (json === undefined) {
      json = JSON.stringify(this.tree(account));
      this.treeJsonCache.set(account.name, json);
    }
    return json;
  }

  /** The `GET /platform/tenants` body (a plain array of `{id, name, parentId, level, domain?}`), cached. */
  platformJson(): string {
    this.platformJsonCache ??= JSON.stringify(
      this.directory.all().map((tenant) => {
        const record: TenantRecord = { id: tenant.id, name: tenant.name, parentId: tenant.parentId, level: tenant.level };
        if (tenant.domain !== undefined) record.domain = tenant.domain;
        return record;
      }),
    );
    return this.platformJsonCache;
  }

  /**
   * The tenant the account may switch to, or the refusal: 404 unknown, 403 not visible,
   * 403 visible but the membership is not ACTIVE (with a message saying what to do).
   */
  checkSwitch(account: DemoAccount, tenantId: string): DemoTenant {
    const tenant = this.directory.get(tenantId);
    if (tenant === undefined) throw notFound(`Tenant ${tenantId} does not exist`);
    if (!this.canSee(account, tenantId)) {
      throw new DemoHttpError(403, 'tenant_forbidden', `You do not have access to tenant ${tenant.name} (${tenant.id})`, 'tenantId', 'nested');
    }
    const override = account.memberships[tenantId];
    if (override !== undefined) {
      const advice = override.status === 'INVITED' ? 'accept the invitation before switching' : 'ask an administrator of the tenant to restore your access';
      throw new DemoHttpError(403, 'tenant_forbidden', `Your membership in ${tenant.name} is ${override.status}: ${advice}`, 'tenantId', 'nested');
    }
    return tenant;
  }
}
