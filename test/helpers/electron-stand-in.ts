/**
 * A strict stand-in for the main process's `electron` module, for running the shell without the
 * Electron binary: the unit tests mock `electron` with `module`, and the boot proof serves it to the
 * built bundle (test/integration/shell). It is strict where Electron is, so that the mistakes Electron
 * punishes fail here too:
 *
 *   - `whenReady` resolves only when the test says so (`becomeReady`), as a slow start would;
 *   - BrowserWindow, Tray, `session.defaultSession` and `globalShortcut` throw before `ready`;
 *   - switches appended to the command line after `ready` are recorded as ignored (Chromium read them);
 *   - without an application menu at `ready`, Electron's default one (Reload, DevTools) is installed;
 *   - a renderer `invoke` with no handler rejects, as `ipcRenderer.invoke` does;
 *   - `app.quit()` runs before-quit, then a `close` on every window (any of which may cancel the quit),
 *     then will-quit and quit, then exits; `app.exit()` exits at once;
 *   - the last window closed outside a quit emits window-all-closed, and quits when nobody listens.
 *
 * It exports only names the main process's `electron` has: a name the app imports and this lacks fails
 * to link, like a misspelt one would.
 */
import { EventEmitter } from 'node:events';

/** How the stand-in behaves. */
export interface StandInOptions {
  /** `requestSingleInstanceLock()`'s answer (false: another instance runs). */
  lock?: boolean;
  isPackaged?: boolean;
  appPath?: string;
  version?: string;
  /** `app.getPreferredSystemLanguages()`'s answer (default `['en-US']`). */
  systemLanguages?: string[];
  /** `globalShortcut.register()`'s answer (false: taken, or refused by the desktop). */
  globalShortcutAccepted?: boolean;
  /** Called when the app exits (quit or exit) with the exit code; the boot harness ends the process. */
  onExit?: (code: number) => void;
}

/** Something the app did that Electron would refuse or ignore. */
export interface StandInViolation {
  what: string;
  message: string;
}

/** A cancellable Electron event. */
export interface StandInEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

function cancellable(): StandInEvent {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

/** Electron's default application menu has these roles in its View menu. */
export const defaultMenuDevRoles = ['reload', 'forceReload', 'toggleDevTools'];

type Handler = (event: unknown, payload: unknown) => unknown;

/** A recorded image: a data URL, or representations added to an empty image. */
export interface StandInImage {
  dataUrl: string | null;
  representations: Array<{ scaleFactor: number; dataURL: string }>;
  template: boolean;
  addRepresentation(options: { scaleFactor: number; dataURL: string }): void;
  setTemplateImage(template: boolean): void;
  isTemplateImage(): boolean;
}

function image(dataUrl: string | null): StandInImage {
  const made: StandInImage = {
    dataUrl,
    representations: [],
    template: false,
    addRepresentation(options) {
      if (!/^data:image\/png;base64,/.test(options.dataURL)) throw new Error('addRepresentation: not a PNG data URL');
      made.representations.push({ scaleFactor: options.scaleFactor, dataURL: options.dataURL });
    },
    setTemplateImage(template) {
      made.template = template;
    },
    isTemplateImage: () => made.template,
  };
  return made;
}

/** Builds a fresh stand-in. */
export function createElectronStandIn(options: StandInOptions = {}) {
  let ready = false;
  let resolveReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));
  let quitting = false;
  let exited: number | null = null;
  const violations: StandInViolation[] = [];
  const errorBoxes: Array<{ title: string; content: string }> = [];
  const notifications: Array<{ title: string; body: string }> = [];
  const userModelIds: string[] = [];
  const switches = new Map<string, string>();
  const handlers = new Map<string, Handler>();
  const shortcuts = new Map<string, () => void>();
  const menus: { application: { template: Array<Record<string, unknown>> } | null; defaultInstalled: boolean } = { application: null, defaultInstalled: false };
  const permission: { request: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null; check: ((...args: unknown[]) => boolean) | null; headers: ((details: { responseHeaders: Record<string, string[]> }, callback: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | null } = { request: null, check: null, headers: null };

  const requireReady = (what: string): void => {
    if (!ready) {
      violations.push({ what, message: `${what} before the app is ready` });
      throw new Error(`${what} cannot be used before the app is ready`);
    }
  };

  const exit = (code: number): void => {
    if (exited !== null) return;
    exited = code;
    options.onExit?.(code);
  };

  class WebContents extends EventEmitter {
    static nextId = 1;
    readonly id = WebContents.nextId++;
    readonly sent: Array<{ channel: string; payload: unknown }> = [];
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    url = '';
    destroyed = false;
    isDestroyed(): boolean {
      return this.destroyed;
    }
    send(channel: string, payload: unknown): void {
      if (this.destroyed) throw new Error('Object has been destroyed');
      // Like structured clone over IPC: only data crosses.
      this.sent.push({ channel, payload: structuredClone(payload) });
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
      this.windowOpenHandler = handler;
    }
    /** What the page's `ipcRenderer.invoke` gets: the handler's answer, or a rejection without one. */
    async invokeFromRenderer(channel: string, payload: unknown, frame: { url?: string; parent?: unknown } = {}): Promise<unknown> {
      const handler = handlers.get(channel);
      if (handler === undefined) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
      const event = { sender: this, senderFrame: { url: frame.url ?? this.url, parent: frame.parent ?? null }, processId: 1, frameId: 1 };
      return structuredClone(await handler(event, structuredClone(payload)));
    }
  }

  class BrowserWindow extends EventEmitter {
    static instances: BrowserWindow[] = [];
    static getAllWindows(): BrowserWindow[] {
      return BrowserWindow.instances.filter((w) => !w.destroyed);
    }
    readonly webContents = new WebContents();
    /** Handlers registered when this window was created: zero means its page will find none. */
    readonly handlersAtCreation: number;
    /** The application menu's roles when this window appeared. */
    readonly menuRolesAtCreation: string[];
    loadedUrl: string | null = null;
    visible = false;
    minimized = false;
    destroyed = false;
    shown = 0;
    focused = 0;
    constructor(readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
      super();
      requireReady('new BrowserWindow()');
      this.handlersAtCreation = handlers.size;
      this.menuRolesAtCreation = menuRoles(menus.application?.template ?? []);
      BrowserWindow.instances.push(this);
      app.emit('web-contents-created', cancellable(), this.webContents);
    }
    async loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      this.webContents.url = url;
      await Promise.resolve();
      standIn.onPageLoad?.(this);
      this.emit('ready-to-show');
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    isVisible(): boolean {
      return this.visible && !this.minimized;
    }
    minimize(): void {
      this.minimized = true;
    }
    restore(): void {
      this.minimized = false;
    }
    show(): void {
      this.shown += 1;
      this.visible = true;
    }
    hide(): void {
      this.visible = false;
    }
    focus(): void {
      this.focused += 1;
    }
    /** The person closes the window (or a quit does): `close` may cancel it. */
    close(): boolean {
      if (this.destroyed) return true;
      const event = cancellable();
      this.emit('close', event);
      if (event.defaultPrevented) return false;
      this.destroy();
      if (!quitting && BrowserWindow.getAllWindows().length === 0) {
        if (app.listenerCount('window-all-closed') === 0) app.quit();
        else app.emit('window-all-closed');
      }
      return true;
    }
    destroy(): void {
      if (this.destroyed) return;
      this.destroyed = true;
      this.visible = false;
      this.webContents.destroyed = true;
      this.emit('closed');
    }
  }

  class Tray extends EventEmitter {
    static instances: Tray[] = [];
    tooltip = '';
    menu: Array<Record<string, unknown>> = [];
    destroyed = false;
    constructor(readonly image: StandInImage) {
      super();
      requireReady('new Tray()');
      Tray.instances.push(this);
    }
    setToolTip(text: string): void {
      this.tooltip = text;
    }
    setContextMenu(menu: { template: Array<Record<string, unknown>> }): void {
      this.menu = menu.template;
    }
    destroy(): void {
      this.destroyed = true;
    }
  }

  class Notification {
    static isSupported(): boolean {
      return true;
    }
    constructor(readonly options: { title: string; body: string }) {}
    show(): void {
      requireReady('Notification.show()');
      notifications.push({ title: this.options.title, body: this.options.body });
    }
  }

  const commandLine = {
    appendSwitch(name: string, value = ''): void {
      if (ready) violations.push({ what: `app.commandLine.appendSwitch('${name}')`, message: 'appended after ready: Chromium has read its switches already' });
      switches.set(name, value);
    },
    getSwitchValue: (name: string): string => switches.get(name) ?? '',
    hasSwitch: (name: string): boolean => switches.has(name),
  };

  const app = Object.assign(new EventEmitter(), {
    isPackaged: options.isPackaged ?? false,
    commandLine,
    requestSingleInstanceLock: () => options.lock ?? true,
    whenReady: () => readyPromise,
    isReady: () => ready,
    getVersion: () => options.version ?? '0.1.0',
    getName: () => 'Nevent Companion',
    getAppPath: () => options.appPath ?? process.cwd(),
    getPreferredSystemLanguages: (): string[] => [...(options.systemLanguages ?? ['en-US'])],
    setAppUserModelId: (id: string) => void userModelIds.push(id),
    quit(): void {
      if (exited !== null) return;
      const beforeQuit = cancellable();
      app.emit('before-quit', beforeQuit);
      if (beforeQuit.defaultPrevented) return;
      quitting = true;
      for (const window of BrowserWindow.getAllWindows()) {
        if (!window.close()) {
          // Electron gives up the quit when a window refuses to close.
          quitting = false;
          violations.push({ what: 'app.quit()', message: 'a window cancelled its close during the quit, so the app did not quit' });
          return;
        }
      }
      const willQuit = cancellable();
      app.emit('will-quit', willQuit);
      if (willQuit.defaultPrevented) {
        quitting = false;
        return;
      }
      app.emit('quit', cancellable(), 0);
      exit(0);
    },
    exit(code = 0): void {
      exit(code);
    },
  });

  const ipcMain = {
    handle(channel: string, listener: Handler): void {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel: string): void {
      handlers.delete(channel);
    },
  };

  const globalShortcut = {
    register(accelerator: string, callback: () => void): boolean {
      requireReady('globalShortcut.register()');
      if (options.globalShortcutAccepted === false) return false;
      shortcuts.set(accelerator, callback);
      return true;
    },
    unregisterAll(): void {
      shortcuts.clear();
    },
  };

  const defaultSession = {
    setPermissionRequestHandler: (handler: typeof permission.request) => void (permission.request = handler),
    setPermissionCheckHandler: (handler: typeof permission.check) => void (permission.check = handler),
    webRequest: { onHeadersReceived: (handler: typeof permission.headers) => void (permission.headers = handler) },
  };
  const session = {
    get defaultSession() {
      requireReady('session.defaultSession');
      return defaultSession;
    },
  };

  const Menu = {
    buildFromTemplate: (template: Array<Record<string, unknown>>) => ({ template }),
    setApplicationMenu(menu: { template: Array<Record<string, unknown>> } | null): void {
      menus.application = menu;
    },
    getApplicationMenu: () => menus.application,
  };

  const nativeImage = {
    createFromDataURL(url: string): StandInImage {
      if (!/^data:image\/png;base64,/.test(url)) throw new Error('createFromDataURL: not a PNG data URL');
      return image(url);
    },
    createEmpty: () => image(null),
  };

  const dialog = {
    showErrorBox: (title: string, content: string) => void errorBoxes.push({ title, content }),
  };

  /** Files the app asked the OS to open ("Install the extension"); each opens. */
  const opened: string[] = [];
  const shell = {
    openPath: async (path: string): Promise<string> => {
      opened.push(path);
      return '';
    },
  };

  const module = { app, BrowserWindow, Tray, Notification, Menu, nativeImage, ipcMain, globalShortcut, session, dialog, shell };

  const standIn = {
    module,
    /** Runs when a window's page "loads": what the renderer does first (the boot proof asks for the state). */
    onPageLoad: null as ((window: BrowserWindow) => void) | null,
    handlers,
    shortcuts,
    permission,
    violations,
    errorBoxes,
    opened,
    notifications,
    userModelIds,
    switches,
    menus,
    windows: () => BrowserWindow.instances,
    trays: () => Tray.instances,
    exitCode: () => exited,
    isReady: () => ready,
    /** Ends the start-up: Electron installs its default menu if the app set none, then `ready`. */
    becomeReady(): void {
      if (ready) return;
      ready = true;
      if (menus.application === null) {
        menus.application = { template: [{ label: 'View', submenu: defaultMenuDevRoles.map((role) => ({ role })) }] };
        menus.defaultInstalled = true;
      }
      app.emit('ready', cancellable(), {});
      resolveReady();
    },
    /** Emits an app event (second-instance, activate, …); a listener that throws is recorded, not lost. */
    emitApp(name: string, ...args: unknown[]): void {
      try {
        app.emit(name, cancellable(), ...args);
      } catch (error) {
        violations.push({ what: `app '${name}' listener`, message: error instanceof Error ? error.message : String(error) });
      }
    },
  };
  return standIn;
}

/** The stand-in's type. */
export type ElectronStandIn = ReturnType<typeof createElectronStandIn>;

/** Every menu role in a template, at any depth. */
export function menuRoles(template: ReadonlyArray<Record<string, unknown>>): string[] {
  return template.flatMap((item) => [...(typeof item.role === 'string' ? [item.role] : []), ...(Array.isArray(item.submenu) ? menuRoles(item.submenu as Array<Record<string, unknown>>) : [])]);
}

/** Every menu label in a template, at any depth. */
export function menuLabels(template: ReadonlyArray<Record<string, unknown>>): string[] {
  return template.flatMap((item) => [...(typeof item.label === 'string' ? [item.label] : []), ...(Array.isArray(item.submenu) ? menuLabels(item.submenu as Array<Record<string, unknown>>) : [])]);
}
