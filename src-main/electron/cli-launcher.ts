/**
 * How AI clients start our CLI when the desktop app configures them (the app's own executable in Node mode, never `node` with a path inside `app.asar`). Pure:
 * main.ts passes Electron's facts in.
 *
 *   installed app  <the app's executable> <resources>/app.asar.unpacked/out/app-cli/nevent-companion.mjs
 *                  with ELECTRON_RUN_AS_NODE=1: the app's own Electron runs as plain Node, so the
 *                  client needs no `node` on its PATH; the CLI is unpacked (and self-contained, keytar
 *                  beside it), so nothing is read from inside app.asar, which plain Node cannot open.
 *   AppImage       $APPIMAGE -e <bootstrap> -- --no-sandbox …: the AppImage mounts itself at a new
 *                  path on every launch, so the entry names the stable AppImage file and the bootstrap
 *                  finds the CLI next to the executable it is running as. electron-builder's AppRun puts
 *                  `--no-sandbox` first when user namespaces are unavailable, unless the arguments
 *                  already hold it; Node would refuse it there, so the entry carries it after `--`
 *                  (a plain argument, which the bootstrap drops).
 *   checkout       node <checkout>/bin/nevent-companion.mjs (`npm start`), else `nevent-companion` on PATH.
 */
import { basename, join } from 'node:path';
import type { Launcher } from '../mcp/client-config/entry';

/** Where the installed app's CLI lives, relative to the unpacked app folder (`app.asar.unpacked`). */
export const installedCliPath = ['out', 'app-cli', 'nevent-companion.mjs'] as const;

/** The variable that makes an Electron executable behave as Node. */
export const runAsNodeEnv = { ELECTRON_RUN_AS_NODE: '1' } as const;

/** What the launcher is decided from. */
export interface CliLauncherContext {
  /** `app.isPackaged`. */
  isPackaged: boolean;
  /** `app.getAppPath()`: `<resources>/app.asar` when installed, the checkout in development. */
  appPath: string;
  /** `process.execPath`: the app's own executable when installed. */
  execPath: string;
  platform: NodeJS.Platform;
  /** `$APPIMAGE`: set by the AppImage runtime to the AppImage file. */
  appImage: string | undefined;
  exists(path: string): boolean;
}

/** The folder holding the unpacked files of an installed app (`asarUnpack`). */
export function unpackedAppDir(appPath: string): string {
  return basename(appPath).endsWith('.asar') ? `${appPath}.unpacked` : appPath;
}

/** Keeps electron-builder's AppRun from putting `--no-sandbox` before our Node arguments. */
export const appRunSandboxMarker = '--no-sandbox';

/**
 * Node code run with `-e` inside an AppImage: the CLI sits beside the running executable (the mount's
 * root), in `resources/app.asar.unpacked`. It drops the AppRun marker and puts the CLI's path in
 * argv[1], as `node <script> <args>` would.
 */
export const appImageBootstrap = [
  "const p = require('node:path');",
  `const cli = p.join(p.dirname(process.execPath), 'resources', 'app.asar.unpacked', ${installedCliPath.map((part) => `'${part}'`).join(', ')});`,
  'const args = process.argv.slice(1);',
  `if (args[0] === '${appRunSandboxMarker}') args.shift();`,
  'process.argv = [process.argv[0], cli, ...args];',
  "import(require('node:url').pathToFileURL(cli).href).catch((error) => { process.stderr.write(`nevent-companion: ${error && error.message}\\n`); process.exit(1); });",
].join(' ');

/** The launcher for the desktop app's client configuration. */
export function desktopCliLauncher(context: CliLauncherContext): Launcher {
  if (context.isPackaged) {
    if (context.platform === 'linux' && context.appImage !== undefined && context.appImage !== '') {
      return { command: context.appImage, args: ['-e', appImageBootstrap, '--', appRunSandboxMarker], env: { ...runAsNodeEnv } };
    }
    return { command: context.execPath, args: [join(unpackedAppDir(context.appPath), ...installedCliPath)], env: { ...runAsNodeEnv } };
  }
  const bin = join(context.appPath, 'bin', 'nevent-companion.mjs');
  return context.exists(bin) ? { command: 'node', args: [bin] } : { command: 'nevent-companion', args: [] };
}
