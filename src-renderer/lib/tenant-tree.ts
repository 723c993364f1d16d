/**
 * The tenant tree of the org-picker as index arrays over the flat tenant list: built once per list,
 * flattened per expand/collapse. Visible rows are positions in the flat list, so rows never copy tenants.
 */

/** What the tree needs of a tenant. */
export interface TreeTenant {
  id: string;
  parentId: string | null;
}

/** Parent/child structure over a flat tenant list. */
export interface TenantTree {
  /** Indices of tenants whose parent is absent from the list (the visible roots), in list order. */
  readonly roots: readonly number[];
  /** Children indices per tenant index (empty array when a leaf), in list order. */
  readonly children: readonly (readonly number[])[];
  /** Parent index per tenant index, -1 for a root. */
  readonly parent: Int32Array;
  /** Depth below the visible root (0 for roots). */
  readonly depth: Int32Array;
  /** Tenant id → index. */
  readonly indexOf: ReadonlyMap<string, number>;
}

const noChildren: readonly number[] = Object.freeze([]);

/** Builds the tree once per tenant list. Cycles and unknown parents make a tenant a root. */
export function buildTenantTree(tenants: readonly TreeTenant[]): TenantTree {
  const n = tenants.length;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) indexOf.set((tenants[i] as TreeTenant).id, i);
  const parent = new Int32Array(n).fill(-1);
  const childLists: (number[] | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const p = (tenants[i] as TreeTenant).parentId;
    const pi = p === null ? undefined : indexOf.get(p);
    if (pi === undefined || pi === i) continue;
    parent[i] = pi;
  }
  // Break cycles: walk up at most n steps; a tenant that reaches itself becomes a root.
  const depth = new Int32Array(n).fill(-1);
  const resolveDepth = (i: number): number => {
    const path: number[] = [];
    let cur = i;
    const onPath = new Set<number>();
    while (cur >= 0 && depth[cur] === -1) {
      if (onPath.has(cur)) {
        parent[cur] = -1;
        break;
      }
      onPath.add(cur);
      path.push(cur);
      cur = parent[cur] as number;
    }
    for (let k = path.length - 1; k >= 0; k--) {
      const node = path[k] as number;
      const p = parent[node] as number;
      depth[node] = p < 0 ? 0 : (depth[p] as number) + 1;
    }
    return depth[i] as number;
  };
  const roots: number[] = [];
  for (let i = 0; i < n; i++) resolveDepth(i);
  for (let i = 0; i < n; i++) {
    const p = parent[i] as number;
    if (p < 0) roots.push(i);
    else (childLists[p] ??= []).push(i);
  }
  const children: (readonly number[])[] = new Array(n);
  for (let i = 0; i < n; i++) children[i] = childLists[i] ?? noChildren;
  return { roots, children, parent, depth, indexOf };
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
    const kids = tree.children[i] as readonly number[];
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k] as number);
  }
  return out;
}

/** Ids expanded by default: everything for small lists, only the roots for large ones. */
export function defaultExpanded(tree: TenantTree, ids: readonly string[], expandAllUpTo = 300): Set<string> {
  const out = new Set<string>();
  if (ids.length <= expandAllUpTo) {
    for (let i = 0; i < ids.length; i++) if ((tree.children[i] as readonly number[]).length > 0) out.add(ids[i] as string);
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
