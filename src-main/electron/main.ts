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
import { desktopCliLauncher } from './cli-launcher';
import { startElectronShell } from './electron-app';
import { trayIcons } from './tray-icon';

const here = fileURLToPath(new URL('.', import.meta.url));
const version = app.getVersion();
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

/** The running shell (exported for the boot test). */
export const shell = startElectronShell({
  argv: process.argv,
  env: process.env,
  version,
  isPackaged: app.isPackaged,
  preloadPath: join(here, '../preload/index.cjs'),
  renderer: !app.isPackaged && devServerUrl !== undefined ? { devServerUrl } : { file: pathToFileURL(join(here, '../renderer/index.html')).href },
  trayIcons,
  createApp: (options) => {
    // Asked here, not at import: app.getAppPath() is settled once the app runs.
    const launcher = desktopCliLauncher({ isPackaged: app.isPackaged, appPath: app.getAppPath(), execPath: process.execPath, platform: process.platform, appImage: process.env.APPIMAGE, exists: existsSync });
    return createDesktopApp({ ...options, startBridge: mcpBridgeStarter(version), clientConfig: fileClientConfig(launcher, { env: options.env, ...(options.socketPath === undefined ? {} : { socketPath: options.socketPath }) }) });
  },
});
