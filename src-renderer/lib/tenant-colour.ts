/** A stable per-tenant colour: the same tenant id always gets the same hue, on every launch. */

/** FNV-1a over the UTF-16 code units of `text`, as an unsigned 32-bit number. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Murmur3's finaliser: ids differing in one character land far apart on the colour wheel. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Twelve hues spaced by how different they look, not by degrees: an even split of the wheel gives a
 * third of all tenants some shade of green. Neighbours in a list still collide sometimes; the name is
 * always shown next to the colour.
 */
export const tenantHues: readonly number[] = [4, 24, 42, 85, 135, 168, 192, 212, 232, 262, 290, 325];

/** The tenant's hue (0–359); themes choose saturation and lightness so contrast holds in light and dark. */
export function tenantHue(tenantId: string): number {
  return tenantHues[mix(fnv1a(tenantId)) % tenantHues.length] as number;
}
