/**
 * start-up: from spawning `nevent-companion mcp` (token in the environment) to the `initialize`
 * answer, against the same for a minimal MCP SDK stdio server (bench/fixtures/minimal-stdio-server.ts).
 * `mcp` answers initialize before its sign-in ends, so the first tool answer is reported too.
 */
import { loadavg } from 'node:os';
import type { BenchContext } from './context';
import { binPath, stdioClient } from './mcp-clients';
import type { BenchResult } from './result';
import { interleaved, median, now, quantile } from './stats';

const rounds = 8;
const perRound = 2;

/** Runs the start-up benchmark (demo API latency 0: this measures our process, not the API). */
export async function benchStartup(ctx: BenchContext): Promise<BenchResult> {
  ctx.demo.faults.setLatency(0);
  // connect() resolves once the initialize answer is in (and the initialized notification sent). Only
  // that is timed: closing is not, since `mcp` finishes a sign-in still running before it exits.
  const connected: { baseline: number[]; subject: number[] } = { baseline: [], subject: [] };
  const start = async (side: 'baseline' | 'subject' | null, command: string, args: string[], env: Record<string, string>): Promise<void> => {
    const started = now();
    const client = await stdioClient(command, args, env);
    if (side !== null) connected[side].push(now() - started);
    await client.close();
  };
  const minimal = ctx.fixture('minimal-stdio-server');
  await start(null, process.execPath, [minimal], {});
  await start(null, process.execPath, [binPath, 'mcp'], ctx.mcpEnv);
  // interleaved() only orders the starts (its own timings include the close and are not used).
  await interleaved(
    rounds,
    perRound,
    () => start('baseline', process.execPath, [minimal], {}),
    () => start('subject', process.execPath, [binPath, 'mcp'], ctx.mcpEnv),
  );
  const samples = connected;
  // Spawn → the first tool answer (it waits for the sign-in that initialize no longer waits for).
  const firstTool: number[] = [];
  for (let i = 0; i < 6; i++) {
    const started = now();
    const client = await stdioClient(process.execPath, [binPath, 'mcp'], ctx.mcpEnv);
    await client.call('nevent_get_active_tenant');
    firstTool.push(now() - started);
    await client.close();
  }
  const s = median(samples.subject);
  const b = median(samples.baseline);
  return {
    id: 'startup',
    title: 'Start-up',
    subject: '`nevent-companion mcp` with NEVENT_JWT_TOKEN: spawn → initialize answer',
    baseline: 'minimal MCP SDK stdio server (one tool), bundled the same way: spawn → initialize answer',
    unit: 'ms (median)',
    subjectValue: s,
    baselineValue: b,
    ratio: s / b,
    target: 1.2,
    details: { samplesEach: samples.subject.length, subjectP95Ms: quantile(samples.subject, 0.95), baselineP95Ms: quantile(samples.baseline, 0.95), firstToolAnswerMs: median(firstTool), loadAverage1m: loadavg()[0] ?? 0 },
    note: null,
  };
}
