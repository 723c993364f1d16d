/**
 * The Electron shell's lifecycle around the shared app (src-main/app):
 *
 *   single-instance lock ─> before ready: Windows app id (notifications, taskbar), Linux
 *            GlobalShortcutsPortal (the global shortcut on Wayland) ─> tray-host probe (in parallel)
 *   whenReady ─> the OS's languages ─> app menu ─> harden session ─> createDesktopApp (core, MCP socket,
 *            demo) ─> the Language setting (menu again) ─> IPC handlers ─> global quick-switch shortcut
 *            ─> started ─> window ─> tray (where the desktop shows one) ─> OS notifications
 *   Language setting changed (settings.onDidChange) ─> menu and tray rebuilt in the new language
 *   second launch / dock click ─> the window; while starting only remembered, since the start ends by
 *            opening it: no window exists before `ready` or before its IPC handlers
 *   start fails ─> log + error dialog ─> quit
 *   Quit (tray, menu, Cmd+Q, last window closed without a tray) ─> [the window holds unsaved edits:
 *            ask; keep editing ends here] ─> IPC off ─> tray/shortcut off ─> app.close() (socket removed,
 *            sessions ended) ─> exit; a watchdog exits anyway when that takes longer than `quitTimeoutMs`
 *            (SIGINT/SIGTERM do not ask: the system is ending the app)
 *   a switch from the tray while the window holds unsaved edits ─> ask first, as the window does
 */
import { app, dialog, globalShortcut, Menu, Notification, session, type BrowserWindow, type CommandLine } from 'electron';
import { missingCaseError } from '../../src-shared/missing-case';
import { resolveLocale, type LanguageSetting, type ResolvedLocale } from '../../src-shared/i18n/languages';
import type { MessageId } from '../../src-shared/i18n/catalog';
import { noticeText } from '../../src-shared/i18n/notices';
import { createTranslator, type Translator } from '../../src-shared/i18n/translator';
import type { AppNotification, Settings } from '../../src-shared/ipc';
import type { DesktopApp, DesktopAppOptions } from '../app/compose';
import { redactSecrets } from '../core/common/redact';
import { buildAppMenuTemplate } from './app-menu';
import { createMainWindow, type RendererTarget } from './main-window';
import { createSenderCheck, createWebContentsSink, registerIpcHandlers } from './ipc-main';
import { parseLaunchOptions } from './launch-options';
import { AppTray } from './tray';
import { probeTrayHost, windowCloseAction, type TrayHost } from './tray-host';
import type { TrayIcons } from './tray-icon';
import { quickSwitchAccelerator, type TrayAction } from './tray-template';
import { hardenSession, hardenWebContents, rendererUrlCheck } from './web-security';

/** The app's id: electron-builder's appId, and the Windows AppUserModelID its installer gives the shortcut. */
export const appId = 'es.nevent.companion';

/** The Chromium feature that binds global shortcuts through the desktop portal (Wayland, GNOME). */
export const globalShortcutsPortalFeature = 'GlobalShortcutsPortal';

/** What each action the shell asks about would do to the window's unsaved edits, in words. */
const unsavedBecause = {
  closeWindow: 'unsaved.because.closeWindow',
  quit: 'unsaved.because.quit',
  switchTenant: 'unsaved.because.switchTenant',
  resetTenant: 'unsaved.because.resetTenant',
} as const satisfies Record<string, MessageId>;

/** How long a quit may take before the watchdog exits anyway. */
export const defaultQuitTimeoutMs = 5_000;

/** What the shell is started with (main.ts passes the real ones; the tests their own). */
export interface ElectronShellDeps {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  version: string;
  /** `app.isPackaged`: an installed app has no reload or DevTools menu. */
  isPackaged: boolean;
  platform?: NodeJS.Platform;
  preloadPath: string;
  renderer: RendererTarget;
  trayIcons: TrayIcons;
  createApp: (options: Omit<DesktopAppOptions, 'startBridge' | 'clientConfig' | 'extension'>) => Promise<DesktopApp>;
  /** Whether the desktop shows a tray; default: ask the session bus (tray-host.ts). */
  probeTrayHost?: () => Promise<TrayHost>;
  quitTimeoutMs?: number;
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

/** Adds a feature to Chromium's `--enable-features`, keeping any given on the command line. */
export function enableChromiumFeature(commandLine: Pick<CommandLine, 'getSwitchValue' | 'appendSwitch'>, feature: string): void {
  const current = commandLine.getSwitchValue('enable-features');
  const features = current === '' ? [] : current.split(',');
  if (!features.includes(feature)) commandLine.appendSwitch('enable-features', [...features, feature].join(','));
}

/** Starts the desktop shell. */
export function startElectronShell(deps: ElectronShellDeps): ElectronShell {
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const platform = deps.platform ?? process.platform;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ready: Promise.resolve(), primary: false, window: () => null, desktopApp: () => null, quit: async () => undefined };
  }

  // Both only take effect before `ready`.
  if (platform === 'win32') app.setAppUserModelId(appId);
  if (platform === 'linux') enableChromiumFeature(app.commandLine, globalShortcutsPortalFeature);
  const trayHostProbe = (deps.probeTrayHost ?? (() => probeTrayHost(platform, deps.env)))().catch((): TrayHost => 'unknown');

  const { options, problems } = parseLaunchOptions(deps.argv);
  for (const problem of problems) log(`nevent-companion: ${problem}`);
  const isOurRendererUrl = rendererUrlCheck(deps.renderer);
  const quitTimeoutMs = deps.quitTimeoutMs ?? defaultQuitTimeoutMs;
  let window: BrowserWindow | null = null;
  let desktopApp: DesktopApp | null = null;
  let tray: AppTray | null = null;
  let trayHost: TrayHost = 'unknown';
  let globalShortcutBound = true;
  let started = false;
  let unregisterIpc: () => void = () => undefined;
  let offEvents: Array<() => void> = [];
  let shuttingDown: Promise<void> | null = null;
  let shutdownComplete = false;
  let quitting = false;
  // The person chose to drop the window's unsaved edits: the close or quit that follows asks no more.
  let editsDiscarded = false;
  // The tray, menus, notifications and dialogs speak the Language setting, else the OS's language.
  let systemLanguages: readonly string[] = [];
  let languageSetting: LanguageSetting = 'system';
  let spoken: ResolvedLocale = resolveLocale(languageSetting, systemLanguages);
  let words: Translator = createTranslator(spoken);
  let updateTray: () => void = () => undefined;

  const closeAction = () => windowCloseAction({ quitting, trayShown: tray !== null, trayHost });

  /** The window holds edits the person has not chosen to drop (it says so through `ui.setUnsavedEdits`). */
  const holdsUnsavedEdits = (): boolean => !quitting && !editsDiscarded && window !== null && !window.isDestroyed() && desktopApp?.service.windowEdits.hasUnsavedEdits() === true;

  /**
   * Asks whether to drop the window's unsaved edits (over the window, in the app's language); true to go
   * on. Keeping them is the default answer, and the one Escape gives.
   */
  const mayDropEdits = async (because: keyof typeof unsavedBecause): Promise<boolean> => {
    if (!holdsUnsavedEdits()) return true;
    const parent = showWindow();
    const name = 'Nevent Companion';
    const discard = words.formatMessage({ id: 'unsaved.discard' });
    const keep = words.formatMessage({ id: 'unsaved.keep' });
    const { response } = await dialog.showMessageBox(parent, {
      type: 'warning',
      title: words.formatMessage({ id: 'unsaved.title' }),
      message: words.formatMessage({ id: 'unsaved.questionWindow' }),
      detail: words.formatMessage({ id: unsavedBecause[because] }, { app: name }),
      buttons: [keep, discard],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    return response === 1;
  };

  // Closing the window would end the app (no tray): ask, then close for real.
  const onUnsavedClose = (closing: BrowserWindow): void => {
    void mayDropEdits('closeWindow').then((drop) => {
      if (!drop || closing.isDestroyed()) return;
      editsDiscarded = true;
      closing.close();
    });
  };

  const showWindow = (): BrowserWindow => {
    if (window === null || window.isDestroyed()) {
      editsDiscarded = false;
      window = createMainWindow({ preloadPath: deps.preloadPath, target: deps.renderer, isOurRendererUrl, closeAction, holdsUnsavedEdits, onUnsavedClose });
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    return window;
  };

  // A second launch or a dock click. Before the start has finished there is nothing to show yet (and
  // Electron refuses windows before `ready`); the start opens the window itself once it is done.
  const requestWindow = (): void => {
    if (started && !quitting) showWindow();
  };

  const openQuickSwitch = (source: 'shortcut' | 'tray'): void => {
    showWindow();
    desktopApp?.events.emit('ui.onDidRequestQuickSwitch', { source });
  };

  const setAppMenu = (): void => {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildAppMenuTemplate({
          platform,
          isPackaged: deps.isPackaged,
          globalShortcutBound,
          onQuickSwitch: () => openQuickSwitch('tray'),
          onShowShortcuts: () => {
            showWindow();
            desktopApp?.events.emit('ui.onDidRequestShortcuts', { source: 'menu' });
          },
          t: words,
        }),
      ),
    );
  };

  /** Speaks `setting` from now on: the menu and the tray are rebuilt at once when the locale changed. */
  const useLanguage = (setting: LanguageSetting): void => {
    languageSetting = setting;
    const next = resolveLocale(setting, systemLanguages);
    if (next.locale === spoken.locale && next.catalog === spoken.catalog) return;
    spoken = next;
    words = createTranslator(next);
    setAppMenu();
    updateTray();
  };

  const onTrayAction = (action: TrayAction): void => {
    switch (action.type) {
      // The window's editor closes on a switch: its unsaved edits are asked about first, as in the window.
      case 'switch':
        void mayDropEdits('switchTenant').then(async (go) => {
          if (go) await desktopApp?.dispatch('tenants.switch', { tenantId: action.tenantId });
        });
        return;
      case 'reset':
        void mayDropEdits('resetTenant').then(async (go) => {
          if (go) await desktopApp?.dispatch('tenants.reset', undefined);
        });
        return;
      case 'quickSwitch':
        openQuickSwitch('tray');
        return;
      case 'open':
        showWindow();
        return;
      case 'quit':
        // Through before-quit, which asks about unsaved edits (shell.quit() is the system's, and does not).
        app.quit();
        return;
      default:
        missingCaseError(action);
    }
  };

  const shutdown = (): Promise<void> =>
    (shuttingDown ??= (async () => {
      quitting = true;
      // Cmd+Q must always end the app, even when a part of the shutdown hangs (a secret service, a
      // connection that never closes): past the deadline, exit without the rest.
      const watchdog = setTimeout(() => {
        log(`nevent-companion: shutting down took longer than ${quitTimeoutMs} ms; exiting now`);
        app.exit(0);
      }, quitTimeoutMs);
      app.once('quit', () => clearTimeout(watchdog));
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

  app.on('second-instance', requestWindow);
  app.on('activate', requestWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isOurRendererUrl));
  app.on('window-all-closed', () => {
    if (tray === null) void shell.quit();
  });
  app.on('before-quit', (event) => {
    if (shutdownComplete) return;
    // Hold every quit (Cmd+Q, the OS, a second Quit click) until the socket is removed and the
    // sessions are ended, then quit for real.
    event.preventDefault();
    // Unsaved edits first, before anything is taken down: keeping them leaves the app as it was.
    if (holdsUnsavedEdits()) {
      void mayDropEdits('quit').then((drop) => {
        if (!drop) return;
        editsDiscarded = true;
        app.quit();
      });
      return;
    }
    void shutdown().finally(() => app.quit());
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shell.quit());

  const ready = (async () => {
    await app.whenReady();
    systemLanguages = app.getPreferredSystemLanguages();
    spoken = resolveLocale(languageSetting, systemLanguages);
    words = createTranslator(spoken);
    setAppMenu();
    hardenSession(session.defaultSession);
    desktopApp = await deps.createApp({
      shell: 'electron',
      version: deps.version,
      demo: options.demo,
      systemLanguages,
      ...(options.socketPath === undefined ? {} : { socketPath: options.socketPath }),
      ...(options.operationMode === undefined ? {} : { operationMode: options.operationMode }),
      ...(options.toolsets === undefined ? {} : { toolsets: options.toolsets }),
      env: deps.env,
      platform,
      log,
    });
    const current = desktopApp;
    // The saved Language setting, read like the window reads it (a failure leaves the OS's language).
    const settings = await current.dispatch('settings.get', undefined);
    useLanguage(settings.ok ? ((settings.value as Settings).language ?? 'system') : 'system');
    offEvents.push(
      current.events.subscribe((channel, payload) => {
        if (channel === 'settings.onDidChange') useLanguage((payload as Settings).language ?? 'system');
      }),
    );
    const isTrustedSender = createSenderCheck(() => (window === null || window.isDestroyed() ? null : window.webContents.id), isOurRendererUrl);
    unregisterIpc = registerIpcHandlers(current.dispatch, isTrustedSender);
    offEvents.push(current.events.subscribe(createWebContentsSink(() => (window === null || window.isDestroyed() ? null : window.webContents))));

    globalShortcutBound = globalShortcut.register(quickSwitchAccelerator, () => openQuickSwitch('shortcut'));
    if (!globalShortcutBound) {
      log(`the quick-switch shortcut ${quickSwitchAccelerator} could not be bound (taken by another app, or refused by the desktop); the tray and the File menu open it`);
      setAppMenu();
    }

    if (quitting) return;
    started = true;
    showWindow();

    // After the window: a session bus that is slow to answer delays only the tray.
    trayHost = await trayHostProbe;
    if (quitting) return;
    if (trayHost === 'absent') log('no tray on this desktop (no StatusNotifier host): closing the window quits the app');
    else {
      try {
        tray = new AppTray(deps.trayIcons, platform, onTrayAction);
      } catch (error) {
        log(`tray unavailable: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    // The tray shows the app state, and a desktop switch in flight from the sessions list.
    updateTray = (): void => {
      const switchingTo = current.service.sessionList().sessions.find((s) => s.kind === 'desktop')?.switchingTo ?? null;
      tray?.update(current.service.state(), { t: words, globalShortcutBound, switchingTo });
    };
    updateTray();
    offEvents.push(
      current.events.subscribe((channel, payload) => {
        if (channel === 'session.onDidChange' || channel === 'mcp.onDidChangeSessions') updateTray();
        if (channel === 'notifications.onDidNotify' && Notification.isSupported()) {
          const note = noticeText(words, payload as AppNotification);
          new Notification({ title: note.title, body: note.body, silent: true }).show();
        }
      }),
    );
  })();
  ready.catch((error: unknown) => {
    const message = redactSecrets(error instanceof Error ? error.message : String(error));
    log(`nevent-companion failed to start: ${message}`);
    // An installed app has no terminal: say it where the person looks.
    const name = 'Nevent Companion';
    dialog.showErrorBox(words.formatMessage({ id: 'dialog.startFailed.title' }, { app: name }), words.formatMessage({ id: 'dialog.startFailed.body' }, { app: name, reason: message }));
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
