/**
 * The per-tenant token cache of one account (docs/tenant-isolation.md): a call that names a tenant
 * runs with a token scoped to that tenant, minted through the switch endpoint and checked like a switch,
 * without moving the session it came from.
 *
 *   cell(t, mint) ──> cached and fresh? ──> that tenant's credential cell (shared by every session)
 *        │                 │ no
 *        │                 └──> minting t already? ──> wait for it (single flight per tenant)
 *        │                                 │ no
 *        │                                 └──> mint() (POST /users/tenant + verify) ──> cached
 *        └─ every access drops entries idle for `idleMs`, then the least recently used above `maxEntries`
 *
 * The cell's credential is renewed by the calls that use it (tenant-scope.ts: refresh through the
 * account's token broker, re-scoped when it comes back in another tenant) and installed in the cell, so
 * every session of the account sees the renewed token. A failed mint is not cached. Eviction forgets a
 * cell; a call still running with it finishes with the credential it holds. When the API refuses the
 * credential's own refresh token, the call evicts the entry (`evict`) and the next access mints anew.
 */
import type { Clock } from './clock';
import { CredentialCell, type Credential } from './credential';

/** Bounds of the cache. */
export interface TenantTokensOptions {
  clock: Clock;
  /** Tenants kept at most (least recently used evicted first). */
  maxEntries?: number;
  /** An entry unused for this long is dropped. */
  idleMs?: number;
}

/** Default bounds: a conversation flooding tenants cannot grow the cache without limit. */
export const tenantTokenDefaults = { maxEntries: 64, idleMs: 15 * 60 * 1000 };

interface Entry {
  cell: CredentialCell;
  lastUsed: number;
}

/** Credential cells per tenant for one account; minting is single-flight per tenant. */
export class TenantTokens {
  private readonly entries = new Map<string, Entry>();
  private readonly minting = new Map<string, Promise<CredentialCell>>();
  private readonly maxEntries: number;
  private readonly idleMs: number;
  private mintCount = 0;

  constructor(private readonly options: TenantTokensOptions) {
    this.maxEntries = options.maxEntries ?? tenantTokenDefaults.maxEntries;
    this.idleMs = options.idleMs ?? tenantTokenDefaults.idleMs;
  }

  /** Tenants cached now. */
  get size(): number {
    return this.entries.size;
  }

  /** Mints started so far (tests and diagnostics). */
  get mints(): number {
    return this.mintCount;
  }

  /** True when `tenantId` has a cached cell (no access recorded, nothing evicted). */
  has(tenantId: string): boolean {
    return this.entries.has(tenantId);
  }

  /** The cell of `tenantId`, minting its credential with `mint` when none is cached. */
  cell(tenantId: string, mint: () => Promise<Credential>): Promise<CredentialCell> {
    const now = this.options.clock.now();
    this.evictIdle(now);
    const entry = this.entries.get(tenantId);
    if (entry !== undefined) {
      // Re-insert: Map order is the recency order the bound evicts by.
      this.entries.delete(tenantId);
      entry.lastUsed = now;
      this.entries.set(tenantId, entry);
      return Promise.resolve(entry.cell);
    }
    const pending = this.minting.get(tenantId);
    if (pending !== undefined) return pending;
    this.mintCount += 1;
    const started = mint().then((credential) => {
      const cell = new CredentialCell(credential);
      this.entries.set(tenantId, { cell, lastUsed: this.options.clock.now() });
      this.evictOverflow();
      return cell;
    });
    this.minting.set(tenantId, started);
    const forget = (): void => {
      if (this.minting.get(tenantId) === started) this.minting.delete(tenantId);
    };
    started.then(forget, forget);
    return started;
  }

  /** Forgets `tenantId`'s entry when it still holds `cell` (a newer one, minted since, stays). */
  evict(tenantId: string, cell: CredentialCell): void {
    if (this.entries.get(tenantId)?.cell === cell) this.entries.delete(tenantId);
  }

  /** Forgets every tenant (sign-out). */
  clear(): void {
    this.entries.clear();
    this.minting.clear();
  }

  private evictIdle(now: number): void {
    for (const [tenantId, entry] of this.entries) {
      if (now - entry.lastUsed > this.idleMs) this.entries.delete(tenantId);
    }
  }

  private evictOverflow(): void {
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
