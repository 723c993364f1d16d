/**
 * The token broker of one account: every refresh of every session goes through it.
 *
 *   session A ─┐                        ┌─> A, B, C all get {access', refresh'}
 *   session B ─┼─ refresh(R) ─ one POST /auth/refresh {R} ─┤
 *   session C ─┘   (in flight: shared)  └─> remembered R → R': a late holder of R gets the newest pair
 *
 * Refresh tokens may rotate and be single-use, and several sessions may hold the same one (an MCP
 * session starts with a copy of the desktop's tokens). So refresh is single-flight per refresh token,
 * the outcome is remembered, and the same refresh token is never sent twice. A refresh the API refuses
 * is reported once to `onDidRefuse` (the account signs out) and every holder gets `refresh_failed`.
 *
 * Except for a per-tenant credential's own refresh token (one a switch answer handed out for a call that
 * names its tenant, `markTenantScoped`, and every rotation of it): the API may refuse that one for
 * reasons of that tenant alone (a membership suspended there, a shorter scoped lifetime), so its refusal
 * ends that credential, never the account — the holder gets `refresh_failed` and is not reported.
 */
import type { TokenPair } from '../../src-shared/api';
import { Emitter } from './emitter';
import { HttpStatusError } from './http-client';
import { CoreError } from './tenant-session';

/** A rotated pair: the refresh token is always present (the old one when the API sent none). */
export interface RefreshedPair {
  accessToken: string;
  refreshToken: string;
}

/** A rotation: `previous` was exchanged for `next`. */
export interface Rotation {
  previous: string;
  next: RefreshedPair;
}

/** Sends one refresh request; rejects with a CoreError (an `HttpStatusError` when the API answered). */
export type RefreshCall = (refreshToken: string) => Promise<TokenPair>;

/** Broker options. */
export interface TokenBrokerOptions {
  refresh: RefreshCall;
  /** How many rotations to remember (oldest forgotten first). */
  maxRemembered?: number;
}

/** Statuses with which the API refuses a refresh token (as opposed to failing to answer). */
function isRefusal(error: unknown): boolean {
  return error instanceof HttpStatusError && (error.status === 400 || error.status === 401 || error.status === 403);
}

/** Single-flight refresh per refresh token, shared by all sessions of one account. */
export class TokenBroker {
  private readonly inFlight = new Map<string, Promise<RefreshedPair>>();
  /** previous refresh token → the pair it was exchanged for. Insertion order = age. */
  private readonly rotated = new Map<string, RefreshedPair>();
  private readonly refused = new Set<string>();
  /** Refresh tokens of per-tenant credentials (insertion order = age; bounded like `rotated`). */
  private readonly tenantScoped = new Set<string>();
  private readonly maxRemembered: number;
  private readonly rotateEmitter = new Emitter<Rotation>();
  private readonly refuseEmitter = new Emitter<string>();
  private sentCount = 0;

  /** Fires after each successful rotation (the account updates the keychain when it held `previous`). */
  readonly onDidRotate = this.rotateEmitter.event;
  /** Fires once per refused refresh token of the account (the account signs out); never for a per-tenant one. */
  readonly onDidRefuse = this.refuseEmitter.event;

  constructor(private readonly options: TokenBrokerOptions) {
    this.maxRemembered = options.maxRemembered ?? 256;
  }

  /** Refresh requests actually sent (for tests and diagnostics). */
  get refreshesSent(): number {
    return this.sentCount;
  }

  /**
   * The newest pair for `refreshToken`: from a refresh already done (following the rotation chain),
   * the one in flight, or a new request when nobody has used this token yet. `refusedAccessToken`
   * is the access token the API just refused: a remembered pair carrying that same token is stale,
   * so its refresh token is exchanged instead.
   */
  refresh(refreshToken: string, refusedAccessToken?: string): Promise<RefreshedPair> {
    const known = this.latest(refreshToken);
    if (known !== null && known.accessToken === refusedAccessToken) return this.refresh(known.refreshToken);
    if (known !== null) {
      // Someone already exchanged this token: the newest pair is still good unless it was itself refused.
      if (this.refused.has(known.refreshToken)) return Promise.reject(this.refusedError(known.refreshToken));
      const pending = this.inFlight.get(known.refreshToken);
      return pending ?? Promise.resolve(known);
    }
    if (this.refused.has(refreshToken)) return Promise.reject(this.refusedError(refreshToken));
    const pending = this.inFlight.get(refreshToken);
    if (pending !== undefined) return pending;
    const started = this.send(refreshToken);
    this.inFlight.set(refreshToken, started);
    void started.then(
      () => this.inFlight.delete(refreshToken),
      () => this.inFlight.delete(refreshToken),
    );
    return started;
  }

  /** Marks `refreshToken` as a per-tenant credential's own: its refusal ends that credential, not the account. */
  markTenantScoped(refreshToken: string): void {
    this.tenantScoped.delete(refreshToken);
    this.tenantScoped.add(refreshToken);
    // Forgetting the oldest mark only makes a refusal of a long-dead token count as the account's again.
    while (this.tenantScoped.size > this.maxRemembered * 4) {
      const oldest = this.tenantScoped.values().next().value;
      if (oldest === undefined) break;
      this.tenantScoped.delete(oldest);
    }
  }

  /** True when `refreshToken` belongs to a per-tenant credential (see `markTenantScoped`). */
  isTenantScoped(refreshToken: string): boolean {
    return this.tenantScoped.has(refreshToken);
  }

  /** Follows remembered rotations from `refreshToken` to the newest pair; null when it was never exchanged. */
  latest(refreshToken: string): RefreshedPair | null {
    let pair = this.rotated.get(refreshToken) ?? null;
    // Bounded walk: the map is finite and a token never rotates to itself (see `send`).
    for (let hops = 0; pair !== null && hops < this.maxRemembered; hops += 1) {
      const next = this.rotated.get(pair.refreshToken);
      if (next === undefined) break;
      pair = next;
    }
    return pair;
  }

  /** Forgets everything (sign-out). */
  clear(): void {
    this.rotated.clear();
    this.refused.clear();
    this.tenantScoped.clear();
  }

  private async send(refreshToken: string): Promise<RefreshedPair> {
    this.sentCount += 1;
    let answer: TokenPair;
    try {
      answer = await this.options.refresh(refreshToken);
    } catch (error) {
      if (isRefusal(error)) {
        this.refused.add(refreshToken);
        if (!this.tenantScoped.has(refreshToken)) this.refuseEmitter.fire(refreshToken);
        throw this.refusedError(refreshToken);
      }
      throw error instanceof CoreError ? error : new CoreError('api_error', 'the token refresh failed');
    }
    const next: RefreshedPair = { accessToken: answer.accessToken, refreshToken: answer.refreshToken ?? refreshToken };
    if (this.tenantScoped.has(refreshToken)) this.markTenantScoped(next.refreshToken);
    if (next.refreshToken !== refreshToken) {
      this.rotated.set(refreshToken, next);
      while (this.rotated.size > this.maxRemembered) {
        const oldest = this.rotated.keys().next().value;
        if (oldest === undefined) break;
        this.rotated.delete(oldest);
      }
    }
    this.rotateEmitter.fire({ previous: refreshToken, next });
    return next;
  }

  private refusedError(refreshToken: string): CoreError {
    if (this.tenantScoped.has(refreshToken)) return new CoreError('refresh_failed', 'the Nevent API refused to renew the token of this tenant');
    return new CoreError('refresh_failed', 'the Nevent API refused to renew the sign-in; sign in again');
  }
}
