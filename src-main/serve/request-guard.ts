/**
 * Who may talk to `serve`: only pages on our own loopback origin that know the per-launch token.
 *
 *   Host   must name our loopback listener (defeats DNS rebinding: evil.example → 127.0.0.1)
 *   Origin when present, must be our own origin (no cross-site requests; no CORS is ever answered)
 *   token  `x-nevent-token` header on the API and the event stream; never a cookie (cookies are not
 *          isolated by port). The page gets it from the printed URL, or a single-use hand-off.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh per-launch token: 32 random bytes, URL-safe. */
export function createLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares a presented token with ours in constant time. */
export function tokenMatches(expected: string, presented: string | null | undefined): boolean {
  if (presented === null || presented === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The Host values that name our listener on `port`. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** The origins of our own pages on `port`. */
export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

/** Why a request is refused, or null when Host and Origin are fine. */
export function checkHostAndOrigin(port: number, host: string | undefined, origin: string | undefined, fetchSite: string | undefined): string | null {
  if (host === undefined || !allowedHosts(port).has(host.toLowerCase())) return 'unexpected Host header';
  if (origin !== undefined && !allowedOrigins(port).has(origin.toLowerCase())) return 'cross-origin request';
  if (fetchSite === 'cross-site') return 'cross-site request';
  return null;
}
