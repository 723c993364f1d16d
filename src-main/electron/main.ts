/**
 * Electron main entry: wires the real parts into the shell (electron-app.ts) — the composition root
 * with the MCP socket bridge and client configuration, the preload and the built renderer.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app } from 'electron';
import { fileClientConfig } from '../app/client-config';
import { createDesktopApp } from '../app/compose';
import { mcpBridgeStarter } from '../app/mcp-bridge';
import type { Launcher } from '../mcp/client-config/entry';
import { startElectronShell } from './electron-app';
import { trayIconDataUrl } from './tray-icon';

const here = fileURLToPath(new URL('.', import.meta.url));
const version = app.getVersion();

/**
 * How AI clients start our CLI from their config: node + the app's bin script when it is there (a
 * checkout or an unpacked install), else `nevent-companion` on PATH.
 */
function launcher(): Launcher {
  const bin = join(app.getAppPath(), 'bin', 'nevent-companion.mjs');
  return existsSync(bin) ? { command: 'node', args: [bin] } : { command: 'nevent-companion', args: [] };
}

const devServerUrl = process.env.ELECTRON_RENDERER_URL;

/** The running shell (exported for the boot test). */
export const shell = startElectronShell({
  argv: process.argv,
  env: process.env,
  version,
  preloadPath: join(here, '../preload/index.cjs'),
  renderer: !app.isPackaged && devServerUrl !== undefined ? { devServerUrl } : { file: pathToFileURL(join(here, '../renderer/index.html')).href },
  trayIcon: trayIconDataUrl,
  createApp: (options) => createDesktopApp({ ...options, startBridge: mcpBridgeStarter(version), clientConfig: fileClientConfig(launcher(), { env: options.env, ...(options.socketPath === undefined ? {} : { socketPath: options.socketPath }) }) }),
});
