// Bundles the installed app's CLI (src-main/electron/installed-cli.ts) into out/app-cli: what AI clients
// start with the app's own executable in Node mode. Unlike out/cli (scripts/build-cli.mjs, run from an
// npm install where node_modules is there), this bundle carries its pure-JS dependencies: it runs from
// app.asar.unpacked, where plain Node finds no node_modules but keytar (unpacked beside it, native).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'out/app-cli');

rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: [join(root, 'src-main/electron/installed-cli.ts')],
  entryNames: 'nevent-companion',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  outdir,
  // One chunk per command, as in out/cli: `mcp --attach` loads neither the demo API nor the web server.
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['keytar'],
  // Bundled CommonJS dependencies call require() for Node built-ins; an ES module has none of its own.
  banner: { js: "import { createRequire as __cjsRequire } from 'node:module'; const require = __cjsRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
