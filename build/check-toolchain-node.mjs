// `npm run dist` preflight: the packaging toolchain (electron-builder's @electron/rebuild and
// @electron/get) needs Node 22.12+. The CLI and `serve` run on Node 20.19+, so package.json's `engines`
// cannot say this without bothering every Node 20 user; this says it where it matters, then goes on.
import process from 'node:process';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `⚠ Packaging the desktop app needs Node 22.12 or newer (this is Node ${process.versions.node}): ` +
      'electron-builder rebuilds keytar for Electron and fetches Electron with tools that require it. ' +
      'The CLI and `serve` keep working on Node 20.19+.\n',
  );
}
