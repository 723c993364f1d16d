/**
 * The credential cell: where a session (or the account's per-tenant cache) keeps the tokens
 * of one tenant context. A switch or refresh installs a new `Credential` with one assignment. Nothing
 * sends with the cell: a call reads `current` once, when it starts (tenant-scope.ts pins it), and keeps
 * that credential — and its tenant — for every request it makes.
 */
import type { AccessTokenClaims } from '../../../src-shared/api';

/** An access token, its refresh token (null when none was given) and its checked claims. Immutable. */
export interface Credential {
  readonly accessToken: string;
  readonly refreshToken: string | null;
  readonly claims: AccessTokenClaims;
}

/** The tenant a credential works in (its `tenantId` claim), or null for an unscoped token. */
export function tenantOf(credential: Credential): string | null {
  return credential.claims.tenantId ?? null;
}

/** Holds the current credential of one session. */
export class CredentialCell {
  private value: Credential;
  private generationCounter = 0;

  constructor(initial: Credential) {
    this.value = initial;
  }

  /** The credential in force now. */
  get current(): Credential {
    return this.value;
  }

  /** Increases by one on every replace: lets callers tell whether the cell changed across an await. */
  get generation(): number {
    return this.generationCounter;
  }

  /** Installs a new credential in one step. */
  replace(next: Credential): void {
    this.value = next;
    this.generationCounter += 1;
  }

  /**
   * Installs `next` only while the cell still holds `expected` (a renewal of what a call pinned): a switch
   * or another renewal in between wins. True when installed.
   */
  replaceIf(expected: Credential, next: Credential): boolean {
    if (this.value !== expected) return false;
    this.replace(next);
    return true;
  }
}
