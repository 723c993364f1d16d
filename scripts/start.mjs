// `npm start`: build, then run the desktop app on the embedded demo API (`--demo`).
// Electron's binary is downloaded on first use; where that cannot happen (no route to GitHub),
// say so plainly and point to `serve`, which runs the same app in a browser.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

if (electronBinary() === null && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  process.stdout.write('Electron’s binary is not installed yet; downloading it (one time)…\n');
  const download = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: ['ignore', 'inherit', 'pipe'], timeout: 120_000, encoding: 'utf8' });
  const reason = (download.stderr ?? '').split('\n').find((line) => line.trim() !== '');
  if (download.status !== 0 && reason) process.stderr.write(`The download failed: ${reason.trim()}\n`);
}
if (electronBinary() === null) {
  process.stderr.write(
    [
      '',
      'Nevent Companion cannot open its desktop window: the Electron binary is not installed',
      '(it is downloaded from GitHub on first start, and that download did not succeed here).',
      '',
      'Run the same app in your browser instead — same core, same MCP bridge, same UI:',
      '',
      '    npx nevent-companion serve --demo',
      '',
      'then open the "ui:" address it prints. To get the desktop window, run',
      '`node node_modules/electron/install.js` on a machine that can reach GitHub, then `npm start`.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const args = process.argv.slice(2);
const app = spawnSync(electronBinary(), ['.', ...(args.length > 0 ? args : ['--demo'])], { cwd: root, stdio: 'inherit' });
process.exit(app.status ?? 0);
