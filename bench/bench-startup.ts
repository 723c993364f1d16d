/**
 * start-up: from spawning `nevent-companion mcp` (token in the environment) to the `initialize`
 * answer, against the same for a minimal MCP SDK stdio server (bench/fixtures/minimal-stdio-server.ts).
 */
import type { BenchContext } from './context';
import { binPath, stdioClient } from './mcp-clients';
import type { BenchResult } from './result';
import { interleaved, median, quantile } from './stats';

const rounds = 8;
const perRound = 2;

/** Runs the start-up benchmark (demo API latency 0: this measures our process, not the API). */
export async function benchStartup(ctx: BenchContext): Promise<BenchResult> {
  ctx.demo.faults.setLatency(0);
  // connect() resolves once the initialize answer is in (and the initialized notification sent).
  const start = async (command: string, args: string[], env: Record<string, string>): Promise<void> => {
    const client = await stdioClient(command, args, env);
    await client.close();
  };
  const minimal = ctx.fixture('minimal-stdio-server');
  await start(process.execPath, [minimal], {});
  await start(process.execPath, [binPath, 'mcp'], ctx.mcpEnv);
  const samples = await interleaved(
    rounds,
    perRound,
    () => start(process.execPath, [minimal], {}),
    () => start(process.execPath, [binPath, 'mcp'], ctx.mcpEnv),
  );
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
    target: 1.5,
    details: { samplesEach: samples.subject.length, subjectP95Ms: quantile(samples.subject, 0.95), baselineP95Ms: quantile(samples.baseline, 0.95) },
    note: null,
  };
}
