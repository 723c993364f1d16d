/**
 * tenant per call: `nevent_list_segments` with `tenant_id` through `nevent-companion mcp` over
 * stdio, against the same call without `tenant_id` (the plain call, in the active tenant), 5 ms API
 * latency. Two subjects: a tenant whose scoped token is already cached (the steady state of a
 * conversation that passes tenant_id every time), and a tenant not cached yet (its first call pays the
 * mint: POST /users/tenant plus the token check). A separate demo API with generated tenants signs in
 * as the SUPERADMIN, who sees them all, so every "not cached" sample names a tenant never named before.
 */
import { startDemoApi } from '../src-main/demo-api';
import type { BenchContext } from './context';
import { binPath, stdioClient } from './mcp-clients';
import { signIn } from './raw-api';
import { pairResult } from './pair-result';
import type { BenchResult } from './result';
import { interleaved } from './stats';

const latencyMs = 5;

/** Runs both tenant-per-call figures on one spawned bridge. */
export async function benchTenantPerCall(_ctx: BenchContext): Promise<BenchResult[]> {
  const demo = await startDemoApi({ port: 0, tenants: 400 });
  try {
    const tokens = await signIn(demo.url, 'superadmin');
    const mcp = await stdioClient(process.execPath, [binPath, 'mcp'], { NEVENT_JWT_TOKEN: tokens.accessToken, NEVENT_REFRESH_TOKEN: tokens.refreshToken, NEVENT_API_URL: demo.url, NEVENT_DATA_API_URL: demo.dataUrl });
    try {
      demo.faults.setLatency(latencyMs);
      const home = (await mcp.call('nevent_get_active_tenant')).active_tenant_id as string;
      const list = async (args: Record<string, unknown>, expected: string): Promise<void> => {
        const answer = await mcp.call('nevent_list_segments', args);
        if (answer.tenant_id !== expected) throw new Error(`answered in ${String(answer.tenant_id)}, wanted ${expected}`);
      };
      const cachedTenant = 'tn-acme-es';
      for (let i = 0; i < 5; i++) {
        await list({}, home);
        await list({ tenant_id: cachedTenant }, cachedTenant);
      }
      const cached = await interleaved(10, 20, () => list({}, home), () => list({ tenant_id: cachedTenant }, cachedTenant));
      // Counted now: the fresh tenants below push this one out of the bounded cache.
      const beforeCached = demo.faults.stats().requests;
      await list({ tenant_id: cachedTenant }, cachedTenant);
      const requestsCached = demo.faults.stats().requests - beforeCached;
      // Fresh tenants: generated ids no call has named (the cache holds 64, so none is a hit).
      const listed = await mcp.call('nevent_list_tenants', { search: 'tn-gen-', limit: 500 });
      const fresh = (listed.tenants as Array<{ id: string }>).map((t) => t.id);
      let next = 0;
      const freshCall = async (): Promise<void> => {
        const tenant = fresh[next++];
        if (tenant === undefined) throw new Error('ran out of fresh tenants');
        await list({ tenant_id: tenant }, tenant);
      };
      const uncached = await interleaved(6, 20, () => list({}, home), freshCall);
      const before = demo.faults.stats().requests;
      await freshCall();
      const requestsUncached = demo.faults.stats().requests - before;
      return [
        pairResult('tenant-cached', 'Call with tenant_id (cached tenant)', `nevent_list_segments {tenant_id: ${cachedTenant}} over stdio, its scoped token cached`, 'nevent_list_segments without tenant_id (the active tenant) over stdio', cached, 1.1, latencyMs, { apiRequestsPerCall: requestsCached }),
        pairResult('tenant-uncached', 'Call with tenant_id (tenant not cached yet)', 'nevent_list_segments {tenant_id} naming a tenant never named before (mint + call)', 'nevent_list_segments without tenant_id (the active tenant) over stdio', uncached, null, latencyMs, { apiRequestsPerCall: requestsUncached }),
      ];
    } finally {
      await mcp.close();
    }
  } finally {
    await demo.close();
  }
}
