/**
 * attach: 1,000 sequential tool calls through `nevent-companion mcp --attach --socket S` against the same
 * through `socat STDIO UNIX-CONNECT:S`, both into one bridge process on one socket.
 */
import { loadavg } from 'node:os';
import { startBridge } from './bridge';
import type { BenchContext } from './context';
import { binPath, stdioClient } from './mcp-clients';
import type { BenchResult } from './result';
import { interleaved, median, now, quantile } from './stats';

const calls = 1000;
// Small interleaved blocks: drift on a shared machine moves both sides alike.
const rounds = 50;

/** Runs the attach benchmark (API latency 0, a tool answered from the session: the pipe is what shows). */
export async function benchAttach(ctx: BenchContext): Promise<BenchResult> {
  ctx.demo.faults.setLatency(0);
  const bridge = await startBridge(ctx);
  const attach = await stdioClient(process.execPath, [binPath, 'mcp', '--attach', '--socket', bridge.socketPath]);
  const socat = await stdioClient('socat', ['STDIO', `UNIX-CONNECT:${bridge.socketPath}`]);
  try {
    const tool = 'nevent_get_active_tenant';
    for (let i = 0; i < 50; i++) {
      await attach.call(tool);
      await socat.call(tool);
    }
    const started = now();
    const samples = await interleaved(rounds, calls / rounds, () => socat.call(tool), () => attach.call(tool));
    const wall = now() - started;
    const s = median(samples.subject);
    const b = median(samples.baseline);
    const sum = (values: number[]): number => values.reduce((a, v) => a + v, 0);
    return {
      id: 'attach',
      title: 'mcp --attach',
      subject: `${calls} sequential ${tool} calls through \`mcp --attach --socket S\``,
      baseline: `the same ${calls} calls through \`socat STDIO UNIX-CONNECT:S\` on the same socket`,
      unit: 'ms (median per call)',
      subjectValue: s,
      baselineValue: b,
      ratio: s / b,
      target: 1.03,
      details: {
        callsEach: samples.subject.length,
        subjectTotalMs: sum(samples.subject),
        baselineTotalMs: sum(samples.baseline),
        totalRatio: sum(samples.subject) / sum(samples.baseline),
        subjectP99Ms: quantile(samples.subject, 0.99),
        baselineP99Ms: quantile(samples.baseline, 0.99),
        wallMs: wall,
        loadAverage1m: loadavg()[0] ?? 0,
      },
      note: null,
    };
  } finally {
    await attach.close();
    await socat.close();
    await bridge.stop();
  }
}
