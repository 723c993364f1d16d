/**
 * The tenant tree of the org-picker as typed arrays over the flat tenant list: built once per list
 * (in the catalog worker), flattened per expand/collapse. Visible rows are positions in the flat list,
 * so rows never copy tenants, and the whole tree crosses from the worker without a copy.
 */

/** Parent/child structure over a flat tenant list. */
export interface TenantTree {
  readonly size: number;
  /** Positions of tenants without a parent in the list (the visible roots), in list order. */
  readonly roots: Int32Array;
  /** Parent position per tenant, -1 for a root. */
  readonly parent: Int32Array;
  /** Depth below the visible root (0 for roots). */
  readonly depth: Int32Array;
  /** Tenant i's children are `childList[childStart[i] .. childStart[i + 1]]`, in list order. */
  readonly childStart: Int32Array;
  readonly childList: Int32Array;
}

/**
 * Builds the tree once per tenant list from each tenant's parent position (-1: none in the list).
 * Self-parents and cycles make a tenant a root; an out-of-range parent does too.
 */
export function buildTenantTree(parents: ArrayLike<number>): TenantTree {
  const n = parents.length;
  const parent = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const p = parents[i] as number;
    if (Number.isInteger(p) && p >= 0 && p < n && p !== i) parent[i] = p;
  }
  // Depths by walking up to a tenant whose depth is known; a walk that meets itself breaks the cycle there.
  const depth = new Int32Array(n).fill(-1);
  const onPath = new Int32Array(n).fill(-1);
  const path: number[] = [];
  let walk = 0;
  for (let i = 0; i < n; i++) {
    if ((depth[i] as number) >= 0) continue;
    let cur = i;
    path.length = 0;
    walk++;
    while (cur >= 0 && (depth[cur] as number) === -1) {
      if (onPath[cur] === walk) {
        // A cycle: `cur` becomes a root, and the walk starts again from i over the tree that is left.
        parent[cur] = -1;
        cur = i;
        path.length = 0;
        walk++;
        continue;
      }
      onPath[cur] = walk;
      path.push(cur);
      cur = parent[cur] as number;
    }
    for (let k = path.length - 1; k >= 0; k--) {
      const node = path[k] as number;
      const p = parent[node] as number;
      depth[node] = p < 0 ? 0 : (depth[p] as number) + 1;
    }
  }
  const childStart = new Int32Array(n + 1);
  let rootCount = 0;
  for (let i = 0; i < n; i++) {
    const p = parent[i] as number;
    if (p < 0) rootCount++;
    else childStart[p + 1] = (childStart[p + 1] as number) + 1;
  }
  for (let i = 0; i < n; i++) childStart[i + 1] = (childStart[i + 1] as number) + (childStart[i] as number);
  const fill = childStart.slice(0, n);
  const childList = new Int32Array(n - rootCount);
  const roots = new Int32Array(rootCount);
  let r = 0;
  for (let i = 0; i < n; i++) {
    const p = parent[i] as number;
    if (p < 0) roots[r++] = i;
    else {
      childList[fill[p] as number] = i;
      fill[p] = (fill[p] as number) + 1;
    }
  }
  return { size: n, roots, parent, depth, childStart, childList };
}

/** The buffers of a tree, to transfer it from the worker without a copy. */
export function treeBuffers(tree: TenantTree): ArrayBuffer[] {
  return [tree.roots.buffer, tree.parent.buffer, tree.depth.buffer, tree.childStart.buffer, tree.childList.buffer] as ArrayBuffer[];
}

/** How many children tenant `index` has. */
export function childCount(tree: TenantTree, index: number): number {
  return (tree.childStart[index + 1] ?? 0) - (tree.childStart[index] ?? 0);
}

/** The children of tenant `index`, in list order. */
export function childrenOf(tree: TenantTree, index: number): Int32Array {
  return tree.childList.subarray(tree.childStart[index] ?? 0, tree.childStart[index + 1] ?? 0);
}

/** The rows shown in tree mode: a depth-first walk that enters only expanded tenants. */
export function flattenVisible(tree: TenantTree, expanded: ReadonlySet<string>, ids: readonly string[]): number[] {
  const out: number[] = [];
  const stack: number[] = [];
  for (let r = tree.roots.length - 1; r >= 0; r--) stack.push(tree.roots[r] as number);
  while (stack.length > 0) {
    const i = stack.pop() as number;
    out.push(i);
    if (!expanded.has(ids[i] as string)) continue;
    const kids = childrenOf(tree, i);
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k] as number);
  }
  return out;
}

/** Ids expanded by default: everything for small lists, only the roots for large ones. */
export function defaultExpanded(tree: TenantTree, ids: readonly string[], expandAllUpTo = 300): Set<string> {
  const out = new Set<string>();
  if (ids.length <= expandAllUpTo) {
    for (let i = 0; i < ids.length; i++) if (childCount(tree, i) > 0) out.add(ids[i] as string);
    return out;
  }
  for (const r of tree.roots) out.add(ids[r] as string);
  return out;
}

/** Ids of every ancestor of `index`, nearest first: expanding them reveals the tenant. */
export function ancestorIndices(tree: TenantTree, index: number): number[] {
  const out: number[] = [];
  let p = tree.parent[index] as number;
  for (let guard = 0; p >= 0 && guard < tree.parent.length; guard++) {
    out.push(p);
    p = tree.parent[p] as number;
  }
  return out;
}
