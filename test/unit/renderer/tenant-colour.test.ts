import { describe, expect, it } from 'vitest';
import { tenantColumns } from '../../../src-shared/ipc';
import { assignTenantHues, fnv1a, tenantHue, tenantHues } from '../../../src-renderer/lib/tenant-colour';
import { buildTenantTree } from '../../../src-renderer/lib/tenant-tree';

/** The hues of a tenant list by id, the way the catalog assigns them (over the list's tree). */
function huesOf(list: readonly { id: string; parentId?: string | null }[]): Map<string, number> {
  const columns = tenantColumns(list.map((t) => ({ id: t.id, name: t.id, parentId: t.parentId ?? null })));
  const hues = assignTenantHues(columns.id, buildTenantTree(columns.parent));
  return new Map(columns.id.map((id, i) => [id, hues[i] as number]));
}

describe('per-tenant colour', () => {
  it('is stable and in range', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(tenantHue('tenant-acme')).toBe(tenantHue('tenant-acme'));
    for (const id of ['a', 'b', 'tenant-1', 'x'.repeat(128)]) {
      const hue = tenantHue(id);
      expect(tenantHues).toContain(hue);
    }
  });

  it('uses every hue of the palette about equally', () => {
    const counts = new Map<number, number>();
    for (let i = 0; i < 12_000; i++) counts.set(tenantHue(`tn-gen-${i}`), (counts.get(tenantHue(`tn-gen-${i}`)) ?? 0) + 1);
    expect(counts.size).toBe(tenantHues.length);
    for (const n of counts.values()) expect(n).toBeGreaterThan(800);
  });

  it('spreads similar ids over the wheel', () => {
    const hues = new Set(Array.from({ length: 50 }, (_, i) => Math.floor(tenantHue(`tenant-${i}`) / 30)));
    expect(hues.size).toBeGreaterThanOrEqual(8);
  });
});

describe('colours of tenants that appear together', () => {
  // The owner's subtree of the demo tree: the pairs the issue saw collide.
  const tree = [
    { id: 'tn-acme', parentId: null },
    { id: 'tn-acme-es', parentId: 'tn-acme' },
    { id: 'tn-acme-madrid', parentId: 'tn-acme-es' },
    { id: 'tn-acme-madrid-arena', parentId: 'tn-acme-madrid' },
    { id: 'tn-acme-barcelona', parentId: 'tn-acme-es' },
    { id: 'tn-acme-valencia', parentId: 'tn-acme-es' },
    { id: 'tn-acme-fr', parentId: 'tn-acme' },
    { id: 'tn-acme-paris', parentId: 'tn-acme-fr' },
    { id: 'tn-acme-lyon', parentId: 'tn-acme-fr' },
    { id: 'tn-acme-pt', parentId: 'tn-acme' },
  ];

  it('gives siblings, parents and grandparents different colours', () => {
    const hues = huesOf(tree);
    expect(hues.size).toBe(tree.length);
    const hue = (id: string): number => hues.get(id) as number;
    for (const t of tree) {
      if (t.parentId === null) continue;
      expect(hue(t.id), `${t.id} vs its parent`).not.toBe(hue(t.parentId));
      const grand = tree.find((x) => x.id === t.parentId)?.parentId;
      if (grand) expect(hue(t.id), `${t.id} vs its grandparent`).not.toBe(hue(grand));
      const siblings = tree.filter((x) => x.parentId === t.parentId && x.id !== t.id);
      for (const s of siblings) expect(hue(t.id), `${t.id} vs ${s.id}`).not.toBe(hue(s.id));
    }
    expect(hue('tn-acme')).not.toBe(hue('tn-acme-madrid'));
    expect(hue('tn-acme-barcelona')).not.toBe(hue('tn-acme-valencia'));
  });

  it('is the same for the same tree, whatever order the list came in, and keeps a lone tenant’s colour', () => {
    expect([...huesOf([...tree].reverse())].sort()).toEqual([...huesOf(tree)].sort());
    expect(huesOf([{ id: 'tn-solo-studio' }]).get('tn-solo-studio')).toBe(tenantHue('tn-solo-studio'));
    for (const hue of huesOf(tree).values()) expect(tenantHues).toContain(hue);
  });
});
