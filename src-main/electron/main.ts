/**
 * Electron main entry: wires the real parts into the shell (electron-app.ts) — the composition root
 * with the MCP socket bridge and client configuration, the preload and the built renderer.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, shell as electronShell } from 'electron';
import { fileClientConfig } from '../app/client-config';
import { createDesktopApp } from '../app/compose';
import { checkoutBundle, resourcesBundle, type ExtensionSource } from '../app/extension-install';
import { findPackageRoot } from '../core/common/package-root';
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
    const root = findPackageRoot(import.meta.url);
    // The installed app carries the Claude Desktop bundle beside app.asar; a checkout has (or builds) its own.
    // (app.asar's folder is the resources folder: process.resourcesPath, read through the app's own path.)
    const locateBundle = app.isPackaged ? resourcesBundle(dirname(app.getAppPath())) : root === null ? null : checkoutBundle(root);
    const extension: ExtensionSource | undefined = locateBundle === null ? undefined : { locateBundle, openPath: async (path) => (await electronShell.openPath(path)) || null };
    return createDesktopApp({ ...options, startBridge: mcpBridgeStarter(version), clientConfig: fileClientConfig(launcher, { env: options.env, ...(options.socketPath === undefined ? {} : { socketPath: options.socketPath }) }), ...(extension === undefined ? {} : { extension }) });
  },
});
