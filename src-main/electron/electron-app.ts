/**
 * The Electron shell's lifecycle around the shared app (src-main/app):
 *
 *   single-instance lock ──(second launch)──> focus the first window
 *   whenReady ─> harden session ─> createDesktopApp (core, MCP socket, demo) ─> IPC handlers ─> window
 *            ─> tray (rebuilt on every state) ─> global quick-switch shortcut ─> OS notifications
 *   Quit (tray, SIGINT/SIGTERM, last window without tray) ─> IPC off ─> tray/shortcut off ─> app.close()
 *                                                             (socket removed, sessions ended) ─> exit
 */
import { app, globalShortcut, Notification, session, type BrowserWindow } from 'electron';
import { missingCaseError } from '../../src-shared/errors';
import type { AppState } from '../../src-shared/ipc';
import type { DesktopApp, DesktopAppOptions } from '../app/compose';
import { createMainWindow, type RendererTarget } from './main-window';
import { createSenderCheck, createWebContentsSink, registerIpcHandlers } from './ipc-main';
import { parseLaunchOptions } from './launch-options';
import { AppTray } from './tray';
import { quickSwitchAccelerator, type TrayAction } from './tray-template';
import { hardenSession, hardenWebContents, rendererUrlCheck } from './web-security';

/** What the shell is started with (main.ts passes the real ones; the boot test its own). */
export interface ElectronShellDeps {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  version: string;
  preloadPath: string;
  renderer: RendererTarget;
  /** The tray icon as a PNG data URL. */
  trayIcon: string;
  createApp: (options: Omit<DesktopAppOptions, 'startBridge' | 'clientConfig'>) => Promise<DesktopApp>;
  log?: (line: string) => void;
}

/** The running shell. */
export interface ElectronShell {
  /** Settles once the window, tray and bridge are up (or the lock was not ours). */
  ready: Promise<void>;
  /** False when another instance holds the lock (this one quits at once). */
  primary: boolean;
  window(): BrowserWindow | null;
  desktopApp(): DesktopApp | null;
  /** Runs the clean shutdown, then exits. */
  quit(): Promise<void>;
}

/** Starts the desktop shell. */
export function startElectronShell(deps: ElectronShellDeps): ElectronShell {
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ready: Promise.resolve(), primary: false, window: () => null, desktopApp: () => null, quit: async () => undefined };
  }

  const { options, problems } = parseLaunchOptions(deps.argv);
  for (const problem of problems) log(`nevent-companion: ${problem}`);
  const isOurRendererUrl = rendererUrlCheck(deps.renderer);
  let window: BrowserWindow | null = null;
  let desktopApp: DesktopApp | null = null;
  let tray: AppTray | null = null;
  let unregisterIpc: () => void = () => undefined;
  let offEvents: Array<() => void> = [];
  let shuttingDown: Promise<void> | null = null;
  let shutdownComplete = false;
  let quitting = false;

  const showWindow = (): BrowserWindow => {
    if (window === null || window.isDestroyed()) {
      window = createMainWindow({ preloadPath: deps.preloadPath, target: deps.renderer, isOurRendererUrl, keepInTray: () => tray !== null && !quitting });
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    return window;
  };

  const openQuickSwitch = (source: 'shortcut' | 'tray'): void => {
    showWindow();
    desktopApp?.events.emit('ui.onDidRequestQuickSwitch', { source });
  };

  const onTrayAction = (action: TrayAction): void => {
    switch (action.type) {
      case 'switch':
        void desktopApp?.dispatch('tenants.switch', { tenantId: action.tenantId });
        return;
      case 'reset':
        void desktopApp?.dispatch('tenants.reset', undefined);
        return;
      case 'quickSwitch':
        openQuickSwitch('tray');
        return;
      case 'open':
        showWindow();
        return;
      case 'quit':
        void shell.quit();
        return;
      default:
        missingCaseError(action);
    }
  };

  const shutdown = (): Promise<void> =>
    (shuttingDown ??= (async () => {
      quitting = true;
      unregisterIpc();
      for (const off of offEvents) off();
      offEvents = [];
      globalShortcut.unregisterAll();
      tray?.destroy();
      tray = null;
      try {
        await desktopApp?.close();
      } finally {
        shutdownComplete = true;
      }
    })());

  app.on('second-instance', () => {
    showWindow();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isOurRendererUrl));
  app.on('activate', () => {
    showWindow();
  });
  app.on('window-all-closed', () => {
    if (tray === null) void shell.quit();
  });
  app.on('before-quit', (event) => {
    if (shutdownComplete) return;
    // Hold every quit (Cmd+Q, the OS, a second Quit click) until the socket is removed and the
    // sessions are ended, then quit for real.
    event.preventDefault();
    void shutdown().finally(() => app.quit());
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shell.quit());

  const ready = (async () => {
    await app.whenReady();
    hardenSession(session.defaultSession);
    desktopApp = await deps.createApp({
      shell: 'electron',
      version: deps.version,
      demo: options.demo,
      ...(options.socketPath === undefined ? {} : { socketPath: options.socketPath }),
      ...(options.operationMode === undefined ? {} : { operationMode: options.operationMode }),
      env: deps.env,
      platform: process.platform,
      log,
    });
    const current = desktopApp;
    const isTrustedSender = createSenderCheck(() => (window === null || window.isDestroyed() ? null : window.webContents.id), isOurRendererUrl);
    unregisterIpc = registerIpcHandlers(current.dispatch, isTrustedSender);
    offEvents.push(current.events.subscribe(createWebContentsSink(() => (window === null || window.isDestroyed() ? null : window.webContents))));

    try {
      tray = new AppTray(deps.trayIcon, onTrayAction);
    } catch (error) {
      log(`tray unavailable: ${error instanceof Error ? error.message : String(error)}`);
    }
    const updateTray = (state: AppState): void => tray?.update(state);
    updateTray(current.service.state());
    offEvents.push(
      current.events.subscribe((channel, payload) => {
        if (channel === 'session.onDidChange') updateTray(payload as AppState);
        if (channel === 'notifications.onDidNotify' && Notification.isSupported()) {
          const note = payload as { title: string; body: string };
          new Notification({ title: note.title, body: note.body, silent: true }).show();
        }
      }),
    );
    if (!globalShortcut.register(quickSwitchAccelerator, () => openQuickSwitch('shortcut'))) log(`the quick-switch shortcut ${quickSwitchAccelerator} is taken by another app`);
    showWindow();
  })();
  ready.catch((error: unknown) => {
    log(`nevent-companion failed to start: ${error instanceof Error ? error.message : String(error)}`);
    void shell.quit();
  });

  const shell: ElectronShell = {
    ready,
    primary: true,
    window: () => window,
    desktopApp: () => desktopApp,
    async quit() {
      await shutdown();
      app.quit();
    },
  };
  return shell;
}
