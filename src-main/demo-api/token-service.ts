/**
 * Access and refresh tokens for the demo API.
 *
 * Access tokens: ES256 JWTs (kid in the header) with the DESIGN §3 claims plus a `jti` sequence number,
 * which is how `expireAccessTokens()` rejects everything issued so far. Refresh tokens: opaque, random,
 * bound to user + tenant, single-use and rotating — a second use is refused and counted.
 */
import { randomBytes } from 'node:crypto';
import { base64url, calculateJwkThumbprint, errors as joseErrors, exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import type { CryptoKey, JWK } from 'jose';
import { z } from 'zod';
import { AccessTokenClaimsSchema } from '../../src-shared/api';
import type { AccessTokenClaims, Tenant } from '../../src-shared/api';
import type { DemoAccount } from './demo-users';
import { DemoHttpError } from './http-error';

/** What a valid bearer proves. */
export interface VerifiedAccess {
  claims: AccessTokenClaims;
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
  /** Sign with a key that is not in the JWKS (for `bad_signature`). */
  foreignKey?: boolean;
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
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
    private readonly foreignKey: CryptoKey,
    private readonly publicJwk: JWK,
    private readonly kid: string,
    private readonly getTtlSeconds: () => number,
    private readonly now: () => number,
  ) {}

  /** Generates a fresh ES256 key pair (and a second, unpublished one for forged signatures). */
  static async create(issuer: string, getTtlSeconds: () => number, now: () => number = Date.now): Promise<TokenService> {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const foreign = await generateKeyPair('ES256');
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    return new TokenService(issuer, privateKey, publicKey, foreign.privateKey, { ...publicJwk, kid, alg: 'ES256', use: 'sig' }, kid, getTtlSeconds, now);
  }

  /** The `/.well-known/jwks.json` body. */
  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  /** An access token for the account, scoped to `tenant` (null: an unscoped token without tenant claims). */
  async issueAccess(account: DemoAccount, tenant: Tenant | null, options: IssueOptions = {}): Promise<string> {
    const iat = Math.floor(this.now() / 1000) - (options.issuedSecondsAgo ?? 0);
    const ttl = options.ttlSeconds ?? this.getTtlSeconds();
    const jti = `at-${this.nextSeq}`;
    this.nextSeq += 1;
    const scope = tenant === null ? {} : { tenantId: tenant.id, tenant_slug: tenant.slug, tenant_role: account.role.toLowerCase() };
    return new SignJWT({ email: account.email, role: account.role, ...scope, name: account.displayName })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: this.kid })
      .setSubject(account.id)
      .setIssuer(this.issuer)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttl)
      .setJti(jti)
      .sign(options.foreignKey === true ? this.foreignKey : this.privateKey);
  }

  /** An unsigned `alg: none` token with otherwise plausible claims (fault injection). */
  unsignedToken(account: DemoAccount, tenant: Tenant): string {
    const iat = Math.floor(this.now() / 1000);
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const payload = base64url.encode(
      JSON.stringify({ sub: account.id, email: account.email, role: account.role, tenantId: tenant.id, tenant_slug: tenant.slug, iat, exp: iat + this.getTtlSeconds(), iss: this.issuer }),
    );
    return `${header}.${payload}.`;
  }

  /** Verifies a bearer token: signature, issuer, expiry, claims, and not revoked. Throws 401. */
  async verifyAccess(token: string, userNameOf: (userId: string) => string | undefined): Promise<VerifiedAccess> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.publicKey, { issuer: this.issuer, algorithms: ['ES256'], currentDate: new Date(this.now()) }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new DemoHttpError(401, 'token_expired', 'Access token has expired');
      throw new DemoHttpError(401, 'invalid_token', 'Access token is invalid');
    }
    const parsed = AccessTokenClaimsSchema.extend({ jti: z.string().min(1) }).safeParse(payload);
    if (!parsed.success) throw new DemoHttpError(401, 'invalid_token', 'Access token is invalid');
    const seq = Number(parsed.data.jti.replace(/^at-/, ''));
    if (!Number.isInteger(seq) || seq < this.firstValidSeq) throw new DemoHttpError(401, 'token_expired', 'Access token has expired');
    const userName = userNameOf(parsed.data.sub);
    if (userName === undefined) throw new DemoHttpError(401, 'invalid_token', 'Access token is invalid');
    return { claims: parsed.data, userName, tenantId: parsed.data.tenantId ?? null };
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
