// Bundles the CLI (src-main/cli) into ESM so `nevent-companion` starts fast without a TypeScript
// runtime. Code splitting keeps each command's lazy import its own chunk: `mcp` does not load the demo
// API or the web server it never uses. Dependencies stay external: they are installed, and keytar is a
// native addon.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Chunks from an earlier build would pile up; the folder holds nothing else.
rmSync(join(root, 'out/cli'), { recursive: true, force: true });

await build({
  // keychain-module: the keychain check the install's closing lines run (scripts/prepare.mjs).
  entryPoints: { 'nevent-companion': join(root, 'src-main/cli/main.ts'), 'keychain-module': join(root, 'src-main/core/keychain-module.ts') },
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  outdir: join(root, 'out/cli'),
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
