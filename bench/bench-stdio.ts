/**
 * switch and tool call: `nevent-companion mcp` (token from the environment) driven by the MCP SDK client
 * over stdio, against the same demo API with 5 ms latency that the raw `fetch` baselines call.
 */
import { loadavg } from 'node:os';
import type { BenchContext } from './context';
import { binPath, stdioClient } from './mcp-clients';
import { rawListSegments, rawSwitch } from './raw-api';
import { pairResult } from './pair-result';
import type { BenchResult } from './result';
import { interleaved, median, timeOnce } from './stats';

const latencyMs = 5;
const slowLatencyMs = 25;
const rounds = 10;
const perRound = 20;

/** Runs both stdio benchmarks on one spawned bridge. */
export async function benchStdio(ctx: BenchContext): Promise<BenchResult[]> {
  ctx.demo.faults.setLatency(latencyMs);
  const mcp = await stdioClient(process.execPath, [binPath, 'mcp'], ctx.mcpEnv);
  try {
    const targets = ['tn-acme-es', 'tn-acme-fr'];
    let subjectTurn = 0;
    let baselineTurn = 0;
    // Warm both paths (JWKS fetch, connection pools, JIT).
    for (let i = 0; i < 5; i++) {
      await mcp.call('nevent_switch_tenant', { tenantId: targets[i % 2] });
      await rawSwitch(ctx.demo.url, ctx.tokens.accessToken, targets[i % 2] as string);
    }
    const switches = await interleaved(
      rounds,
      perRound,
      () => rawSwitch(ctx.demo.url, ctx.tokens.accessToken, targets[baselineTurn++ % 2] as string),
      async () => {
        const target = targets[subjectTurn++ % 2] as string;
        const answer = await mcp.call('nevent_switch_tenant', { tenantId: target });
        if (answer.active_tenant_id !== target) throw new Error(`switched to ${String(answer.active_tenant_id)}, wanted ${target}`);
      },
    );

    // The list runs in the tenant the last switch left; the baseline uses a token of that same tenant.
    const tenant = (await mcp.call('nevent_get_active_tenant')).active_tenant_id as string;
    const tenantToken = await rawSwitch(ctx.demo.url, ctx.tokens.accessToken, tenant);
    for (let i = 0; i < 5; i++) {
      await mcp.call('nevent_list_segments');
      await rawListSegments(ctx.demo.url, tenantToken);
    }
    const lists = await interleaved(
      rounds,
      perRound,
      () => rawListSegments(ctx.demo.url, tenantToken),
      async () => {
        const answer = await mcp.call('nevent_list_segments');
        if (answer.tenant_id !== tenant) throw new Error('list answered for another tenant');
      },
    );
    // The floor: a tool that makes no API call (JSON-RPC over two pipes, SDK validation, our dispatch).
    const floor: number[] = [];
    for (let i = 0; i < 100; i++) floor.push(await timeOnce(() => mcp.call('nevent_help', { topic: 'tenants' })));
    const listBytes = JSON.stringify(await mcp.call('nevent_list_segments')).length;
    const rawBytes = JSON.stringify(await rawListSegments(ctx.demo.url, tenantToken)).length;
    // How many API requests one tool call makes (the baseline makes exactly one).
    const requestsPer = async (work: () => Promise<unknown>): Promise<number> => {
      const before = ctx.demo.faults.stats().requests;
      for (let i = 0; i < 20; i++) await work();
      return (ctx.demo.faults.stats().requests - before) / 20;
    };
    let turn = 0;
    const switchRequests = await requestsPer(() => mcp.call('nevent_switch_tenant', { tenantId: targets[turn++ % 2] }));
    const listRequests = await requestsPer(() => mcp.call('nevent_list_segments'));
    // The same comparison at a more realistic API latency: the overhead is fixed, the ratio shrinks.
    ctx.demo.faults.setLatency(slowLatencyMs);
    let slowTurn = 0;
    let slowBaseTurn = 0;
    const slowSwitches = await interleaved(4, 10, () => rawSwitch(ctx.demo.url, ctx.tokens.accessToken, targets[slowBaseTurn++ % 2] as string), () => mcp.call('nevent_switch_tenant', { tenantId: targets[slowTurn++ % 2] }));
    const slowTenant = (await mcp.call('nevent_get_active_tenant')).active_tenant_id as string;
    const slowToken = await rawSwitch(ctx.demo.url, ctx.tokens.accessToken, slowTenant);
    const slowLists = await interleaved(4, 10, () => rawListSegments(ctx.demo.url, slowToken), () => mcp.call('nevent_list_segments'));
    const slowRatio = (x: { baseline: number[]; subject: number[] }): number => median(x.subject) / median(x.baseline);
    // The 1-minute load when measured: this shared machine's other work moves these figures most.
    const extra = { mcpNoApiToolMedianMs: median(floor), listResultBytes: listBytes, rawListBytes: rawBytes, loadAverage1m: loadavg()[0] ?? 0 };
    return [
      pairResult('switch', 'Tenant switch', 'nevent_switch_tenant through the MCP SDK client over stdio', 'raw POST /users/tenant with fetch', switches, 1.1, latencyMs, { ...extra, apiRequestsPerCall: switchRequests, [`ratioAt${slowLatencyMs}msApiLatency`]: slowRatio(slowSwitches) }),
      pairResult('tool-call', 'Tool call', 'nevent_list_segments through the MCP SDK client over stdio', 'raw GET /segments?page=0&size=50 with fetch', lists, 1.1, latencyMs, { ...extra, apiRequestsPerCall: listRequests, [`ratioAt${slowLatencyMs}msApiLatency`]: slowRatio(slowLists) }),
    ];
  } finally {
    await mcp.close();
    ctx.demo.faults.setLatency(0);
  }
}
