/**
 * Access and refresh tokens for the demo API.
 *
 * Access tokens, like the real API's: HS256 with a server secret the client never sees (so clients can
 * only check claims), or — with `--jwks` — ES256 with the public key served as a JWKS, so the signature
 * path stays tested too. Claims as Nevent sends them (`sub email role tenantId iat exp iss`; the
 * SUPERADMIN's tenant in `activeTenantId`; the `solo` user's token without a role) plus a `jti` sequence
 * number, which is how `expireAccessTokens()` rejects everything issued so far. Refresh tokens: opaque,
 * random, bound to user + tenant, single-use and rotating — a second use is refused and counted.
 */
import { randomBytes } from 'node:crypto';
import { base64url, calculateJwkThumbprint, errors as joseErrors, exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import type { CryptoKey, JWK } from 'jose';
import { z } from 'zod';
import type { DemoTenant } from './demo-records';
import type { DemoAccount } from './demo-users';
import { DemoHttpError } from './http-error';

/** The claims the demo reads back from its own tokens. */
const DemoClaimsSchema = z.object({ sub: z.string().min(1), jti: z.string().min(1), tenantId: z.string().optional(), activeTenantId: z.string().optional() }).loose();

/** What a valid bearer proves. */
export interface VerifiedAccess {
  userName: string;
  /** Null for an unscoped token (signed in with `?unscoped=true`, not yet switched). */
  tenantId: string | null;
}

/** Extra knobs for forged tokens used by fault injection. */
export interface IssueOptions {
  /** Seconds; defaults to the current access-token TTL. */
  ttlSeconds?: number;
  /** Shift `iat` into the past (seconds), e.g. for an already-expired token. */
  issuedSecondsAgo?: number;
  /** Sign with a key the server does not use (for `bad_signature`). */
  foreignKey?: boolean;
}

/** How tokens are signed: HS256 like the real API (default), or ES256 with a published JWKS. */
export type SigningMode = 'hs256' | 'jwks';

interface Keys {
  alg: 'HS256' | 'ES256';
  sign: CryptoKey | Uint8Array;
  verify: CryptoKey | Uint8Array;
  foreign: CryptoKey | Uint8Array;
  /** Published only in `jwks` mode. */
  publicJwk: JWK | null;
  kid: string | null;
}

interface RefreshRecord {
  userName: string;
  tenantId: string | null;
  used: boolean;
  expiresAt: number;
}

const refreshLifetimeMs = 30 * 24 * 3600 * 1000;
/** Refresh records kept at most; old ones are dropped first (a long benchmark must not grow memory forever). */
const maxRefreshRecords = 200_000;

/** Signs, verifies and rotates tokens. Create with `TokenService.create`. */
export class TokenService {
  private nextSeq = 1;
  private firstValidSeq = 1;
  private readonly refreshTokens = new Map<string, RefreshRecord>();
  /** Called when a refresh token is presented a second time. */
  onRefreshReuse: () => void = () => undefined;

  private constructor(
    private readonly issuer: string,
    private readonly keys: Keys,
    private readonly getTtlSeconds: () => number,
    private readonly now: () => number,
  ) {}

  /**
   * HS256 with a random secret (and a second one for forged signatures), or ES256 keys with the public
   * one published as a JWKS.
   */
  static async create(issuer: string, getTtlSeconds: () => number, options: { mode?: SigningMode; now?: () => number } = {}): Promise<TokenService> {
    const now = options.now ?? Date.now;
    if ((options.mode ?? 'hs256') === 'hs256') {
      const secret = randomBytes(32);
      return new TokenService(issuer, { alg: 'HS256', sign: secret, verify: secret, foreign: randomBytes(32), publicJwk: null, kid: null }, getTtlSeconds, now);
    }
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const foreign = await generateKeyPair('ES256');
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    return new TokenService(issuer, { alg: 'ES256', sign: privateKey, verify: publicKey, foreign: foreign.privateKey, publicJwk: { ...publicJwk, kid, alg: 'ES256', use: 'sig' }, kid }, getTtlSeconds, now);
  }

  /** The `/.well-known/jwks.json` body, or null when tokens are HS256 (no keys are published). */
  jwks(): { keys: JWK[] } | null {
    return this.keys.publicJwk === null ? null : { keys: [this.keys.publicJwk] };
  }

  /** The claims of an access token for the account in `tenant` (null: unscoped, no tenant claims). */
  private claimsFor(account: DemoAccount, tenant: DemoTenant | null, iat: number, ttl: number): Record<string, unknown> {
    const claims: Record<string, unknown> = { sub: account.id, email: account.email, iat, exp: iat + ttl, iss: this.issuer };
    if (account.tokenRole !== null) claims.role = account.tokenRole;
    if (tenant !== null) {
      // The tenant claim comes as `tenantId`, or `activeTenantId` for the platform user (both are seen).
      claims[account.role === 'SUPERADMIN' ? 'activeTenantId' : 'tenantId'] = tenant.id;
      if (tenant.slug !== undefined) claims.tenant_slug = tenant.slug;
    }
    return claims;
  }

  /** An access token for the account, scoped to `tenant` (null: an unscoped token without tenant claims). */
  async issueAccess(account: DemoAccount, tenant: DemoTenant | null, options: IssueOptions = {}): Promise<string> {
    const iat = Math.floor(this.now() / 1000) - (options.issuedSecondsAgo ?? 0);
    const ttl = options.ttlSeconds ?? this.getTtlSeconds();
    const jti = `at-${this.nextSeq}`;
    this.nextSeq += 1;
    const header = this.keys.kid === null ? { alg: this.keys.alg, typ: 'JWT' } : { alg: this.keys.alg, typ: 'JWT', kid: this.keys.kid };
    return new SignJWT({ ...this.claimsFor(account, tenant, iat, ttl), jti })
      .setProtectedHeader(header)
      .sign(options.foreignKey === true ? this.keys.foreign : this.keys.sign);
  }

  /** An unsigned `alg: none` token with otherwise plausible claims (fault injection). */
  unsignedToken(account: DemoAccount, tenant: DemoTenant): string {
    const iat = Math.floor(this.now() / 1000);
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const payload = base64url.encode(JSON.stringify(this.claimsFor(account, tenant, iat, this.getTtlSeconds())));
    return `${header}.${payload}.`;
  }

  /** Verifies a bearer token: signature, issuer, expiry, claims, and not revoked. Throws 401. */
  async verifyAccess(token: string, userNameOf: (userId: string) => string | undefined): Promise<VerifiedAccess> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.keys.verify, { issuer: this.issuer, algorithms: [this.keys.alg], currentDate: new Date(this.now()) }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new DemoHttpError(401, 'token_expired', 'Access token has expired');
      throw new DemoHttpError(401, 'invalid_token', 'Access token is invalid');
    }
    const parsed = DemoClaimsSchema.safeParse(payload);
    if (!parsed.success) throw new DemoHttpError(401, 'invalid_token', 'Access token is invalid');
    const seq = Number(parsed.data.jti.replace(/^at-/, ''));
    if (!Number.isInteger(seq) || seq < this.firstValidSeq) throw new DemoHttpError(401, 'token_expired', 'Access token has expired');
    const userName = userNameOf(parsed.data.sub);
    if (userName === undefined) throw new DemoHttpError(401, 'invalid_token', 'Access token is invalid');
    return { userName, tenantId: parsed.data.tenantId ?? parsed.data.activeTenantId ?? null };
  }

  /** Every access token issued so far is rejected from now on. */
  revokeIssuedAccessTokens(): void {
    this.firstValidSeq = this.nextSeq;
  }

  /** A new single-use refresh token bound to user + tenant. */
  issueRefresh(userName: string, tenantId: string | null): string {
    if (this.refreshTokens.size >= maxRefreshRecords) {
      const oldest = this.refreshTokens.keys().next().value;
      if (oldest !== undefined) this.refreshTokens.delete(oldest);
    }
    const token = `rt_${randomBytes(24).toString('base64url')}`;
    this.refreshTokens.set(token, { userName, tenantId, used: false, expiresAt: this.now() + refreshLifetimeMs });
    return token;
  }

  /** A refresh token that was never issued (returned with faulty switch answers). */
  bogusRefreshToken(): string {
    return `rt_invalid_${randomBytes(12).toString('base64url')}`;
  }

  /** Consumes a refresh token: returns its user + tenant, or throws 401 (unknown, expired, or reused). */
  consumeRefresh(token: string): { userName: string; tenantId: string | null } {
    const record = this.refreshTokens.get(token);
    if (record === undefined) throw new DemoHttpError(401, 'refresh_failed', 'Refresh token is invalid');
    if (record.used) {
      this.onRefreshReuse();
      throw new DemoHttpError(401, 'refresh_failed', 'Refresh token was already used; sign in again');
    }
    if (record.expiresAt <= this.now()) throw new DemoHttpError(401, 'refresh_failed', 'Refresh token has expired; sign in again');
    record.used = true;
    return { userName: record.userName, tenantId: record.tenantId };
  }
}
