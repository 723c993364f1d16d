// `npm test`: lint, typecheck, build, then every suite (unit, integration, keychain under a throwaway
// D-Bus session, browser end-to-end, Electron security scan). Stops at the first failing step and ends
// with one plain "N passed, N failed" line summed over the suites.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, 'test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label, command, args, options = {}) {
  process.stdout.write(`\n▶ ${label}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...options.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stdout.write(`✘ ${label} failed (${seconds}s)\n`);
    finish(1);
  }
  process.stdout.write(`✔ ${label} (${seconds}s)\n`);
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function vitest(project) {
  const out = join(reports, `${project}.json`);
  return ['vitest', 'run', '--project', project, '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
}

function finish(code) {
  for (const project of ['unit', 'integration', 'keychain']) countVitest(join(reports, `${project}.json`));
  const e2e = join(reports, 'e2e.json');
  if (existsSync(e2e)) {
    const stats = JSON.parse(readFileSync(e2e, 'utf8')).stats ?? {};
    totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    totals.failed += stats.unexpected ?? 0;
    totals.skipped += stats.skipped ?? 0;
  }
  process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
  process.exit(code);
}

const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;

run('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
run('typecheck', 'npm', ['run', '--silent', 'typecheck']);
run('build', 'npm', ['run', '--silent', 'build']);
run('unit tests', 'npx', vitest('unit'));
run('integration tests', 'npx', vitest('integration'));
// The official MCP conformance suite against `serve --demo --http` (documented expected failures only).
run('MCP conformance (server mode, loopback HTTP)', 'node', ['scripts/conformance.mjs']);

// Keychain tests need a real Secret Service: a throwaway D-Bus session with gnome-keyring, in a fresh
// HOME so no older keyring with another password is found locked.
if (has('dbus-run-session') && has('gnome-keyring-daemon')) {
  const inner = `export HOME=$(mktemp -d); echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec npx ${vitest('keychain').join(' ')}`;
  run('keychain tests (gnome-keyring under dbus-run-session)', 'dbus-run-session', ['--', 'sh', '-c', inner], { env: { NEVENT_KEYCHAIN_TESTS: '1' } });
} else if (process.env.CI) {
  process.stdout.write('✘ keychain tests need dbus-run-session and gnome-keyring-daemon (see .ci/run)\n');
  finish(1);
} else {
  process.stdout.write('\n⚠ keychain tests skipped: install dbus and gnome-keyring to run them\n');
}

if (existsSync(join(root, 'playwright.config.ts'))) {
  // The build step above made the CLI, the renderer and the MCP App views: the global setup need not
  // build them a second time.
  run('end-to-end tests (Playwright, Chromium)', 'npx', ['playwright', 'test'], { env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'e2e.json'), E2E_SKIP_BUILD: '1' } });
}
if (existsSync(join(root, 'scripts/electronegativity.mjs'))) {
  run('Electron security scan (electronegativity)', 'node', ['scripts/electronegativity.mjs']);
}
finish(0);
