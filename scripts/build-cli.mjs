// Bundles the CLI (src-main/cli) into one ESM file so `nevent-companion` starts fast without a
// TypeScript runtime. Dependencies stay external: they are installed, and keytar is a native addon.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [join(root, 'src-main/cli/main.ts')],
  outfile: join(root, 'out/cli/nevent-companion.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
