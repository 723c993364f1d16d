/**
 * `npm run bench` (scripts/bench.mjs bundles this to out/bench/main.mjs after `npm run build`):
 *
 *   demo API in-process ─> owner tokens ─> stdio (switch, tool call) ─> tenant per call ─> start-up ─> attach ─> scale ─> org-picker
 *   ─> context budget ─> tools/list by mode ─> toolsets (at connect, everything on, the seeds' conversation)
 *   ─> table on stdout, bench/results.json, docs/benchmarks.md
 *
 * `NEVENT_BENCH_ONLY=switch,attach` runs a subset (and then writes nothing but the table, unless
 * `NEVENT_BENCH_MERGE=1`: then its rows replace theirs in bench/results.json and the doc is rewritten);
 * `NEVENT_BENCH_REPORT_ONLY=1` only rewrites the doc from bench/results.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDemoApi } from '../src-main/demo-api';
import { benchAttach } from './bench-attach';
import { benchContextBudget } from './bench-context-budget';
import { benchOrgPicker } from './bench-org-picker';
import { benchScale } from './bench-scale';
import { benchStartup } from './bench-startup';
import { benchStdio } from './bench-stdio';
import { benchTenantList } from './bench-tenant-list';
import { benchTenantPerCall } from './bench-tenant-per-call';
import { benchToolsByMode } from './bench-tools-by-mode';
import { benchToolsets } from './bench-toolsets';
import { benchAppViews } from './bench-app-views';
import { createContext, type BenchContext } from './context';
import { describeMachine, finishMachine, type MachineInfo } from './machine';
import { repoRoot } from './mcp-clients';
import { printTable, writeJson, writeMarkdown } from './report';
import type { BenchResult } from './result';
import { now } from './stats';

const steps: [string[], (ctx: BenchContext) => Promise<BenchResult | BenchResult[]>][] = [
  [['switch', 'tool-call'], benchStdio],
  [['tenant-cached', 'tenant-uncached'], benchTenantPerCall],
  [['startup'], benchStartup],
  [['attach'], benchAttach],
  [['scale'], benchScale],
  [['tenant-list'], benchTenantList],
  [['org-picker', 'org-picker-filter', 'org-picker-sign-in'], benchOrgPicker],
  [['context-budget'], benchContextBudget],
  [['tools-list-by-mode'], benchToolsByMode],
  [['toolsets-default', 'toolsets-everything', 'seed-conversation'], benchToolsets],
  [['app-views'], benchAppViews],
];

// Rewrites docs/benchmarks.md from bench/results.json (the last full run's figures) after a prose change.
if (process.env.NEVENT_BENCH_REPORT_ONLY) {
  const saved = JSON.parse(readFileSync(join(repoRoot, 'bench', 'results.json'), 'utf8')) as { machine: MachineInfo; totalSeconds: number; results: (BenchResult & { met?: boolean })[] };
  const results = saved.results.map(({ met: _met, ...r }) => ({ ...r, note: null }));
  writeJson(saved.machine, results, saved.totalSeconds);
  writeMarkdown(saved.machine, results, saved.totalSeconds);
  process.stdout.write('rewrote docs/benchmarks.md from bench/results.json\n');
  process.exit(0);
}

const only = process.env.NEVENT_BENCH_ONLY?.split(',').map((s) => s.trim()).filter((s) => s !== '');
const started = now();
const machine = describeMachine();
const demo = await startDemoApi({ port: 0 });
const ctx = await createContext(demo);
const results: BenchResult[] = [];
let failed = false;
try {
  for (const [ids, run] of steps) {
    if (only !== undefined && !ids.some((id) => only.includes(id))) continue;
    const stepStarted = now();
    process.stdout.write(`▶ ${ids.join(' + ')} … `);
    try {
      const outcome = await run(ctx);
      results.push(...(Array.isArray(outcome) ? outcome : [outcome]));
      process.stdout.write(`${((now() - stepStarted) / 1000).toFixed(1)} s\n`);
    } catch (error) {
      failed = true;
      process.stdout.write(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
  }
} finally {
  await demo.close();
  ctx.cleanup();
}
const totalSeconds = (now() - started) / 1000;
printTable(results);
if (only !== undefined) for (const r of results) process.stdout.write(`${r.id}: ${JSON.stringify(r.details)}\n`);
process.stdout.write(`\ntotal ${totalSeconds.toFixed(1)} s\n`);
if (only !== undefined && process.env.NEVENT_BENCH_MERGE && !failed) {
  // A subset re-measured on its own (e.g. after a toolset change): its rows replace theirs, the rest stays.
  const saved = JSON.parse(readFileSync(join(repoRoot, 'bench', 'results.json'), 'utf8')) as { machine: MachineInfo; totalSeconds: number; results: (BenchResult & { met?: boolean })[] };
  const fresh = new Map(results.map((r) => [r.id, { ...r, details: { ...r.details, measuredAlone: machine.date.slice(0, 10) } }]));
  const kept = saved.results.map(({ met: _met, ...r }) => fresh.get(r.id) ?? { ...r, note: null });
  const merged = [...kept, ...[...fresh.values()].filter((r) => !saved.results.some((s) => s.id === r.id))];
  writeJson(saved.machine, merged, saved.totalSeconds);
  writeMarkdown(saved.machine, merged, saved.totalSeconds);
  process.stdout.write('merged into bench/results.json and rewrote docs/benchmarks.md\n');
}
if (only === undefined && !failed) {
  const finished = finishMachine(machine);
  writeJson(finished, results, totalSeconds);
  writeMarkdown(finished, results, totalSeconds);
  process.stdout.write('wrote bench/results.json and docs/benchmarks.md\n');
}
process.exit(failed ? 1 : 0);
