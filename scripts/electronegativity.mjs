// Electron security scan (run by `npm test` after `npm run build`): @doyensec/electronegativity over
// the built main, preload and renderer bundles together with the Electron shell's TypeScript sources,
// in one scan so its app-wide checks (CSP, navigation limits, permission handler) see the whole app.
// Electronegativity exits 0 whatever it finds, so this reads its CSV report and fails on any HIGH or
// MEDIUM finding, except the manual-review reminders listed in `reviewed` with the review's outcome.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// Checks that flag a pattern for a person to look at, whatever its configuration. Each was reviewed.
const reviewed = {
  PRELOAD_JS_CHECK:
    'the preload (src-main/electron/preload.ts) exposes only window.nevent, built from the IPC contract; no Node or Electron object crosses contextBridge (test/unit/shell/ipc-contract.test.ts)',
};
// Needs the network (it downloads Electron's release list) and reports only informational findings.
const excluded = ['AvailableSecurityFixesGlobalCheck'];

const inputs = [
  ['out/main', 'built/main'],
  ['out/preload', 'built/preload'],
  ['out/renderer', 'built/renderer'],
  ['src-main/electron', 'src/electron'],
];
for (const [from] of inputs.slice(0, 3)) {
  if (!existsSync(join(root, from))) {
    process.stderr.write(`electronegativity: ${from} is missing; run \`npm run build\` first.\n`);
    process.exit(1);
  }
}

/** Reads a CSV line with quoted fields. */
function parseCsvLine(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  fields.push(field.trim());
  return fields;
}

/** Runs the scan in `work`; returns the exit code. */
function scanApp(work) {
  for (const [from, to] of inputs) cpSync(join(root, from), join(work, 'app', to), { recursive: true });
  const report = join(work, 'report.csv');
  const cli = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const scan = spawnSync(process.execPath, [cli, '-i', join(work, 'app'), '-o', report, '-r', '-v', 'false', '-e', electronVersion, '-x', excluded.join(',')], {
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, LANG: 'en-US' },
  });
  if (scan.status !== 0 || !existsSync(report)) {
    process.stderr.write(`electronegativity did not produce a report (exit ${scan.status}):\n${scan.stdout}\n${scan.stderr}\n`);
    return 1;
  }
  const [header, ...rows] = readFileSync(report, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const columns = parseCsvLine(header ?? '');
  const at = (name) => columns.indexOf(name);
  if (at('issue') < 0 || at('severity') < 0) {
    process.stderr.write(`electronegativity: unexpected report header: ${header}\n`);
    return 1;
  }
  const findings = rows.map(parseCsvLine).map((f) => ({ issue: f[at('issue')], severity: f[at('severity')], confidence: f[at('confidence')], file: f[at('filename')], location: f[at('location')], description: f[at('description')] }));
  const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
  const failing = serious.filter((f) => !(f.issue in reviewed));
  for (const f of findings) {
    const note = f.issue in reviewed && serious.includes(f) ? `  (reviewed: ${reviewed[f.issue]})` : '';
    process.stdout.write(`${f.severity.padEnd(13)} ${f.issue.padEnd(40)} ${f.file}:${f.location}  ${f.description}${note}\n`);
  }
  if (failing.length > 0) {
    process.stdout.write(`\n✘ ${failing.length} high or medium finding(s) in the Electron app (see above).\n`);
    return 1;
  }
  process.stdout.write(`\n✔ no high or medium findings (${findings.length} finding(s) in all, ${serious.length - failing.length} reviewed)\n`);
  return 0;
}

const work = mkdtempSync(join(tmpdir(), 'nevent-electronegativity-'));
let code;
try {
  code = scanApp(work);
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(code);
