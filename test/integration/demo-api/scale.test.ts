import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessibleTenantsResponseSchema, normalizeTokenResponse, PlatformTenantsResponseSchema } from '../../../src-shared/api';
import { startDemoApi } from '../../../src-main/demo-api';
import type { DemoApi } from '../../../src-main/demo-api';
import { request, signIn, switchTenant } from './demo-http';

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
    expect(platform).toHaveLength(tenants);
    // Schema-check a slice: parsing all 100 000 with zod would dominate this test's time.
    PlatformTenantsResponseSchema.parse([...platform.slice(0, 100), ...platform.slice(-100)]);
    expect(new Set(platform.map((t) => t.id)).size).toBe(tenants);

    const owner = AccessibleTenantsResponseSchema.parse((await request(`${api.url}/users/accessible-tenants`, { token: (await signIn(api, 'owner')).accessToken })).body);
    expect(owner.totalTenants).toBe(12);
  }, 60_000);

  it('serves data for a deep generated tenant on demand', async () => {
    const superadmin = (await signIn(api, 'superadmin')).accessToken;
    const token = normalizeTokenResponse((await switchTenant(api, superadmin, 'tn-gen-099000')).body).accessToken;
    const segments = await request(`${api.url}/segments`, { token });
    expect(segments.status).toBe(200);
    expect((segments.body as { content: { tenantId: string }[] }).content.every((s) => s.tenantId === 'tn-gen-099000')).toBe(true);
  });
});
