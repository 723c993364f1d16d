/**
 * switch and tool call: `nevent-companion mcp` (token from the environment) driven by the MCP SDK client
 * over stdio, against the same demo API with 5 ms latency that the raw `fetch` baselines call.
 */
import type { BenchContext } from './context';
import { binPath, stdioClient } from './mcp-clients';
import { rawListSegments, rawSwitch } from './raw-api';
import type { BenchResult } from './result';
import { interleaved, median, quantile } from './stats';

const latencyMs = 5;
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
    return [
      pairResult('switch', 'Tenant switch', 'nevent_switch_tenant through the MCP SDK client over stdio', 'raw POST /users/tenant with fetch', switches, 1.1),
      pairResult('tool-call', 'Tool call', 'nevent_list_segments through the MCP SDK client over stdio', 'raw GET /segments?page=0&size=50 with fetch', lists, 1.1),
    ];
  } finally {
    await mcp.close();
    ctx.demo.faults.setLatency(0);
  }
}

function pairResult(id: string, title: string, subject: string, baseline: string, samples: { baseline: number[]; subject: number[] }, target: number): BenchResult {
  const s = median(samples.subject);
  const b = median(samples.baseline);
  return {
    id,
    title,
    subject,
    baseline,
    unit: 'ms (median per call)',
    subjectValue: s,
    baselineValue: b,
    ratio: s / b,
    target,
    details: {
      samplesEach: samples.subject.length,
      apiLatencyMs: latencyMs,
      subjectP95Ms: quantile(samples.subject, 0.95),
      baselineP95Ms: quantile(samples.baseline, 0.95),
      overheadMs: s - b,
    },
    note: null,
  };
}
