/**
 * "Install the extension" (Connect a client → Claude Desktop): the MCP Bundle (`npm run bundle`,
 * scripts/build-mcpb.mjs) is copied into the app's folder, where the person can find it again, and
 * opened with the OS, which hands a .mcpb to Claude Desktop; Claude Desktop then asks to install it.
 *
 *   installed app ──> <resources>/nevent-companion.mcpb (electron-builder's extraResources)
 *   a checkout    ──> out/mcpb/nevent-companion.mcpb, else dist/…, else built now (the checkout has the tools)
 *        ──copy──> <config dir>/nevent-companion.mcpb ──open with the OS──> Claude Desktop
 *
 * When the OS cannot open it (no desktop, no handler for .mcpb), the answer says where the file is, so
 * the person can open it with Claude Desktop themselves; nothing else depends on the opening.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtensionInstall } from '../../src-shared/ipc';
import { CoreError } from '../core/tenant-session';
import type { ExtensionPort } from './ports';

/** The bundle's file name everywhere. */
const bundleFileName = 'nevent-companion.mcpb';

/** Where the bundle comes from and how the OS opens a file, per shell. */
export interface ExtensionSource {
  /** The bundle's path (found or built); rejects with a message the person can act on. */
  locateBundle(): Promise<string>;
  /** Opens a file with its default application; null when it did, else why not. */
  openPath(path: string): Promise<string | null>;
}

/** The extension port over a source, writing its copy into `targetDir`. */
export function extensionInstaller(source: ExtensionSource, targetDir: string): ExtensionPort {
  return {
    async install(): Promise<ExtensionInstall> {
      const bundle = await source.locateBundle();
      mkdirSync(targetDir, { recursive: true });
      const path = join(targetDir, bundleFileName);
      copyFileSync(bundle, path);
      const reason = await source.openPath(path);
      return { path, opened: reason === null, reason };
    },
  };
}

/** Runs a command to its end; resolves to its exit code, or rejects when it cannot start. */
function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stderr }));
  });
}

/** In a checkout: the bundle `npm run build` / `npm run bundle` made, or one built now with the checkout's own script. */
export function checkoutBundle(packageRoot: string): () => Promise<string> {
  const built = [join(packageRoot, 'out', 'mcpb', bundleFileName), join(packageRoot, 'dist', bundleFileName)];
  return async () => {
    const found = built.find((path) => existsSync(path));
    if (found !== undefined) return found;
    const script = join(packageRoot, 'scripts', 'build-mcpb.mjs');
    if (!existsSync(script)) throw new CoreError('not_available', 'The Claude Desktop extension is not part of this installation; use the config-file entry instead.');
    const result = await run(process.execPath, [script, '--out', built[0] as string], { cwd: packageRoot }).catch((error: unknown) => ({ code: null, stderr: String(error) }));
    if (result.code !== 0 || !existsSync(built[0] as string)) throw new CoreError('api_unavailable', `The Claude Desktop extension could not be built; run \`npm run bundle\` in ${packageRoot} (${result.stderr.trim().split('\n').at(-1) ?? 'no output'}).`);
    return built[0] as string;
  };
}

/** The installed app: the bundle electron-builder put beside app.asar. */
export function resourcesBundle(resourcesPath: string): () => Promise<string> {
  const path = join(resourcesPath, bundleFileName);
  return async () => {
    if (!existsSync(path)) throw new CoreError('not_available', `The Claude Desktop extension is missing from this installation (${path}); reinstall Nevent Companion, or use the config-file entry.`);
    return path;
  };
}

/** How long an opener may run before it counts as having opened the file. */
const openerPatienceMs = 5000;

/** Opens a file with the desktop's default application without Electron (`serve`): xdg-open, open, or start. */
export function systemOpener(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): (path: string) => Promise<string | null> {
  return async (path) => {
    const [command, args] = platform === 'darwin' ? ['open', [path]] : platform === 'win32' ? ['cmd', ['/c', 'start', '""', path]] : ['xdg-open', [path]];
    try {
      // Some openers stay until the application they started quits: still running after a while means it opened.
      const ended = run(command, args, { env });
      const stillOpen = new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), openerPatienceMs).unref());
      const outcome = await Promise.race([ended, stillOpen]);
      if (outcome === 'running') return null;
      const { code, stderr } = outcome;
      // Its last line says why (xdg-open tries several openers and tells of each on the way).
      return code === 0 ? null : `${command} could not open it${stderr.trim() === '' ? '' : ` (${stderr.trim().split('\n').at(-1)})`}`;
    } catch (error) {
      return `${command} is not available here (${error instanceof Error ? error.message : String(error)})`;
    }
  };
}
