import { describe, expect, it } from 'vitest';
import { ancestorIndices, buildTenantTree, defaultExpanded, flattenVisible } from '../../../src-renderer/lib/tenant-tree';

const tenants = [
  { id: 'root', parentId: null },
  { id: 'a', parentId: 'root' },
  { id: 'a1', parentId: 'a' },
  { id: 'b', parentId: 'root' },
  { id: 'orphan', parentId: 'not-visible' },
];
const ids = tenants.map((t) => t.id);

describe('tenant tree', () => {
  const tree = buildTenantTree(tenants);

  it('treats tenants whose parent is not visible as roots', () => {
    expect(tree.roots.map((i) => ids[i])).toEqual(['root', 'orphan']);
    expect(Array.from(tree.depth)).toEqual([0, 1, 2, 1, 0]);
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

  it('lists ancestors nearest first and survives parent cycles', () => {
    expect(ancestorIndices(tree, 2).map((i) => ids[i])).toEqual(['a', 'root']);
    const cyclic = buildTenantTree([
      { id: 'x', parentId: 'y' },
      { id: 'y', parentId: 'x' },
    ]);
    expect(cyclic.roots.length).toBeGreaterThan(0);
    expect(flattenVisible(cyclic, new Set(['x', 'y']), ['x', 'y']).sort()).toEqual([0, 1]);
  });

  it('flattens 100,000 tenants without recursion', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({ id: `t${i}`, parentId: i === 0 ? null : `t${i - 1}` }));
    const deep = buildTenantTree(many);
    const allIds = many.map((t) => t.id);
    expect(flattenVisible(deep, new Set(allIds), allIds)).toHaveLength(100_000);
  });
});
