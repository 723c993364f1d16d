/** The prose of docs/benchmarks.md: method, and for a missed target why and what would close it. */
import { meetsTarget, round, type BenchResult } from './result';

/** How the figures are taken (a bullet list). */
export const methodNotes = [
  '- One `npm run bench` run: the demo API runs in the benchmark process (`startDemoApi`), signed in as the demo `owner`; the bridge under test runs in its own process (`nevent-companion mcp`, `mcp --attach`, or `bench/fixtures/socket-bridge.ts`: the real core and MCP socket server that `serve` runs, pointed at the same demo API).',
  '- Baseline and subject are measured in alternating blocks (order flipped every round) so drift on this shared machine falls on both sides; figures are medians unless named otherwise.',
  '- switch / tool call: 5 ms injected API latency (`faults.setLatency(5)`), 10 rounds × 20 calls per side after a warm-up. The baseline is the same request with `fetch` and a bearer token, no verification.',
  '- start-up: spawn → `initialize` answer through the SDK `StdioClientTransport` (`Client.connect`), 16 starts per side; API latency 0.',
  '- attach: one bridge, one socket, two long-lived SDK clients (one through `mcp --attach`, one through `socat`), 1,000 sequential `nevent_get_active_tenant` calls each in 10 interleaved blocks; API latency 0 so the pipe is what shows.',
  '- scale: 200 socket sessions (SDK clients over the unix socket) each loop switch → list → reset for 10 s; every list must answer in the tenant that session switched to. Memory per session = (bridge RSS after the load − RSS before any session) / 200. Baseline: the same loop as raw HTTP with 5 ms API latency.',
  '- org-picker: a `demo-api --tenants 100000` and a `demo-api --tenants 1000`, each with its own `serve` (no `--demo`; superadmin signed in through the sign-in form with email and password, so no extra flag was needed), headless Chromium via playwright-core. First render = navigation start → the frame after the first tenant row exists (median of 5); keystroke = keydown → the frame after the filtered list is committed (p95 over ~80 keys: typing and Backspace).',
];

/** Why a target was missed and what would close it; null when met or without target. */
export function explainMiss(result: BenchResult): string | null {
  if (meetsTarget(result)) return null;
  const by = result.target !== null && result.ratio > result.target ? `ratio ${round(result.ratio, 3)} against ≤ ${result.target} (${round((result.ratio / result.target - 1) * 100, 1)} % over)` : `${round(result.subjectValue, 2)} ms against ≤ ${result.absoluteTarget} ms`;
  const why = reasons[result.id] ?? 'No analysis recorded for this benchmark yet.';
  return `**Target missed** by ${by}. ${why}`;
}

const reasons: Record<string, string> = {};
