// Builds the app's windows (electron-vite: main, preload and the React renderer into out/), which is
// what `serve` shows in a browser, and the MCP App views the bridge serves (scripts/build-apps.mjs). Run by `npm install` (scripts/prepare.mjs) and, when the UI is
// missing, by the launcher on the first `serve`. Needs the dev toolchain of a checkout.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
if (!existsSync(cli)) {
  process.stderr.write('nevent-companion: cannot build the web UI here: electron-vite is not installed (run `npm install` in the checkout).\n');
  process.exit(1);
}
// Vite's progress goes to stderr, so a caller's stdout stays its own (serve's first line is "ui: URL").
const built = spawnSync(process.execPath, [cli, 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 2, 'inherit'] });
if (built.status !== 0) process.exit(built.status ?? 1);
const views = spawnSync(process.execPath, [join(root, 'scripts', 'build-apps.mjs')], { cwd: root, stdio: ['ignore', 2, 'inherit'] });
process.exit(views.status ?? 1);
