#!/usr/bin/env node
// Launcher for the bundled CLI. `npm install` builds the bundle and the UI (the `prepare` script); if
// they are missing (a checkout installed without scripts), build them once here so the command works.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'out/cli/nevent-companion.mjs');
if (!existsSync(bundle)) {
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) {
    process.stderr.write('nevent-companion: the CLI bundle is missing and could not be built; run `npm run build:cli`.\n');
    process.exit(1);
  }
}
// `serve` shows the built UI; without it the page would only say it is not built.
const uiMissing = !existsSync(join(root, 'out/renderer/index.html')) && !process.env.NEVENT_RENDERER_DIR;
if (process.argv[2] === 'serve' && uiMissing && existsSync(join(root, 'node_modules/electron-vite'))) {
  process.stderr.write('nevent-companion: building the web UI (first run only, a few seconds)…\n');
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-web-ui.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) process.stderr.write('nevent-companion: the web UI could not be built; run `npm run build` in the checkout.\n');
}
const { main } = await import(pathToFileURL(bundle).href);
const code = await main(process.argv.slice(2));
// Every command has finished its work when main resolves (long-running ones resolve on shutdown).
// Keychain calls run in a child process that is killed at its deadline, so nothing should be left; leave
// explicitly anyway once our output is flushed, so no stray handle can keep a finished command waiting.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
process.exit(code);
