/** A stable per-tenant colour: the same tenant id always gets the same hue, on every launch. */
import { childrenOf, type TenantTree } from './tenant-tree';

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

/**
 * Hues for a whole tenant list (one per list position), so tenants that appear together look
 * different: every child avoids its parent's and its grandparent's colour, and siblings (the rows a
 * picker shows together) take different colours, up to ten of them. Walking the palette in steps of 5
 * (coprime to its 12 hues) keeps consecutive siblings far apart on it. Deterministic: the same tree
 * always gets the same colours, whatever order the list came in. The hash above stays the colour of a
 * tenant the list does not hold.
 */
export function assignTenantHues(ids: readonly string[], tree: TenantTree): Uint16Array {
  const hues = new Uint16Array(ids.length);
  const n = tenantHues.length;
  const byId = (a: number, b: number): number => {
    const x = ids[a] as string;
    const y = ids[b] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  // Roots hang under a virtual parent; their first colour is the hash of the first root, so a
  // single-tenant user keeps the colour they had.
  const roots = Array.from(tree.roots).sort(byId);
  const rootStart = roots[0] === undefined ? 0 : tenantHues.indexOf(tenantHue(ids[roots[0]] as string));
  const stack: { kids: number[]; isRoot: boolean; parentIndex: number; grandIndex: number | null }[] = [{ kids: roots, isRoot: true, parentIndex: (rootStart - 5 + n * 5) % n, grandIndex: null }];
  while (stack.length > 0) {
    const { kids, isRoot, parentIndex, grandIndex } = stack.pop() as (typeof stack)[number];
    const candidates: number[] = [];
    for (let k = 1; k < n; k++) {
      const candidate = (parentIndex + k * 5) % n;
      if (candidate !== grandIndex || isRoot) candidates.push(candidate);
    }
    kids.forEach((tenant, j) => {
      const own = isRoot && j === 0 ? rootStart : (candidates[j % candidates.length] as number);
      hues[tenant] = tenantHues[own] as number;
      const children = childrenOf(tree, tenant);
      if (children.length > 0) stack.push({ kids: Array.from(children).sort(byId), isRoot: false, parentIndex: own, grandIndex: isRoot ? null : parentIndex });
    });
  }
  return hues;
}
