import { describe, expect, it } from 'vitest';
import { tenantColumns } from '../../../src-shared/ipc';
import { ancestorIndices, buildTenantTree, childCount, childrenOf, defaultExpanded, flattenVisible } from '../../../src-renderer/lib/tenant-tree';

/** Parent positions as main sends them (a parent not in the list is -1). */
const parentsOf = (list: readonly { id: string; parentId: string | null }[]): number[] => tenantColumns(list.map((t) => ({ ...t, name: t.id }))).parent;

const tenants = [
  { id: 'root', parentId: null },
  { id: 'a', parentId: 'root' },
  { id: 'a1', parentId: 'a' },
  { id: 'b', parentId: 'root' },
  { id: 'orphan', parentId: 'not-visible' },
];
const ids = tenants.map((t) => t.id);

describe('tenant tree', () => {
  const tree = buildTenantTree(parentsOf(tenants));

  it('treats tenants whose parent is not visible as roots', () => {
    expect(Array.from(tree.roots, (i) => ids[i])).toEqual(['root', 'orphan']);
    expect(Array.from(tree.depth)).toEqual([0, 1, 2, 1, 0]);
    expect(Array.from(childrenOf(tree, 0), (i) => ids[i])).toEqual(['a', 'b']);
    expect([childCount(tree, 0), childCount(tree, 2), childCount(tree, 4)]).toEqual([2, 0, 0]);
  });

  it('shows only the children of expanded tenants, depth first', () => {
    expect(flattenVisible(tree, new Set(), ids).map((i) => ids[i])).toEqual(['root', 'orphan']);
    expect(flattenVisible(tree, new Set(['root']), ids).map((i) => ids[i])).toEqual(['root', 'a', 'b', 'orphan']);
    expect(flattenVisible(tree, new Set(['root', 'a']), ids).map((i) => ids[i])).toEqual(['root', 'a', 'a1', 'b', 'orphan']);
    // Expanding a child under a collapsed parent reveals nothing.
    expect(flattenVisible(tree, new Set(['a']), ids).map((i) => ids[i])).toEqual(['root', 'orphan']);
  });

  it('expands everything in small lists and only roots in large ones', () => {
    expect([...defaultExpanded(tree, ids)].sort()).toEqual(['a', 'root']);
    expect([...defaultExpanded(tree, ids, 2)].sort()).toEqual(['orphan', 'root']);
  });

  it('lists ancestors nearest first and survives parent cycles, self-parents and bad positions', () => {
    expect(ancestorIndices(tree, 2).map((i) => ids[i])).toEqual(['a', 'root']);
    // x → y → z → x: one of them becomes the root and the depths follow the chain that is left.
    const cyclic = buildTenantTree([1, 2, 0]);
    expect(cyclic.roots).toHaveLength(1);
    const root = cyclic.roots[0] as number;
    expect(cyclic.depth[root]).toBe(0);
    expect([...cyclic.depth].sort()).toEqual([0, 1, 2]);
    for (let i = 0; i < 3; i++) if (i !== root) expect(cyclic.depth[i]).toBe((cyclic.depth[cyclic.parent[i] as number] as number) + 1);
    expect(flattenVisible(cyclic, new Set(['x', 'y', 'z']), ['x', 'y', 'z']).sort()).toEqual([0, 1, 2]);
    const odd = buildTenantTree([0, 7, -5, 1.5]);
    expect(Array.from(odd.roots)).toEqual([0, 1, 2, 3]);
  });

  it('flattens 100,000 tenants without recursion', () => {
    const n = 100_000;
    const deep = buildTenantTree(Array.from({ length: n }, (_, i) => i - 1));
    const allIds = Array.from({ length: n }, (_, i) => `t${i}`);
    expect(deep.depth[n - 1]).toBe(n - 1);
    expect(flattenVisible(deep, new Set(allIds), allIds)).toHaveLength(n);
  });
});
