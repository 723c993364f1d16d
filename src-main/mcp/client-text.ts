/**
 * Strings an MCP client chooses and we keep (its name and version in the session, the panel and every
 * audit entry): bounded in length and stripped of control characters, so one client cannot fill the
 * app's memory or the window's event stream (a 3 MB `clientInfo.name` used to be repeated in each).
 */

/** How long each kept client string may be, in characters. */
export const clientTextLimits = { name: 100, version: 50, title: 100 } as const;

// C0/C1 controls and the bidi overrides that could make a name display as something else.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here.
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `value` as a kept client string: trimmed, controls removed, cut to `max` characters (with …); null when not a string. */
export function boundClientText(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  // Cut first: cleaning a multi-megabyte string only to drop most of it would be wasted work.
  const head = value.length > max * 4 ? value.slice(0, max * 4) : value;
  const clean = head.replace(unsafeCharacters, '').trim();
  const chars = Array.from(clean);
  return chars.length > max || head.length < value.length ? `${chars.slice(0, max - 1).join('')}…` : clean;
}

/** User-Agent products that name an HTTP library or a browser, not the MCP client using it. */
const genericAgents = new Set(['mozilla', 'node', 'undici', 'node-fetch', 'axios', 'got', 'bun', 'deno', 'python-requests', 'python-httpx', 'python-urllib', 'aiohttp', 'go-http-client', 'okhttp', 'java', 'dart', 'reqwest']);

/**
 * The client an HTTP request's `User-Agent` names (its first product, `name/version`), for clients that
 * say nothing else about themselves (2026-07-28 has no handshake, and some send no client info in the
 * request's `_meta`). Null for a library's or a browser's default agent, which names no client.
 */
export function clientFromUserAgent(userAgent: string | null | undefined): { name: string; version: string | null } | null {
  if (typeof userAgent !== 'string') return null;
  const match = /^\s*([A-Za-z0-9][\w.@+-]{0,99})(?:\/([\w.+-]{1,50}))?/.exec(userAgent.slice(0, 400));
  const name = match?.[1];
  if (name === undefined || genericAgents.has(name.toLowerCase())) return null;
  return { name: boundClientText(name, clientTextLimits.name) ?? name, version: match?.[2] === undefined ? null : boundClientText(match[2], clientTextLimits.version) };
}
