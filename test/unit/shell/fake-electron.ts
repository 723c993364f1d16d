/** A stand-in for the `electron` module: records what the shell does with it. No Electron binary needed. */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** A fake webContents. */
export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

/** A fake BrowserWindow. */
export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  shown = 0;
  focused = 0;
  destroyed = false;
  visible = false;
  constructor(readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
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
}

/** A fake Tray. */
export class FakeTray {
  static instances: FakeTray[] = [];
  tooltip = '';
  menu: Array<Record<string, unknown>> = [];
  destroyed = false;
  constructor(readonly image: unknown) {
    FakeTray.instances.push(this);
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

/** A fake OS notification. */
export class FakeNotification {
  static shown: Array<{ title: string; body: string }> = [];
  static isSupported(): boolean {
    return true;
  }
  constructor(readonly options: { title: string; body: string }) {}
  show(): void {
    FakeNotification.shown.push({ title: this.options.title, body: this.options.body });
  }
}

/** Builds a fresh fake `electron` module. */
export function createFakeElectron(options: { lock?: boolean } = {}) {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    quitCalls: 0,
    requestSingleInstanceLock: vi.fn(() => options.lock ?? true),
    whenReady: vi.fn(async () => undefined),
    getVersion: () => '0.1.0',
    getAppPath: () => process.cwd(),
    quit: vi.fn(() => {
      app.quitCalls += 1;
      // Like Electron: quit first asks `before-quit` listeners, which may hold it.
      let prevented = false;
      app.emit('before-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) app.emit('quit');
    }),
  });
  const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => Promise<unknown>) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
  const shortcuts = new Map<string, () => void>();
  const globalShortcut = {
    register: vi.fn((accelerator: string, callback: () => void) => {
      shortcuts.set(accelerator, callback);
      return true;
    }),
    unregisterAll: vi.fn(() => shortcuts.clear()),
  };
  const permissionHandlers: { request: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null; check: (() => boolean) | null; headers: ((details: { responseHeaders: Record<string, string[]> }, callback: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | null } = { request: null, check: null, headers: null };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn((handler: typeof permissionHandlers.request) => (permissionHandlers.request = handler)),
      setPermissionCheckHandler: vi.fn((handler: typeof permissionHandlers.check) => (permissionHandlers.check = handler)),
      webRequest: { onHeadersReceived: vi.fn((handler: typeof permissionHandlers.headers) => (permissionHandlers.headers = handler)) },
    },
  };
  const module = {
    app,
    ipcMain,
    globalShortcut,
    session,
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Notification: FakeNotification,
    Menu: { buildFromTemplate: (template: Array<Record<string, unknown>>) => ({ template }) },
    nativeImage: { createFromDataURL: (url: string) => ({ url }), createFromPath: (path: string) => ({ path }) },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
  };
  return { module, handlers, shortcuts, permissionHandlers };
}
