/** Test access tokens signed with jose: HS256 (claims-only verification) or ES256 (JWKS). */
import { base64url, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/** Claims a test token may carry; `tenantId: null` leaves the claim out (an unscoped token). */
export interface TestClaims {
  sub?: string;
  email?: string;
  /** Any role the API may send; null leaves the claim out (the real API may send none). */
  role?: string | null;
  tenantId?: string | null;
  /** Put the tenant in `activeTenantId` instead of `tenantId` (both are seen from the real API). */
  tenantClaim?: 'tenantId' | 'activeTenantId';
  iss?: string;
  /** Seconds since the epoch. */
  iat?: number;
  exp?: number;
}

const secret = new TextEncoder().encode('unit-test-secret-unit-test-secret!');

function payload(claims: TestClaims, nowMs: number): Record<string, unknown> {
  const iat = claims.iat ?? Math.floor(nowMs / 1000);
  const body: Record<string, unknown> = { sub: claims.sub ?? 'usr-1', email: claims.email ?? 'user@example.test', iat, exp: claims.exp ?? iat + 900 };
  if (claims.role !== null) body.role = claims.role ?? 'OWNER';
  if (claims.tenantId !== null) body[claims.tenantClaim ?? 'tenantId'] = claims.tenantId ?? 'tenant-a';
  if (claims.iss !== undefined) body.iss = claims.iss;
  return body;
}

/** An HS256 token (the real API's kind: the client cannot check the signature). */
export function hsToken(claims: TestClaims = {}, nowMs: number = Date.now()): Promise<string> {
  return new SignJWT(payload(claims, nowMs)).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secret);
}

/** An unsigned `alg: none` token. */
export function noneToken(claims: TestClaims = {}, nowMs: number = Date.now()): string {
  return `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url.encode(JSON.stringify(payload(claims, nowMs)))}.`;
}

/** An ES256 key pair with its public JWKS, and a signer. */
export interface TestSigner {
  jwks: { keys: JWK[] };
  sign(claims?: TestClaims, nowMs?: number): Promise<string>;
}

/** Creates an ES256 signer (kid "k1"). */
export async function esSigner(): Promise<TestSigner> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  const key: CryptoKey = privateKey;
  return {
    jwks: { keys: [jwk] },
    sign: (claims = {}, nowMs = Date.now()) => new SignJWT(payload(claims, nowMs)).setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: 'k1' }).sign(key),
  };
}

/**
 * A token-shaped string (header.payload.signature, base64url) that no server ever signed, built at run
 * time so the repository holds no literal that looks like a real JWT. For leak and redaction tests.
 */
export function fakeJwtShape(claims: Record<string, unknown>, signature: string, alg = 'HS256'): string {
  return [JSON.stringify({ alg }), JSON.stringify(claims), signature].map((part) => base64url.encode(part)).join('.');
}
