import { afterEach, describe, expect, it } from 'vitest';
import { segmentRevision } from '../../../src-shared/api';
import { decodeJwt } from 'jose';
import { signInToDemo } from '../../../src-main/core/demo-sign-in';
import { CoreError, SegmentConflictError } from '../../../src-main/core/tenant-session';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';

let fixture: CoreFixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

function desktopOf(f: CoreFixture) {
  const desktop = f.core.registry.desktop;
  if (desktop === null) throw new Error('no desktop session');
  return desktop;
}

describe('tenant visibility per role (real demo API)', () => {
  it('lists what each role may see', async () => {
    fixture = await startCoreFixture({ user: null });
    const seen: Record<string, string[]> = {};
    for (const user of ['superadmin', 'owner', 'admin', 'solo'] as const) {
      await signInToDemo(fixture.core, fixture.demo, user);
      const view = await desktopOf(fixture).listTenants();
      seen[user] = view.tenants.map((t) => t.id);
      expect(view.activeTenantId).toBe(view.homeTenantId);
    }
    // SUPERADMIN: every tenant; OWNER: own tenant + descendants; ADMIN: own tenant only; solo: one tenant.
    expect(seen.superadmin).toContain('tn-nevent');
    expect(seen.superadmin).toContain('tn-globex-berlin');
    expect(seen.owner).toContain('tn-acme');
    expect(seen.owner).toContain('tn-acme-madrid-arena');
    expect(seen.owner).not.toContain('tn-globex');
    expect(seen.admin).toEqual(['tn-globex-de']);
    expect(seen.solo).toEqual(['tn-solo-studio']);
    expect(seen.superadmin?.length).toBeGreaterThan(seen.owner?.length ?? 0);
  });

  it('opens the org-picker for several tenants and skips it in single-tenant mode', async () => {
    fixture = await startCoreFixture({ user: 'owner' });
    expect(fixture.core.account.state.type).toBe('choosingTenant');
    await signInToDemo(fixture.core, fixture.demo, 'solo');
    expect(fixture.core.account.state).toEqual({ type: 'active' });
    expect(fixture.core.registry.desktop?.activeTenantId).toBe('tn-solo-studio');
  });
});

describe('switch and reset (seed 000 contract)', () => {
  it('switches: active_tenant_id from the new token, caches refetched in the new tenant', async () => {
    fixture = await startCoreFixture();
    const session = desktopOf(fixture);
    expect(session.homeTenantId).toBe('tn-acme');

    const before = await session.segmentationCriteria();
    await session.analyticsCapabilities();
    await session.segmentationCriteria();
    await session.analyticsCapabilities();
    expect(before.tenantId).toBe('tn-acme');
    expect(fixture.http.count('/segmentation/criteria')).toBe(1);
    expect(fixture.http.count('/analytics/capabilities')).toBe(1);

    const outcome = await session.switchTenant('tn-acme-madrid');
    expect(outcome).toEqual({ activeTenantId: 'tn-acme-madrid', homeTenantId: 'tn-acme', previousTenantId: 'tn-acme' });
    expect(decodeJwt(session.credential.accessToken).tenantId).toBe('tn-acme-madrid');
    expect(session.activeTenantId).toBe('tn-acme-madrid');

    const after = await session.segmentationCriteria();
    const caps = await session.analyticsCapabilities();
    expect(after.tenantId).toBe('tn-acme-madrid');
    expect(caps.tenantId).toBe('tn-acme-madrid');
    expect(fixture.http.count('/segmentation/criteria')).toBe(2);
    expect(fixture.http.count('/analytics/capabilities')).toBe(2);
    // The refetch carried the new token, not the old one.
    const lastCriteria = fixture.http.requests.filter((r) => r.path.endsWith('/segmentation/criteria')).at(-1);
    expect(lastCriteria?.bearer).toBe(session.credential.accessToken);

    const segments = await session.listSegments({ limit: 5 });
    expect(segments.tenantId).toBe('tn-acme-madrid');
    expect(segments.value.segments.every((s) => s.tenantId === 'tn-acme-madrid')).toBe(true);
    // Every segment call names the tenant of its token, as upstream does.
    expect(fixture.http.requests.filter((r) => r.path === '/segments').at(-1)?.query.get('tenant_id')).toBe('tn-acme-madrid');

    const reset = await session.resetTenant();
    expect(reset.activeTenantId).toBe('tn-acme');
    expect(session.activeTenantId).toBe('tn-acme');
    expect(fixture.demo.faults.stats().switchCalls).toBe(2);
  });

  it('reports forbidden and unknown tenants with typed errors and changes nothing', async () => {
    fixture = await startCoreFixture();
    const session = desktopOf(fixture);
    const token = session.credential.accessToken;
    await expect(session.switchTenant('tn-globex')).rejects.toMatchObject({ code: 'tenant_forbidden' });
    await expect(session.switchTenant('tn-does-not-exist')).rejects.toMatchObject({ code: expect.stringMatching(/^tenant_(not_found|forbidden)$/) });
    await expect(session.switchTenant('bad id!')).rejects.toMatchObject({ code: 'validation_failed' });
    // INVITED / SUSPENDED memberships are visible but not switchable.
    await expect(session.switchTenant('tn-acme-porto')).rejects.toBeInstanceOf(CoreError);
    expect(session.credential.accessToken).toBe(token);
    expect(session.activeTenantId).toBe('tn-acme');
  });

  it('paginates segments with an opaque cursor bound to the tenant', async () => {
    fixture = await startCoreFixture();
    const session = desktopOf(fixture);
    const first = await session.listSegments({ limit: 2 });
    expect(first.value.segments).toHaveLength(2);
    expect(first.value.nextCursor).not.toBeNull();
    const second = await session.listSegments({ cursor: first.value.nextCursor ?? '' });
    expect(second.value.segments[0]?.id).not.toBe(first.value.segments[0]?.id);
    await session.switchTenant('tn-acme-es');
    await expect(session.listSegments({ cursor: first.value.nextCursor ?? '' })).rejects.toMatchObject({ code: 'invalid_request', param: 'cursor' });
  });

  it('catches a concurrent edit without API support: the revision the edit started from is compared first, never an overwrite', async () => {
    fixture = await startCoreFixture();
    const session = desktopOf(fixture);
    const other = fixture.core.registry.openMcpSession();
    const created = await session.createSegment({ name: 'Core test', definition: { stanzas: [] } });
    expect(created.value).toMatchObject({ status: 'ACTIVE', createdBy: 'nevent-companion' });
    const base = segmentRevision(created.value);
    // Someone else (another session, another tool) changes it in between.
    await other.updateSegment(created.value.id, { name: 'Changed elsewhere' });
    const conflict = await session.updateSegment(created.value.id, { name: 'stale edit' }, { baseRevision: base }).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(SegmentConflictError);
    expect((conflict as SegmentConflictError).current.name).toBe('Changed elsewhere');
    expect((await session.getSegment(created.value.id)).value.name).toBe('Changed elsewhere');
    // From the current revision the edit goes through, and the revision moves on.
    const latest = await session.getSegment(created.value.id);
    const updated = await session.updateSegment(created.value.id, { name: 'Core test 2' }, { baseRevision: segmentRevision(latest.value) });
    expect(updated.value.name).toBe('Core test 2');
    expect(segmentRevision(updated.value)).not.toBe(segmentRevision(latest.value));
    other.close();
  });
});
