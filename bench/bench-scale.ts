/**
 * scale: 200 concurrent socket sessions into one bridge process, each looping switch → list → reset for
 * a fixed time. Throughput, p50/p99 per call, cross-tenant answers (must be 0), memory per session (RSS
 * delta of the bridge process / 200). Baseline: the same loop as raw HTTP calls to the same demo API.
 */
import { startBridge } from './bridge';
import { ownerTargets, type BenchContext } from './context';
import { socketClient, type BenchClient } from './mcp-clients';
import { rawListSegments, rawSwitch } from './raw-api';
import type { BenchResult } from './result';
import { now, quantile } from './stats';

const sessions = 200;
const durationMs = 10_000;
const latencyMs = 5;
const home = 'tn-acme';

interface LoopStats {
  latencies: number[];
  calls: number;
  crossTenant: number;
  errors: number;
}

async function loop(index: number, until: number, step: { switchTo(t: string): Promise<void>; list(t: string): Promise<boolean>; reset(): Promise<void> }, stats: LoopStats): Promise<void> {
  let turn = index;
  while (now() < until) {
    const target = ownerTargets[turn++ % ownerTargets.length] as string;
    const timed = async (work: () => Promise<unknown>): Promise<unknown> => {
      const started = now();
      try {
        return await work();
      } finally {
        stats.latencies.push(now() - started);
        stats.calls += 1;
      }
    };
    try {
      await timed(() => step.switchTo(target));
      if (!((await timed(() => step.list(target))) as boolean)) stats.crossTenant += 1;
      await timed(() => step.reset());
    } catch {
      stats.errors += 1;
    }
  }
}

const emptyStats = (): LoopStats => ({ latencies: [], calls: 0, crossTenant: 0, errors: 0 });

/** Runs the scale benchmark. */
export async function benchScale(ctx: BenchContext): Promise<BenchResult> {
  ctx.demo.faults.setLatency(latencyMs);
  const bridge = await startBridge(ctx);
  const clients: BenchClient[] = [];
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rssIdle = bridge.rss();
    for (let i = 0; i < sessions; i += 20) {
      clients.push(...(await Promise.all(Array.from({ length: Math.min(20, sessions - i) }, (_, k) => socketClient(bridge.socketPath, `bench-${i + k}`)))));
    }
    const rssConnected = bridge.rss();

    // Baseline first (its loop warms the API), then the bridge.
    const baseline = emptyStats();
    const baselineUntil = now() + durationMs;
    await Promise.all(
      Array.from({ length: sessions }, (_, i) => {
        let token = ctx.tokens.accessToken;
        return loop(i, baselineUntil, {
          switchTo: async (t) => {
            token = await rawSwitch(ctx.demo.url, token, t);
          },
          list: async (t) => (await rawListSegments(ctx.demo.url, token)).every((s) => s.tenantId === undefined || s.tenantId === t),
          reset: async () => {
            token = await rawSwitch(ctx.demo.url, token, home);
          },
        }, baseline);
      }),
    );

    const subject = emptyStats();
    const subjectUntil = now() + durationMs;
    await Promise.all(
      clients.map((client, i) =>
        loop(i, subjectUntil, {
          switchTo: async (t) => {
            const answer = await client.call('nevent_switch_tenant', { tenantId: t });
            if (answer.active_tenant_id !== t) throw new Error('switch landed elsewhere');
          },
          list: async (t) => {
            const answer = await client.call('nevent_list_segments');
            // List entries carry no tenant of their own (the answer's tenant_id covers them all).
            return answer.tenant_id === t;
          },
          reset: async () => {
            const answer = await client.call('nevent_reset_tenant');
            if (answer.active_tenant_id !== home) throw new Error('reset landed elsewhere');
          },
        }, subject),
      ),
    );
    const rssLoaded = bridge.rss();
    const perSecond = (s: LoopStats): number => s.calls / (durationMs / 1000);
    const p50 = quantile(subject.latencies, 0.5);
    const baseP50 = quantile(baseline.latencies, 0.5);
    return {
      id: 'scale',
      title: `Scale (${sessions} sessions)`,
      subject: `${sessions} concurrent socket sessions looping switch/list/reset for ${durationMs / 1000} s`,
      baseline: `${sessions} concurrent raw HTTP loops (POST /users/tenant, GET /segments, POST /users/tenant home)`,
      unit: 'ms (p50 per call)',
      subjectValue: p50,
      baselineValue: baseP50,
      ratio: p50 / baseP50,
      target: null,
      details: {
        apiLatencyMs: latencyMs,
        subjectCallsPerSecond: perSecond(subject),
        baselineCallsPerSecond: perSecond(baseline),
        throughputRatio: perSecond(subject) / perSecond(baseline),
        subjectP99Ms: quantile(subject.latencies, 0.99),
        baselineP99Ms: quantile(baseline.latencies, 0.99),
        crossTenantAnswers: subject.crossTenant,
        baselineCrossTenantAnswers: baseline.crossTenant,
        subjectErrors: subject.errors,
        baselineErrors: baseline.errors,
        rssIdleMiB: rssIdle / 2 ** 20,
        rssConnectedMiB: rssConnected / 2 ** 20,
        rssLoadedMiB: rssLoaded / 2 ** 20,
        kibPerSessionConnected: (rssConnected - rssIdle) / sessions / 1024,
        kibPerSessionLoaded: (rssLoaded - rssIdle) / sessions / 1024,
      },
      note: null,
    };
  } finally {
    await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
    await bridge.stop();
    ctx.demo.faults.setLatency(0);
  }
}
