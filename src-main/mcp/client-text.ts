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
