// Installs the real AI-client CLIs into their cache ahead of the real-client tests, with the tests' own
// installer (test/helpers/real-clients.ts: same pins, same cache, same lock). .ci/run starts it in the
// background during the steps before the integration tests, so a fresh machine's download overlaps them.
// The tests still install on their own when the cache is cold or this failed; a run that finds this one
// mid-install waits for its lock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'nc-warm-clients-'));
try {
  const outfile = join(dir, 'real-clients.mjs');
  await build({ entryPoints: [join(root, 'test', 'helpers', 'real-clients.ts')], outfile, bundle: true, platform: 'node', format: 'esm', logLevel: 'error' });
  const { installRealClients } = await import(pathToFileURL(outfile).href);
  const started = Date.now();
  const clients = await installRealClients();
  process.stdout.write(`AI clients ready in ${clients.dir} (${clients.installedInSeconds === null ? 'already installed' : `installed in ${Math.round((Date.now() - started) / 1000)} s`})\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
