/**
 * Who may reach a listener of ours on the loopback interface: `serve`'s window API and the MCP HTTP
 * endpoint apply the same rule, so it is written once, here, below both.
 *
 *   Host   must name our loopback listener (defeats DNS rebinding: evil.example → 127.0.0.1)
 *   Origin when present, must be our own origin (no cross-site requests; no CORS is ever answered)
 *   Sec-Fetch-Site  `cross-site` is refused even without an Origin
 */

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
