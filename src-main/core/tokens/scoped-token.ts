/**
 * Obtaining a token scoped to one tenant through the switch endpoint (`POST /users/tenant`), checked like
 * every switch (token-verifier.ts: the tenant asked for, `exp`, `iss`, never `alg: none`).
 *
 * For a SUPERADMIN the API persists every switch on the user record (NEVENT-API.md), which moves the
 * person's other Nevent sessions: the web app comes back in that tenant at its next refresh. A session's
 * own switch is a choice (the person's, or their conversation's) and stays. A switch made only to obtain
 * a token — the per-tenant token of a call that names its tenant, the re-scope of a refresh that came
 * back in another tenant — puts the persisted tenant back right after:
 *
 *   obtain(t) ──> POST /users/tenant {t} ──> verify (tenant t) ──> SUPERADMIN and t ≠ persisted?
 *                                                                     │ yes
 *                                                                     └─> POST /users/tenant {persisted}, answer dropped
 *
 * What "persisted" is, is what this app last chose for the account (`PersistedTenant`): the sign-in's
 * tenant, then every switch a session made. A switch made in the Nevent web app meanwhile is not known
 * here (docs/tenant-isolation.md).
 */
import type { Credential } from './credential';
import type { DataClient } from './data-client';
import { CoreError } from '../common/core-error';
import type { TokenVerifier } from './token-verifier';

/** The tenant the API has persisted for the signed-in user, as far as this app knows (one per sign-in). */
export class PersistedTenant {
  constructor(private value: string | null) {}

  /** The tenant a switch of this app last persisted (the sign-in's at first); null when unknown. */
  get tenantId(): string | null {
    return this.value;
  }

  /** A session's own switch landed in `tenantId` (the API persisted it for a SUPERADMIN). */
  noteSwitch(tenantId: string | null): void {
    if (tenantId !== null) this.value = tenantId;
  }
}

/** What obtaining a scoped token needs. */
export interface ScopedTokenDeps {
  verifier: TokenVerifier;
  persisted: PersistedTenant;
  /** A client that sends with `credential` as it is (no renewal): the token just obtained. */
  clientFor: (credential: Credential) => DataClient;
  /** Where a persisted tenant that could not be put back is reported. */
  log?: (message: string) => void;
}

/**
 * A credential scoped to `tenantId`, obtained with `via` (a client pinned to the credential to switch
 * with); `renew: false` sends that credential as it is (a token just refreshed). Rejects like a switch
 * (tenant_forbidden, tenant_not_found, invalid_token, …). A token obtained this way is never the
 * person's choice, so for a SUPERADMIN the persisted tenant is put back.
 */
export async function obtainScopedToken(via: DataClient, tenantId: string, deps: ScopedTokenDeps, options: { renew: boolean }): Promise<Credential> {
  const answer = await via.switchTenant(tenantId, { renew: options.renew });
  const claims = await deps.verifier.verify(answer.value.accessToken, tenantId);
  const obtained: Credential = { accessToken: answer.value.accessToken, refreshToken: answer.value.refreshToken ?? answer.credential.refreshToken, claims };
  const persisted = deps.persisted.tenantId;
  if (claims.role === 'SUPERADMIN' && persisted !== null && persisted !== tenantId) await putBack(obtained, persisted, deps);
  return obtained;
}

/** Switches the user back to `persisted` with the token just obtained; the answer is not used. */
async function putBack(obtained: Credential, persisted: string, deps: ScopedTokenDeps): Promise<void> {
  try {
    await deps.clientFor(obtained).switchTenant(persisted, { renew: false });
  } catch (error) {
    // The call has its token; only the person's other sessions may come back elsewhere. Said, not thrown.
    const why = error instanceof CoreError ? error.code : 'error';
    deps.log?.(`tenant token: could not put the persisted tenant back to ${persisted} after obtaining a token for another tenant (${why}); the user's other Nevent sessions may come back in that tenant`);
  }
}
