/**
 * Checks every access token before a session uses it: the signature against a JWKS when
 * one is configured or discovered at `${apiUrl}/.well-known/jwks.json` (the demo API serves one);
 * otherwise (the real API signs with a secret the client cannot see) the claims only. Always: never
 * `alg: none`, `exp` in the future, the expected `iss` when configured, and the `tenantId` claim equal
 * to the tenant that was asked for.
 */
import { createRemoteJWKSet, customFetch, decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { AccessTokenClaimsSchema, type AccessTokenClaims } from '../../src-shared/api';
import type { Clock } from './clock';
import type { FetchLike } from './http-client';
import { CoreError } from './tenant-session';

/** How the verifier finds keys: a JWKS URL, `'discover'` (default), or `'none'` (claims only). */
export type JwksSetting = string | 'discover' | 'none';

/** Verifier configuration. */
export interface TokenVerifierOptions {
  apiUrl: string;
  jwks?: JwksSetting;
  /** Expected `iss`; unchecked when absent. */
  issuer?: string;
  clock: Clock;
  fetch?: FetchLike;
  /** Timeout of the JWKS download. */
  timeoutMs?: number;
}

/** What `verify` checks the tenant against: a tenant id, or `null` for "any tenant" (sign-in). */
export type ExpectedTenant = string | null;

// The client can only verify public-key signatures; HMAC secrets never reach it.
const asymmetricAlgorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];
const decodableAlgorithms = new Set([...asymmetricAlgorithms, 'HS256', 'HS384', 'HS512']);

type KeySet = ReturnType<typeof createRemoteJWKSet>;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function invalid(message: string): CoreError {
  return new CoreError('invalid_token', message);
}

/** Verifies access tokens; caches the JWKS discovery result for its lifetime. */
export class TokenVerifier {
  private discovery: Promise<KeySet | null> | null = null;
  private readonly fetchImpl: FetchLike;

  constructor(private readonly options: TokenVerifierOptions) {
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** True when signatures are checked (a JWKS was configured or found). */
  async verifiesSignatures(): Promise<boolean> {
    return (await this.keySet()) !== null;
  }

  /**
   * Checks `token` and returns its claims. Rejects with `invalid_token` (malformed, bad signature,
   * `alg: none`, expired, wrong issuer) or `token_tenant_mismatch` (scoped to another tenant).
   */
  async verify(token: string, expectedTenant: ExpectedTenant): Promise<AccessTokenClaims> {
    const header = this.header(token);
    const keys = await this.keySet();
    let payload: JWTPayload;
    if (keys === null) {
      if (!decodableAlgorithms.has(header.alg)) throw invalid(`the token uses an unsupported algorithm (${header.alg})`);
      payload = this.decode(token);
    } else {
      payload = await this.verifySignature(token, keys);
    }
    const claims = AccessTokenClaimsSchema.safeParse(payload);
    if (!claims.success) throw invalid('the claims of the token cannot be read');
    this.checkClaims(claims.data, expectedTenant);
    return claims.data;
  }

  /**
   * Reads the claims of a token without the expiry check, for tokens restored from the keychain
   * (expired access tokens are normal there; the first request refreshes them). Still refuses
   * malformed tokens and `alg: none`.
   */
  decodeStored(token: string): AccessTokenClaims {
    const header = this.header(token);
    if (!decodableAlgorithms.has(header.alg)) throw invalid(`the token uses an unsupported algorithm (${header.alg})`);
    const claims = AccessTokenClaimsSchema.safeParse(this.decode(token));
    if (!claims.success) throw invalid('the claims of the token cannot be read');
    return claims.data;
  }

  private header(token: string): { alg: string } {
    const parts = token.split('.');
    if (parts.length !== 3) throw invalid('the token is not a JWT');
    let alg: unknown;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw invalid('the token header cannot be read');
    }
    if (typeof alg !== 'string' || alg.toLowerCase() === 'none') throw invalid('the token is unsigned (alg: none)');
    if (parts[2] === '') throw invalid('the token has no signature');
    return { alg };
  }

  private decode(token: string): JWTPayload {
    try {
      return decodeJwt(token);
    } catch {
      throw invalid('the token payload cannot be read');
    }
  }

  private async verifySignature(token: string, keys: KeySet): Promise<JWTPayload> {
    try {
      const verifyOptions = { algorithms: asymmetricAlgorithms, currentDate: new Date(this.options.clock.now()) };
      const { payload } = await jwtVerify(token, keys, this.options.issuer === undefined ? verifyOptions : { ...verifyOptions, issuer: this.options.issuer });
      return payload;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw invalid('the token has expired');
      if (error instanceof joseErrors.JWTClaimValidationFailed) throw invalid(`the token claim "${error.claim}" is not valid`);
      if (error instanceof joseErrors.JOSEAlgNotAllowed) throw invalid('the token uses an algorithm that is not allowed');
      if (error instanceof joseErrors.JWSSignatureVerificationFailed) throw invalid('the token signature does not verify');
      if (error instanceof joseErrors.JWKSNoMatchingKey) throw invalid('the token was signed with an unknown key');
      if (error instanceof joseErrors.JWKSTimeout) throw new CoreError('timeout', 'the signing keys (JWKS) could not be fetched in time');
      if (error instanceof joseErrors.JOSEError) throw invalid('the token cannot be verified');
      throw new CoreError('api_unavailable', 'the signing keys (JWKS) could not be fetched');
    }
  }

  private checkClaims(claims: AccessTokenClaims, expectedTenant: ExpectedTenant): void {
    // A token without `exp` is left to the API to refuse (a 401 then renews it).
    if (claims.exp !== undefined && claims.exp * 1000 <= this.options.clock.now()) throw invalid('the token has expired');
    if (this.options.issuer !== undefined && claims.iss !== this.options.issuer) throw invalid('the token was issued by someone else (iss)');
    if (expectedTenant !== null && claims.tenantId !== expectedTenant) {
      throw new CoreError('token_tenant_mismatch', `the API returned a token for ${claims.tenantId === undefined ? 'no tenant' : `tenant "${claims.tenantId}"`} instead of "${expectedTenant}"`);
    }
  }

  private keySet(): Promise<KeySet | null> {
    this.discovery ??= this.findKeySet().catch((error: unknown) => {
      // A failed download is not a result: try again next time.
      this.discovery = null;
      throw error;
    });
    return this.discovery;
  }

  private async findKeySet(): Promise<KeySet | null> {
    const setting = this.options.jwks ?? 'discover';
    if (setting === 'none') return null;
    const fetchImpl = this.fetchImpl;
    const options = { timeoutDuration: this.options.timeoutMs ?? 5000, [customFetch]: (url: string, init: RequestInit) => fetchImpl(url, init) };
    if (setting !== 'discover') return createRemoteJWKSet(new URL(setting), options);
    const url = `${this.options.apiUrl.replace(/\/+$/, '')}/.well-known/jwks.json`;
    let response: Response;
    try {
      response = await fetchImpl(url, { method: 'GET', headers: { accept: 'application/json' }, signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000) });
    } catch {
      throw new CoreError('api_unavailable', `could not reach the Nevent API at ${hostOf(this.options.apiUrl)} (looking for its signing keys)`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      // 404 (or any refusal) means the API publishes no keys: claims-only checks from now on.
      if (response.status >= 500) throw new CoreError('api_unavailable', `the Nevent API is unavailable (HTTP ${response.status})`);
      return null;
    }
    const body: unknown = await response.json().catch(() => null);
    const hasKeys = body !== null && typeof body === 'object' && Array.isArray((body as { keys?: unknown }).keys);
    return hasKeys ? createRemoteJWKSet(new URL(url), options) : null;
  }
}
