/**
 * The built app the shell proofs run: out/main, out/preload, out/renderer (electron-vite), out/app-cli
 * (build/app-cli.mjs) and the Claude Desktop bundle packed beside it (scripts/build-mcpb.mjs). `npm test`
 * builds them before the suites; a targeted run rebuilds them here when a
 * source is newer, one build at a time across test files.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOnce } from '../../helpers/build-lock';

/** The repository root. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The built files the proofs read. */
export const built = {
  main: join(repoRoot, 'out', 'main', 'index.js'),
  preload: join(repoRoot, 'out', 'preload', 'index.cjs'),
  renderer: join(repoRoot, 'out', 'renderer', 'index.html'),
  appCli: join(repoRoot, 'out', 'app-cli', 'nevent-companion.mjs'),
  extension: join(repoRoot, 'out', 'mcpb', 'nevent-companion.mcpb'),
};

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function isFresh(): boolean {
  if (!Object.values(built).every((file) => existsSync(file))) return false;
  const sources = Math.max(...['src-main', 'src-shared', 'src-renderer', 'electron.vite.config.ts', 'build/app-cli.mjs', 'scripts/build-mcpb.mjs', 'package.json'].map((path) => newest(join(repoRoot, path))));
  return Object.values(built).every((file) => statSync(file).mtimeMs >= sources);
}

/** Builds the app unless every output is newer than every source. */
export async function ensureAppBuilt(): Promise<void> {
  await buildOnce(join(repoRoot, 'out', '.shell-proof-build-lock'), 120_000, isFresh, () => {
    for (const [command, args] of [[process.execPath, ['build/app-cli.mjs']], ['npx', ['electron-vite', 'build']], [process.execPath, ['scripts/build-mcpb.mjs', '--out', 'out/mcpb/nevent-companion.mcpb']]] as const) {
      const result = spawnSync(command, [...args], { cwd: repoRoot, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`${[command, ...args].join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
    }
  });
}

/** The folders of an installed app, as Electron's patched `fs` shows them to main. */
export interface InstalledLayout {
  resources: string;
  /** `<resources>/app.asar`: what `app.getAppPath()` answers in an installed app. */
  appPath: string;
  /** `<resources>/app.asar.unpacked`. */
  unpacked: string;
  /** The main bundle inside the app. */
  main: string;
}

/**
 * Lays the built app out as electron-builder does (files in app.asar, the CLI unpacked beside it), in a
 * folder with no node_modules above it: main finds nothing it did not bundle, the CLI nothing it does
 * not carry. app.asar is a folder here, which is how Electron's `fs` presents it to main.
 */
export function layOutInstalledApp(root: string): InstalledLayout {
  const resources = join(root, 'resources');
  const appPath = join(resources, 'app.asar');
  const unpacked = join(resources, 'app.asar.unpacked');
  for (const part of ['main', 'preload', 'renderer']) cpSync(join(repoRoot, 'out', part), join(appPath, 'out', part), { recursive: true });
  cpSync(join(repoRoot, 'package.json'), join(appPath, 'package.json'));
  cpSync(join(repoRoot, 'out', 'app-cli'), join(unpacked, 'out', 'app-cli'), { recursive: true });
  // electron-builder's extraResources: the Claude Desktop bundle beside app.asar.
  cpSync(built.extension, join(resources, 'nevent-companion.mcpb'));
  return { resources, appPath, unpacked, main: join(appPath, 'out', 'main', 'index.js') };
}
