/**
 * Who may talk to `serve`: only pages on our own loopback origin (Host and Origin checked by
 * src-shared/loopback-origin.ts, the rule the MCP HTTP endpoint shares) that know the per-launch token.
 *
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
