/** The window's tenant list as columns: what main builds reads back the same, and the check refuses what is not columns. */
import { describe, expect, it } from 'vitest';
import { TenantColumnsSchema, TenantListSchema, columnsSize, tenantAt, tenantColumns, tenantColumnsIssue } from '../../../src-shared/ipc';

const tenants = [
  { id: 'tn-root', name: 'Root', parentId: null, level: 0 },
  { id: 'tn-a', name: 'A', parentId: 'tn-root', level: 1, slug: 'a', domain: 'a.example' },
  { id: 'tn-b', name: 'B', parentId: 'tn-root', level: 1, status: 'INVITED', statusReason: 'Ask the owner.', role: 'ADMIN' },
  { id: 'tn-orphan', name: 'Orphan', parentId: 'tn-not-listed', level: 4 },
];

describe('tenant columns', () => {
  it('hold what the picker shows and read back per tenant, parents as positions', () => {
    const columns = tenantColumns(tenants);
    expect(columnsSize(columns)).toBe(4);
    expect(columns.parent).toEqual([-1, 0, 0, -1]);
    expect(columns.slug).toEqual([null, 'a', null, null]);
    expect(tenantAt(columns, 1)).toEqual({ id: 'tn-a', name: 'A', parentId: 'tn-root', slug: 'a' });
    expect(tenantAt(columns, 2)).toEqual({ id: 'tn-b', name: 'B', parentId: 'tn-root', status: 'INVITED', statusReason: 'Ask the owner.', role: 'ADMIN' });
    // A parent outside the list is none (the picker shows the tenant as a root), not a made-up id.
    expect(tenantAt(columns, 3)).toEqual({ id: 'tn-orphan', name: 'Orphan', parentId: null });
    expect(tenantColumnsIssue(columns)).toBeNull();
  });

  it('send an optional column only when some tenant has a value', () => {
    const plain = tenantColumns(tenants.slice(0, 1));
    expect(Object.keys(plain).sort()).toEqual(['id', 'name', 'parent']);
    expect(TenantColumnsSchema.parse(plain)).toBe(plain);
  });

  it('refuse anything that is not one entry per tenant in every column', () => {
    const good = tenantColumns(tenants);
    const bad: unknown[] = [
      null,
      [],
      { ...good, id: undefined },
      { ...good, id: ['tn-root', '', 'tn-b', 'tn-orphan'] },
      { ...good, name: good.name.slice(1) },
      { ...good, parent: [-1, 0, 0, 4] },
      { ...good, parent: [-1, 0, 0.5, -1] },
      { ...good, parent: [-2, 0, 0, -1] },
      { ...good, status: ['ACTIVE', 3, null, null] },
      { ...good, slug: ['a'] },
    ];
    for (const value of bad) {
      expect(tenantColumnsIssue(value), JSON.stringify(value)).not.toBeNull();
      expect(TenantColumnsSchema.safeParse(value).success).toBe(false);
    }
    const list = { tenants: good, role: 'OWNER', homeTenantId: 'tn-root', activeTenantId: 'tn-root', recent: [], pinned: [] };
    expect(TenantListSchema.parse(list).tenants).toBe(good);
  });
});
