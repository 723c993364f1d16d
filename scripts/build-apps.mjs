// Builds the MCP App views (vite.apps.config.ts → out/apps/view.html), which the bridge serves as
// `ui://nevent/<view>` to AI clients that render MCP Apps. Part of `npm run build`, of `npm install`
// (through build-web-ui.mjs) and of the first `serve`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
if (!existsSync(cli)) {
  process.stderr.write('nevent-companion: cannot build the MCP App views here: vite is not installed (run `npm install` in the checkout).\n');
  process.exit(1);
}
// Vite's progress goes to stderr, so a caller's stdout stays its own.
const built = spawnSync(process.execPath, [cli, 'build', '--config', join(root, 'vite.apps.config.ts'), '--configLoader', 'runner', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 2, 'inherit'] });
process.exit(built.status ?? 1);
