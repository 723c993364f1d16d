/** Prints the table and writes bench/results.json and docs/benchmarks.md from one run's results. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MachineInfo } from './machine';
import { repoRoot } from './mcp-clients';
import { explainMiss, methodNotes } from './notes';
import { absoluteUnit, meetsTarget, round, type BenchResult } from './result';

function targetText(r: BenchResult): string {
  const parts: string[] = [];
  if (r.target !== null) parts.push(`ratio ≤ ${r.target}`);
  if (r.absoluteTarget !== undefined) parts.push(`≤ ${r.absoluteTarget} ${absoluteUnit(r)}`);
  return parts.length === 0 ? '—' : parts.join(', ');
}

function verdict(r: BenchResult): string {
  if (r.target === null && r.absoluteTarget === undefined) return 'info';
  return meetsTarget(r) ? 'met' : 'MISSED';
}

/** The console table. */
export function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [r.id, `${round(r.subjectValue, 2)}`, `${round(r.baselineValue, 2)}`, `${round(r.ratio, 3)}`, targetText(r), verdict(r), r.unit]);
  const header = ['benchmark', 'subject', 'baseline', 'ratio', 'target', 'verdict', 'unit'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ');
  process.stdout.write(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
}

/** Writes bench/results.json. */
export function writeJson(machine: MachineInfo, results: BenchResult[], totalSeconds: number): void {
  const rounded = results.map((r) => ({
    ...r,
    subjectValue: round(r.subjectValue),
    baselineValue: round(r.baselineValue),
    ratio: round(r.ratio),
    met: meetsTarget(r),
    details: Object.fromEntries(Object.entries(r.details).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])),
    note: r.note ?? explainMiss(r),
  }));
  writeFileSync(join(repoRoot, 'bench', 'results.json'), `${JSON.stringify({ machine, totalSeconds: round(totalSeconds, 1), results: rounded }, null, 2)}\n`);
}

function detailsText(r: BenchResult): string {
  return Object.entries(r.details)
    .map(([k, v]) => `${k} ${typeof v === 'number' ? round(v, 2) : String(v)}`)
    .join(' · ');
}

/** Writes docs/benchmarks.md. */
export function writeMarkdown(machine: MachineInfo, results: BenchResult[], totalSeconds: number): void {
  const table = results.map((r) => `| ${r.title} | ${round(r.subjectValue, 2)} | ${round(r.baselineValue, 2)} | ${r.unit} | **${round(r.ratio, 3)}** | ${targetText(r)} | ${verdict(r)} |`);
  const sections = results.map((r) => {
    const miss = r.note ?? explainMiss(r);
    return [`### ${r.title}`, '', `- Subject: ${r.subject}`, `- Baseline: ${r.baseline}`, `- Figures: ${detailsText(r)}`, ...(miss === null ? [] : ['', miss]), ''].join('\n');
  });
  const doc = [
    '# Benchmarks',
    '',
    '<!-- Written by `npm run bench` (scripts/bench.mjs → bench/main.ts); do not edit by hand: change bench/notes.ts. -->',
    '',
    `Run on ${machine.date.slice(0, 10)} (${machine.date}) — \`nproc\` ${machine.nproc}, ${machine.memoryGiB} GiB memory, ${machine.cpuModel}, Node ${machine.node}, ${machine.platform}; 1-minute load average ${machine.loadAverage.start} at the start and ${machine.loadAverage.end ?? '?'} at the end (the machine is shared with other builds). The whole run took ${Math.round(totalSeconds)} s.`,
    '',
    'Every figure is a ratio against a baseline measured in the same run on the same machine (`subject / baseline`; lower is better).',
    '',
    '| benchmark | subject | baseline | unit | ratio | target | verdict |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...table,
    '',
    '## How it is measured',
    '',
    '- Run: `npm run bench` (builds, bundles bench/*.ts with esbuild to out/bench/, runs; not part of `npm test`). `NEVENT_BENCH_ONLY=switch,attach` runs a subset and writes nothing; `NEVENT_BENCH_SKIP_BUILD=1` skips `npm run build`; `NEVENT_BENCH_REPORT_ONLY=1` rewrites this file from bench/results.json (the same figures) after a change of the prose in bench/notes.ts; `NEVENT_BENCH_CHROMIUM` overrides /usr/bin/chromium.',
    ...methodNotes,
    '',
    '## Figures',
    '',
    ...sections,
  ].join('\n');
  mkdirSync(join(repoRoot, 'docs'), { recursive: true });
  writeFileSync(join(repoRoot, 'docs', 'benchmarks.md'), doc);
}
