/**
 * Runs the built main bundle in a Node process with the strict `electron` stand-in, as Electron would
 * run it, and lets the test drive it over the IPC channel (boot-driver.ts). esbuild bundles this file for
 * each run; it imports nothing but the stand-in and Node.
 *
 *   test ──fork──> harness: stand-in on globalThis; a resolve hook maps `electron` to it
 *        <──IPC──  import(<app.asar>/out/main/index.js) ─> commands (ready, app events, invoke, close,
 *                  tray clicks, quit) ─> answers and snapshots; `exit` with the last snapshot
 */
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { createElectronStandIn, menuLabels, menuRoles } from '../../helpers/electron-stand-in';

/** What the test starts the harness with. */
export interface HarnessConfig {
  main: string;
  appPath: string;
  isPackaged: boolean;
  /** The app's argv after the executable (Electron: the app path, then the flags). */
  args: string[];
  globalShortcutAccepted?: boolean;
}

/** A command from the test. */
export type HarnessCommand =
  /** Electron becomes ready; `thenAppEvents` are emitted right after, while the app is still starting. */
  | { type: 'ready'; thenAppEvents?: string[] }
  | { type: 'app-event'; name: string; args?: unknown[] }
  | { type: 'invoke'; channel: string; payload?: unknown; frameUrl?: string; otherSender?: boolean }
  | { type: 'close-window' }
  | { type: 'tray-click'; label: string }
  | { type: 'shortcut' }
  | { type: 'security' }
  | { type: 'quit' }
  | { type: 'snapshot' };

const config = JSON.parse(process.argv[2] ?? '{}') as HarnessConfig;
const send = (message: unknown): Promise<void> => new Promise((resolve) => process.send?.(message, () => resolve()));

const pageLoads: Array<{ url: string; ok: boolean; error?: string }> = [];
const standIn = createElectronStandIn({
  lock: true,
  isPackaged: config.isPackaged,
  appPath: config.appPath,
  ...(config.globalShortcutAccepted === undefined ? {} : { globalShortcutAccepted: config.globalShortcutAccepted }),
  onExit: (code) => {
    void send({ type: 'exit', code, snapshot: snapshot() }).then(() => process.exit(code));
  },
});
// The renderer's first move: read the app state. Without a handler yet, the window says "Cannot reach".
standIn.onPageLoad = (window) => {
  window.webContents.invokeFromRenderer('nevent:session.get', undefined).then(
    () => pageLoads.push({ url: window.loadedUrl ?? '', ok: true }),
    (error: unknown) => pageLoads.push({ url: window.loadedUrl ?? '', ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
};

function snapshot() {
  const application = standIn.menus.application?.template ?? [];
  return {
    ready: standIn.isReady(),
    violations: standIn.violations,
    errorBoxes: standIn.errorBoxes,
    notifications: standIn.notifications,
    userModelIds: standIn.userModelIds,
    switches: Object.fromEntries(standIn.switches),
    menu: { defaultInstalled: standIn.menus.defaultInstalled, roles: menuRoles(application), labels: menuLabels(application) },
    handlers: [...standIn.handlers.keys()],
    shortcuts: [...standIn.shortcuts.keys()],
    pageLoads,
    windows: standIn.windows().map((window) => ({
      handlersAtCreation: window.handlersAtCreation,
      menuRolesAtCreation: window.menuRolesAtCreation,
      loadedUrl: window.loadedUrl,
      visible: window.visible,
      minimized: window.minimized,
      destroyed: window.destroyed,
      focused: window.focused,
      webPreferences: window.options.webPreferences,
      sent: window.webContents.sent,
    })),
    trays: standIn.trays().map((tray) => ({ tooltip: tray.tooltip, labels: menuLabels(tray.menu), destroyed: tray.destroyed, template: tray.image.template })),
    opened: standIn.opened,
    exitCode: standIn.exitCode(),
  };
}

/** The harness's snapshot of the app, as the test receives it. */
export type HarnessSnapshot = ReturnType<typeof snapshot>;

function currentWindow() {
  const window = standIn.windows().filter((w) => !w.destroyed).at(-1);
  if (window === undefined) throw new Error('no window is open');
  return window;
}

async function run(command: HarnessCommand): Promise<unknown> {
  switch (command.type) {
    case 'ready':
      standIn.becomeReady();
      // After the shell's `await whenReady()` has moved on, before any I/O of its start has completed.
      if (command.thenAppEvents !== undefined) await new Promise<void>((resolve) => setImmediate(() => resolve(command.thenAppEvents?.forEach((name) => standIn.emitApp(name)))));
      return undefined;
    case 'app-event':
      standIn.emitApp(command.name, ...(command.args ?? []));
      return undefined;
    case 'invoke': {
      const window = currentWindow();
      if (command.otherSender === true) {
        const handler = standIn.handlers.get(command.channel);
        if (handler === undefined) throw new Error(`No handler registered for '${command.channel}'`);
        return handler({ sender: { id: 999_999 }, senderFrame: { url: window.loadedUrl, parent: null } }, command.payload);
      }
      return window.webContents.invokeFromRenderer(command.channel, command.payload, command.frameUrl === undefined ? {} : { url: command.frameUrl });
    }
    case 'close-window':
      return currentWindow().close();
    case 'tray-click': {
      const item = standIn.trays().at(-1)?.menu.find((entry) => entry.label === command.label) as { click?: () => void } | undefined;
      if (item?.click === undefined) throw new Error(`no tray item "${command.label}"`);
      item.click();
      return undefined;
    }
    case 'shortcut': {
      const [callback] = standIn.shortcuts.values();
      if (callback === undefined) throw new Error('no global shortcut is registered');
      callback();
      return undefined;
    }
    case 'security': {
      const window = currentWindow();
      const navigation = { defaultPrevented: false, preventDefault: () => (navigation.defaultPrevented = true) };
      window.webContents.emit('will-navigate', navigation, 'https://evil.example/');
      const own = { defaultPrevented: false, preventDefault: () => (own.defaultPrevented = true) };
      window.webContents.emit('will-navigate', own, window.loadedUrl);
      const granted: boolean[] = [];
      standIn.permission.request?.({}, 'media', (ok) => granted.push(ok));
      let headers: Record<string, string[]> = {};
      standIn.permission.headers?.({ responseHeaders: {} }, (answer) => (headers = answer.responseHeaders));
      return {
        newWindow: window.webContents.windowOpenHandler?.({ url: 'https://evil.example' }) ?? null,
        foreignNavigationPrevented: navigation.defaultPrevented,
        ownNavigationPrevented: own.defaultPrevented,
        permissionGranted: granted,
        permissionCheck: standIn.permission.check?.() ?? null,
        csp: headers['Content-Security-Policy']?.[0] ?? null,
      };
    }
    case 'quit':
      standIn.module.app.quit();
      return undefined;
    case 'snapshot':
      return snapshot();
    default:
      throw new Error(`unknown command ${JSON.stringify(command satisfies never)}`);
  }
}

process.on('message', (message: { id: number; command: HarnessCommand }) => {
  run(message.command).then(
    (value) => send({ type: 'answer', id: message.id, ok: true, value: value === undefined ? null : structuredClone(value) }),
    (error: unknown) => send({ type: 'answer', id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});

// `electron` resolves to the stand-in: a module made of exactly the names the stand-in has.
const names = Object.keys(standIn.module);
(globalThis as Record<string, unknown>).__neventElectronStandIn = standIn.module;
const shim = `const m = globalThis.__neventElectronStandIn;\n${names.map((name) => `export const ${name} = m.${name};`).join('\n')}\nexport default m;\n`;
const shimUrl = `data:text/javascript,${encodeURIComponent(shim)}`;
const hooks = `export async function resolve(specifier, context, next) { return specifier === 'electron' ? { url: ${JSON.stringify(shimUrl)}, shortCircuit: true } : next(specifier, context); }`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

process.argv = [process.execPath, ...config.args];
try {
  await import(pathToFileURL(config.main).href);
  await send({ type: 'loaded' });
} catch (error) {
  await send({ type: 'load-failed', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  process.exit(1);
}
