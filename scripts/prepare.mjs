// `npm install` (the `prepare` script): builds what the README's commands need — the CLI bundle and
// the app's UI, so `npx nevent-companion serve --demo` serves the window right away — then says which
// Node runs what, since npm's EBADENGINE warnings just above are about the packaging toolchain only, and
// whether the OS keychain module was built.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

for (const [what, script] of [
  ['the command line', 'build-cli.mjs'],
  ['the app and its web UI', 'build-web-ui.mjs'],
]) {
  process.stdout.write(`nevent-companion: building ${what}…\n`);
  const built = spawnSync(process.execPath, [join(root, 'scripts', script)], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

// keytar is optional: npm drops it silently when it cannot be built here. Say whether it works, and what to install if not.
const { checkKeychainModule, keychainInstallLine } = await import(pathToFileURL(join(root, 'out', 'cli', 'keychain-module.mjs')).href);
process.stdout.write(`nevent-companion: ${keychainInstallLine(checkKeychainModule())}\n`);

const [major, minor] = process.versions.node.split('.').map(Number);
const packagingNode = major > 22 || (major === 22 && minor >= 12);
process.stdout.write(
  [
    `nevent-companion: ready on Node ${process.versions.node}. \`npm start\`, \`npx nevent-companion serve --demo\`, the CLI and \`npm test\` need Node 20.19+.`,
    packagingNode
      ? 'Packaging installers (`npm run dist`) works on this Node too.'
      : 'Packaging installers (`npm run dist`) needs Node 22.12+: the EBADENGINE warnings above come from that toolchain (Electron, electron-builder) and change nothing else.',
    '',
  ].join('\n'),
);
