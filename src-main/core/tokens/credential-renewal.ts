/**
 * Renewing a credential after the API refused its access token (401), for the one tenant it is in:
 *
 *   refused ──> broker.refresh(its refresh token) ──> verify ──> same tenant? ──yes──> renewed
 *                     │ refused: refresh_failed              │ no: a SUPERADMIN's refresh comes back in the
 *                     v                                      v     tenant the API persisted (NEVENT-API.md)
 *               the caller decides                    re-scope: switch back with the fresh token, checked
 *               (tenant-scope.ts)                            │ fails ──> token_tenant_mismatch: nothing is
 *                                                            v           answered from the wrong tenant
 *                                                         renewed (same tenant as `refused`)
 *
 * One renewal per refused credential at a time: every call pinned to the same credential shares it (the
 * broker already shares the refresh itself; this also shares the re-scope). A per-tenant credential's
 * refresh token stays marked as such through the re-scope (token-broker.ts, `markTenantScoped`).
 */
import { tenantOf, type Credential } from './credential';
import { obtainScopedToken, type ScopedTokenDeps } from './scoped-token';
import { CoreError } from '../common/core-error';
import type { TokenBroker } from './token-broker';

/** What renewing needs: the account's broker, and how a token for a tenant is obtained. */
export interface RenewalDeps extends ScopedTokenDeps {
  broker: TokenBroker;
}

/** Renews refused credentials of one session's calls. */
export class CredentialRenewer {
  private readonly pending = new WeakMap<Credential, Promise<Credential>>();

  constructor(private readonly deps: RenewalDeps) {}

  /** True when `refreshToken` is a per-tenant credential's own (its refusal ends that credential, not the account). */
  isTenantScoped(refreshToken: string | null): boolean {
    return refreshToken !== null && this.deps.broker.isTenantScoped(refreshToken);
  }

  /** A credential for the same tenant as `refused`, renewed and checked; rejects rather than change tenant. */
  renew(refused: Credential): Promise<Credential> {
    const known = this.pending.get(refused);
    if (known !== undefined) return known;
    const started = this.run(refused);
    this.pending.set(refused, started);
    const forget = (): void => {
      if (this.pending.get(refused) === started) this.pending.delete(refused);
    };
    started.then(forget, forget);
    return started;
  }

  private async run(refused: Credential): Promise<Credential> {
    if (refused.refreshToken === null) throw new CoreError('authentication_failed', 'the access token was refused and there is no refresh token to renew it; sign in again');
    const expected = tenantOf(refused);
    const pair = await this.deps.broker.refresh(refused.refreshToken, refused.accessToken);
    const claims = await this.deps.verifier.verify(pair.accessToken, null);
    const fresh: Credential = { accessToken: pair.accessToken, refreshToken: pair.refreshToken, claims };
    if (expected === null || tenantOf(fresh) === expected) return fresh;
    const renewed = await this.rescope(fresh, expected);
    if (this.isTenantScoped(refused.refreshToken) && renewed.refreshToken !== null) this.deps.broker.markTenantScoped(renewed.refreshToken);
    return renewed;
  }

  /** Switches a freshly refreshed credential back to `tenantId` (checked like any switch). */
  private async rescope(fresh: Credential, tenantId: string): Promise<Credential> {
    const cameBackIn = tenantOf(fresh) ?? 'no tenant';
    try {
      return await obtainScopedToken(this.deps.clientFor(fresh), tenantId, this.deps, { renew: false });
    } catch (error) {
      const why = error instanceof CoreError ? error.message : 'the switch failed';
      throw new CoreError('token_tenant_mismatch', `the renewed sign-in came back in tenant "${cameBackIn}" instead of "${tenantId}", and switching back failed (${why}); nothing was answered from the wrong tenant`);
    }
  }
}
