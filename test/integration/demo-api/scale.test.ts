import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeAccessibleTenants, normalizePlatformTenants, normalizeSegmentList } from '../../../src-shared/api';
import { startDemoApi } from '../../../src-main/demo-api';
import type { DemoApi } from '../../../src-main/demo-api';
import { claimsOf, request, signIn, switchedPair } from './demo-http';

const tenants = 100_000;
let api: DemoApi;
let startMs = 0;
beforeAll(async () => {
  const started = performance.now();
  api = await startDemoApi({ tenants });
  startMs = performance.now() - started;
});
afterAll(async () => {
  await api.close();
});

describe('--tenants 100000', () => {
  it('starts quickly because per-tenant data is generated lazily', () => {
    // Generous bound for a loaded two-core CI machine; typically ~0.4 s. An eager generator would take minutes.
    expect(startMs).toBeLessThan(8000);
  });

  it('lists every tenant for SUPERADMIN in reasonable time, while the owner still sees only their subtree', async () => {
    const superadmin = (await signIn(api, 'superadmin')).accessToken;
    const started = performance.now();
    const response = await fetch(`${api.url}/users/accessible-tenants`, { headers: { authorization: `Bearer ${superadmin}` } });
    const body = (await response.json()) as { totalTenants: number; flatList: unknown[] };
    // Typically 1-2 s for ~30 MB; the bound only catches pathological (quadratic) regressions.
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(body.totalTenants).toBe(tenants);
    expect(body.flatList).toHaveLength(tenants);
    const platform = (await request(`${api.url}/platform/tenants`, { token: superadmin })).body as { id: string }[];
    // A plain array, as the real API sends it.
    expect(Array.isArray(platform)).toBe(true);
    expect(platform).toHaveLength(tenants);
    // Read a slice the client's way: parsing all 100 000 with zod would dominate this test's time.
    const slice = normalizePlatformTenants([...platform.slice(0, 100), ...platform.slice(-100)]);
    expect(slice).toHaveLength(200);
    expect(slice.slice(-100).every((t) => t.id.startsWith('tn-gen-') && t.parentId !== null && (t.level ?? 0) >= 2)).toBe(true);
    expect(new Set(platform.map((t) => t.id)).size).toBe(tenants);

    const owner = normalizeAccessibleTenants((await request(`${api.url}/users/accessible-tenants`, { token: (await signIn(api, 'owner')).accessToken })).body);
    // Acme's twelve tenants and the five of its Spanish promoter group.
    expect(owner).toHaveLength(17);
    const staff = normalizeAccessibleTenants((await request(`${api.url}/users/accessible-tenants`, { token: (await signIn(api, 'staff')).accessToken })).body);
    expect(staff.map((t) => t.id)).toEqual(['tn-globex-uk', 'tn-globex-london', 'tn-globex-manchester']);
  }, 60_000);

  it('serves data for a deep generated tenant on demand', async () => {
    const superadmin = (await signIn(api, 'superadmin')).accessToken;
    const { accessToken: token } = await switchedPair(api, superadmin, 'tn-gen-099000');
    expect(claimsOf(token).tenantId).toBe('tn-gen-099000');
    const response = await request(`${api.url}/segments`, { token });
    expect(response.status).toBe(200);
    const { segments } = normalizeSegmentList(response.body);
    expect(segments.length).toBeGreaterThanOrEqual(3);
    expect(segments.every((s) => s.tenantId === 'tn-gen-099000')).toBe(true);
  });
});
