/**
 * Where the calls of one session that name another tenant run: per named tenant, the account's
 * credential cell of that tenant (tokens/tenant-tokens.ts: minted once through the switch endpoint,
 * checked like a switch, shared by the account's sessions) and this session's caches of it.
 *
 *   home(t) ──> the account's cell of t (minted when none) ──> same cell as last time? ──> that home
 *                 │ refused: tenant_forbidden / tenant_not_found, said about `tenant_id`      │ no
 *                 v                                                                           v
 *              the call fails, nothing sent in t                         a new home with empty caches
 *
 * The session does not move; at most `maxTenantHomes` homes are kept (least recently used dropped first,
 * their caches with them).
 */
import { asCoreError } from '../common/error-data';
import { CoreError } from '../common/core-error';
import type { CredentialCell, Credential } from '../tokens/credential';
import type { DataClient } from '../tokens/data-client';
import { obtainScopedToken, type ScopedTokenDeps } from '../tokens/scoped-token';
import type { TenantTokens } from '../tokens/tenant-tokens';
import type { TokenBroker } from '../tokens/token-broker';
import { TenantCaches, type CredentialHome } from './tenant-scope';

/** Named tenants a session keeps caches for. */
const maxTenantHomes = 16;

/** What the homes of one session need. */
export interface TenantHomesDeps {
  tenantTokens: TenantTokens;
  scopedTokens: ScopedTokenDeps;
  broker: TokenBroker;
  /** The session's API client as it is now: the token a new tenant's token is obtained with. */
  via: () => DataClient;
}

/** The homes of the named tenants of one session's calls. */
export class TenantHomes {
  private readonly homes = new Map<string, CredentialHome>();

  constructor(private readonly deps: TenantHomesDeps) {}

  /** The home of a named tenant's calls: the account's cell of that tenant (minted when none), and this session's caches of it. */
  async home(target: string): Promise<CredentialHome> {
    const { tenantTokens } = this.deps;
    let cell: CredentialCell;
    try {
      cell = await tenantTokens.cell(target, () => this.mint(target));
    } catch (error) {
      // The tenant the call named is the culprit of a refusal: say so in the caller's own terms.
      const failure = asCoreError(error);
      const aboutTenant = failure.code === 'tenant_forbidden' || failure.code === 'tenant_not_found' || failure.param === 'tenantId';
      throw aboutTenant ? new CoreError(failure.code, failure.message, 'tenant_id') : failure;
    }
    const known = this.homes.get(target);
    this.homes.delete(target);
    const home: CredentialHome =
      known !== undefined && known.cell === cell
        ? known
        : {
            cell,
            caches: new TenantCaches(),
            // Its own refresh token refused: this entry alone is over; the next one is minted for the same tenant.
            reissue: () => {
              tenantTokens.evict(target, cell);
              return this.home(target);
            },
          };
    this.homes.set(target, home);
    if (this.homes.size > maxTenantHomes) this.homes.delete(this.homes.keys().next().value as string);
    return home;
  }

  /** Forgets every home (the session ended). */
  clear(): void {
    this.homes.clear();
  }

  /**
   * A token scoped to `tenantId`, obtained and checked exactly as a switch does (and, for a SUPERADMIN,
   * the persisted tenant put back); nothing of the session changes. When the switch answer carries a
   * refresh token of its own, that token is marked as the tenant's: its refusal ends this credential only.
   */
  private async mint(tenantId: string): Promise<Credential> {
    const via = this.deps.via();
    const minted = await obtainScopedToken(via, tenantId, this.deps.scopedTokens, { renew: true });
    if (minted.refreshToken !== null && minted.refreshToken !== via.credential.refreshToken) this.deps.broker.markTenantScoped(minted.refreshToken);
    return minted;
  }
}
