/**
 * Lazily built, bounded per-tenant state for the demo's toolset domains (templates, short URLs, paid
 * media): built on a tenant's first use from a seed derived from its id (same tenant, same data), kept
 * in memory, the oldest evicted beyond `max` (scale runs touch many tenants; an evicted tenant is
 * rebuilt the same way, losing only its writes — as TenantDataStore does).
 */
import type { DemoTenant } from './demo-records';
import { notFound } from './http-error';
import type { TenantDirectory } from './tenant-directory';

/** Per-tenant state of one domain. */
export class PerTenant<T> {
  private readonly cache = new Map<string, T>();

  constructor(
    private readonly directory: TenantDirectory,
    private readonly build: (tenant: DemoTenant) => T,
    private readonly max = 2_000,
  ) {}

  /** The tenant's state, built on first use; 404 for a tenant the directory does not hold. */
  of(tenantId: string): T {
    const cached = this.cache.get(tenantId);
    if (cached !== undefined) return cached;
    const tenant = this.directory.get(tenantId);
    if (tenant === undefined) throw notFound(`Tenant ${tenantId} does not exist`, 'tenant_not_found');
    if (this.cache.size >= this.max) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    const built = this.build(tenant);
    this.cache.set(tenantId, built);
    return built;
  }
}
