import { describe, expect, it } from 'vitest';
import { demoAccounts } from '../../../src-main/demo-api/demo-users';
import { SeededRandom } from '../../../src-main/demo-api/prng';
import { TenantAccess } from '../../../src-main/demo-api/tenant-access';
import { TenantDirectory } from '../../../src-main/demo-api/tenant-directory';

const accounts = Object.fromEntries(demoAccounts().map((a) => [a.name, a]));
const account = (name: string) => {
  const found = accounts[name];
  if (found === undefined) throw new Error(name);
  return found;
};

describe('SeededRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = new SeededRandom('x');
    const b = new SeededRandom('x');
    const c = new SeededRandom('y');
    const draw = (r: SeededRandom) => Array.from({ length: 5 }, () => r.hex(24));
    const first = draw(a);
    expect(draw(b)).toEqual(first);
    expect(draw(c)).not.toEqual(first);
    expect(first.every((id) => /^[0-9a-f]{24}$/.test(id))).toBe(true);
  });
});

describe('TenantDirectory', () => {
  it('builds a base tree at least four levels deep with consistent levels and parents', () => {
    const directory = new TenantDirectory();
    const all = directory.all();
    expect(all[0]?.id).toBe('tn-nevent');
    expect(Math.max(...all.map((t) => t.level))).toBeGreaterThanOrEqual(3);
    for (const tenant of all.slice(1)) expect(directory.get(tenant.parentId ?? '')?.level).toBe(tenant.level - 1);
  });

  it('generates exactly the requested total, deterministically', () => {
    const a = new TenantDirectory(1000);
    const b = new TenantDirectory(1000);
    expect(a.size).toBe(1000);
    expect(a.all()).toEqual(b.all());
    expect(new TenantDirectory(5).size).toBe(new TenantDirectory().size);
  });
});

describe('TenantAccess', () => {
  const directory = new TenantDirectory(200);
  const access = new TenantAccess(directory);

  it('applies the role rules', () => {
    expect(access.list(account('superadmin'))).toHaveLength(200);
    expect(access.list(account('owner')).map((t) => t.id)).toEqual(directory.subtree('tn-acme').map((t) => t.id));
    expect(access.list(account('admin')).map((t) => t.id)).toEqual(['tn-globex-de']);
    expect(access.list(account('solo')).map((t) => t.id)).toEqual(['tn-solo-studio']);
    expect(access.list(account('staff')).map((t) => t.id)).toEqual(['tn-globex-uk', 'tn-globex-london', 'tn-globex-manchester']);
    expect(access.canSee(account('admin'), 'tn-globex-berlin')).toBe(false);
    expect(access.canSee(account('owner'), 'tn-acme-madrid-arena')).toBe(true);
  });

  it('builds a tree whose nodes are exactly the flat list minus the root, in the real minimal shapes', () => {
    for (const name of ['superadmin', 'owner', 'admin', 'staff']) {
      const tree = access.tree(account(name));
      const ids: string[] = [];
      type Node = { id: string; name: string; children?: Node[] };
      const walk = (nodes: Node[]) => nodes.forEach((n) => (ids.push(n.id), walk(n.children ?? [])));
      walk(tree.children as Node[]);
      expect([tree.root.id, ...ids]).toEqual(tree.flatList.map((t) => t.id));
      expect(JSON.parse(access.treeJson(account(name)))).toEqual(tree);
      // Tree nodes carry id, name and children only; parents are the nesting.
      for (const node of tree.children as Node[]) expect(Object.keys(node).sort()).toEqual(node.children ? ['children', 'id', 'name'] : ['id', 'name']);
    }
    // Most records say nothing of status or role; the special memberships and the home do.
    const owner = access.tree(account('owner')).flatList;
    expect(owner.filter((t) => t.status !== undefined).map((t) => [t.id, t.status])).toEqual([
      ['tn-acme', 'ACTIVE'],
      ['tn-acme-lyon', 'INVITED'],
      ['tn-acme-porto', 'SUSPENDED'],
    ]);
    expect(owner.filter((t) => t.slug !== undefined).map((t) => t.id)).toEqual(['tn-acme']);
  });

  it('refuses switches with 404 / 403 and explains non-active memberships', () => {
    const refusal = (name: string, id: string) => {
      try {
        access.checkSwitch(account(name), id);
        return undefined;
      } catch (error) {
        return error as { status: number; message: string };
      }
    };
    expect(refusal('owner', 'tn-acme-paris')).toBeUndefined();
    expect(refusal('owner', 'tn-nowhere')).toMatchObject({ status: 404 });
    expect(refusal('owner', 'tn-globex')).toMatchObject({ status: 403 });
    expect(refusal('owner', 'tn-acme-lyon')).toMatchObject({ status: 403, message: 'Your membership in Acme Lyon is INVITED: accept the invitation before switching' });
    expect(refusal('owner', 'tn-acme-porto')?.message).toMatch(/^Your membership in Acme Porto is SUSPENDED: /);
    expect(refusal('superadmin', 'tn-acme-porto')).toBeUndefined();
  });
});
