#!/usr/bin/env node
// Launcher for the bundled CLI. `npm install` builds the bundle (the `prepare` script); if it is
// missing (a checkout without install scripts), build it once here so the command still works.
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
const { main } = await import(pathToFileURL(bundle).href);
const code = await main(process.argv.slice(2));
// Every command has finished its work when main resolves (long-running ones resolve on shutdown).
// Keychain calls run in a child process that is killed at its deadline, so nothing should be left; leave
// explicitly anyway once our output is flushed, so no stray handle can keep a finished command waiting.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
process.exit(code);
