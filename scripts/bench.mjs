// `npm run bench`: builds the app (`npm run build`: the CLI bundle and the renderer the org-picker
// benchmark loads), bundles bench/*.ts and its fixtures with esbuild like build-cli.mjs does, then runs
// the benchmarks. Not part of `npm test`: it takes minutes and wants a quiet machine.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

if (!process.env.NEVENT_BENCH_SKIP_BUILD) {
  const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) {
    process.stderr.write('npm run build failed\n');
    process.exit(1);
  }
}

await build({
  entryPoints: {
    main: join(root, 'bench/main.ts'),
    'fixtures/socket-bridge': join(root, 'bench/fixtures/socket-bridge.ts'),
    'fixtures/minimal-stdio-server': join(root, 'bench/fixtures/minimal-stdio-server.ts'),
  },
  outdir: join(root, 'out/bench'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});

const run = spawnSync(process.execPath, ['--enable-source-maps', join(root, 'out/bench/main.mjs')], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
