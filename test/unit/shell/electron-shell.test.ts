/**
 * The shell's lifecycle per platform, on the TypeScript source with the strict `electron` stand-in and a
 * fake desktop app (the built bundle with the real core is booted in test/integration/shell).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DesktopApp } from '../../../src-main/app/compose';
import type { TrayHost } from '../../../src-main/electron/tray-host';
import { trayIcons } from '../../../src-main/electron/tray-icon';
import { createElectronStandIn, menuLabels, menuRoles, type ElectronStandIn, type StandInOptions } from '../../helpers/electron-stand-in';
import { createTestService, secretToken } from './fakes';

const current = vi.hoisted(() => ({ standIn: null as unknown as { module: Record<string, unknown> } }));
vi.mock('electron', () => {
  // Every access reads the current test's stand-in.
  const names = ['app', 'BrowserWindow', 'Tray', 'Notification', 'Menu', 'nativeImage', 'ipcMain', 'globalShortcut', 'session', 'dialog'];
  return Object.defineProperties({}, Object.fromEntries(names.map((name) => [name, { enumerable: true, get: () => current.standIn.module[name] }])));
});

const { appId, enableChromiumFeature, startElectronShell } = await import('../../../src-main/electron/electron-app');

async function fakeDesktopApp(close: () => Promise<void> = async () => undefined, signedIn = false, prepare: (test: Awaited<ReturnType<typeof createTestService>>) => Promise<void> = async () => undefined): Promise<DesktopApp> {
  const test = await createTestService();
  await prepare(test);
  if (signedIn) await test.dispatch('account.signIn', { method: 'demo' });
  return { service: test.service, dispatch: test.dispatch, events: test.events, core: {}, socketPath: null, demoApi: () => null, close } as unknown as DesktopApp;
}

interface Started {
  standIn: ElectronStandIn;
  shell: ReturnType<typeof startElectronShell>;
  logs: string[];
  exited: Promise<number>;
}

function start(options: { platform: NodeJS.Platform; trayHost?: TrayHost; standIn?: StandInOptions; createApp?: () => Promise<DesktopApp>; quitTimeoutMs?: number }): Started {
  let exit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (exit = resolve));
  const standIn = createElectronStandIn({ isPackaged: true, ...options.standIn, onExit: (code) => exit(code) });
  current.standIn = standIn;
  const logs: string[] = [];
  const shell = startElectronShell({
    argv: ['nevent-companion'],
    env: {},
    version: '0.1.0',
    isPackaged: true,
    platform: options.platform,
    preloadPath: '/app/resources/app.asar/out/preload/index.cjs',
    renderer: { file: 'file:///app/resources/app.asar/out/renderer/index.html' },
    trayIcons,
    createApp: options.createApp ?? (() => fakeDesktopApp()),
    probeTrayHost: async () => options.trayHost ?? 'present',
    ...(options.quitTimeoutMs === undefined ? {} : { quitTimeoutMs: options.quitTimeoutMs }),
    log: (line) => logs.push(line),
  });
  return { standIn, shell, logs, exited };
}

const running: Started[] = [];
async function startReady(options: Parameters<typeof start>[0]): Promise<Started> {
  const started = start(options);
  running.push(started);
  started.standIn.becomeReady();
  await started.shell.ready;
  return started;
}

afterEach(async () => {
  for (const started of running.splice(0)) {
    if (started.standIn.exitCode() === null) {
      started.standIn.module.app.quit();
      await started.exited;
    }
  }
});

describe('the Electron shell', () => {
  it('a second instance quits at once: no ready wait, no app, no window', async () => {
    const createApp = vi.fn(fakeDesktopApp);
    const { standIn, shell, exited } = start({ platform: 'linux', standIn: { lock: false }, createApp });
    await shell.ready;
    expect(shell.primary).toBe(false);
    expect(await exited).toBe(0);
    expect(createApp).not.toHaveBeenCalled();
    expect(standIn.windows()).toHaveLength(0);
  });

  it('Windows: sets the app user model id (notifications, taskbar) before ready; a left click on the tray opens the window', async () => {
    const started = start({ platform: 'win32' });
    running.push(started);
    expect(started.standIn.userModelIds).toEqual([appId]);
    started.standIn.becomeReady();
    await started.shell.ready;
    const [window] = started.standIn.windows();
    window?.close();
    expect(window?.visible).toBe(false);
    started.standIn.trays()[0]?.emit('click');
    expect(window?.visible).toBe(true);
    expect(started.standIn.switches.has('enable-features')).toBe(false);
  });

  it('macOS: the menu-bar icon is a 16 px template image with a 2x representation, and the app menu has Quit', async () => {
    const { standIn } = await startReady({ platform: 'darwin' });
    const image = standIn.trays()[0]?.image;
    expect(image?.template).toBe(true);
    expect(image?.representations.map((r) => r.scaleFactor)).toEqual([1, 2]);
    expect(image?.representations.map((r) => r.dataURL)).toEqual([trayIcons.template.at1x, trayIcons.template.at2x]);
    expect(menuRoles(standIn.menus.application?.template ?? [])).toEqual(expect.arrayContaining(['appMenu', 'editMenu', 'close']));
    const [window] = standIn.windows();
    expect(window?.close()).toBe(false);
    expect(window?.visible).toBe(false);
    standIn.emitApp('activate');
    expect(window?.visible).toBe(true);
  });

  it('Linux with no answer about a tray host (X11 may still show one): the tray is made, but closing minimizes instead of hiding', async () => {
    const { standIn } = await startReady({ platform: 'linux', trayHost: 'unknown' });
    expect(standIn.trays()).toHaveLength(1);
    const [window] = standIn.windows();
    expect(window?.close()).toBe(false);
    expect(window).toMatchObject({ minimized: true, destroyed: false });
    standIn.emitApp('second-instance');
    expect(window?.minimized).toBe(false);
  });

  it('a refused global shortcut: the tray and the File menu say where quick switch is', async () => {
    const { standIn, logs } = await startReady({ platform: 'linux', standIn: { globalShortcutAccepted: false }, createApp: () => fakeDesktopApp(undefined, true) });
    await vi.waitFor(() => expect(standIn.trays()[0]?.menu.map((item) => item.label)).toContain('Switch tenant…'));
    expect(standIn.trays()[0]?.menu.map((item) => item.label)).toContain('Shortcut unavailable: use Switch tenant… here');
    expect(JSON.stringify(standIn.menus.application?.template)).toContain('Global shortcut unavailable');
    expect(logs.join('\n')).toMatch(/could not be bound/);
  });

  it('speaks the OS language (Spanish here): tray, menus and notifications; a Language change rebuilds them at once', async () => {
    let app: DesktopApp | null = null;
    const { standIn } = await startReady({
      platform: 'linux',
      standIn: { systemLanguages: ['es-ES', 'en-US'] },
      createApp: async () => (app = await fakeDesktopApp(undefined, true)),
    });
    const trayLabels = (): unknown[] => standIn.trays()[0]?.menu.map((item) => item.label) ?? [];
    await vi.waitFor(() => expect(trayLabels()).toContain('Cambiar de organización…'));
    expect(trayLabels()).toContain('Salir de Nevent Companion');
    expect(menuLabels(standIn.menus.application?.template ?? [])).toEqual(expect.arrayContaining(['Archivo', 'Edición', 'Deshacer']));
    // A switch notifies in Spanish (main sends the code; the shell words it).
    const desktopApp = app as unknown as DesktopApp;
    const switched = await desktopApp.dispatch('tenants.switch', { tenantId: 't-east' });
    expect(switched.ok).toBe(true);
    await vi.waitFor(() => expect(standIn.notifications.map((n) => n.title)).toContain('Cambiado a Acme East'));
    // English chosen in Settings: the tray and the menu follow without a restart.
    expect((await desktopApp.dispatch('settings.update', { language: 'en' })).ok).toBe(true);
    await vi.waitFor(() => expect(trayLabels()).toContain('Switch tenant…'));
    expect(menuLabels(standIn.menus.application?.template ?? [])).toEqual(expect.arrayContaining(['File', 'Edit', 'Undo']));
    expect((await desktopApp.dispatch('settings.update', { language: 'system' })).ok).toBe(true);
    await vi.waitFor(() => expect(trayLabels()).toContain('Cambiar de organización…'));
  });

  it('starts in the saved language over the OS’s', async () => {
    const { standIn } = await startReady({
      platform: 'linux',
      standIn: { systemLanguages: ['en-GB'] },
      createApp: () => fakeDesktopApp(undefined, true, async (test) => void (await test.dispatch('settings.update', { language: 'es' }))),
    });
    await vi.waitFor(() => expect(standIn.trays()[0]?.menu.map((item) => item.label)).toContain('Cambiar de organización…'));
    expect(menuLabels(standIn.menus.application?.template ?? [])).toContain('Archivo');
  });

  it('a failed start shows an error dialog (secrets elided), opens no window, and quits', async () => {
    const started = start({ platform: 'linux', createApp: () => Promise.reject(new Error(`the keychain refused: Bearer ${secretToken}`)) });
    started.standIn.becomeReady();
    expect(await started.exited).toBe(0);
    expect(started.standIn.errorBoxes).toHaveLength(1);
    expect(started.standIn.errorBoxes[0]?.title).toBe('Nevent Companion could not start');
    expect(started.standIn.errorBoxes[0]?.content).toContain('the keychain refused');
    expect(JSON.stringify([started.standIn.errorBoxes, started.logs])).not.toContain(secretToken);
    expect(started.standIn.windows()).toHaveLength(0);
  });

  it('Cmd+Q exits even when the shutdown hangs: the watchdog ends the app', async () => {
    const started = start({ platform: 'linux', createApp: () => fakeDesktopApp(() => new Promise<void>(() => undefined)), quitTimeoutMs: 20 });
    started.standIn.becomeReady();
    await started.shell.ready;
    started.standIn.module.app.quit();
    expect(await started.exited).toBe(0);
    expect(started.logs.join('\n')).toMatch(/took longer than 20 ms/);
  });

  it('adds the portal feature to features given on the command line, once', () => {
    const switches = new Map<string, string>([['enable-features', 'WaylandWindowDecorations']]);
    const commandLine = { getSwitchValue: (name: string) => switches.get(name) ?? '', appendSwitch: (name: string, value?: string) => void switches.set(name, value ?? '') };
    enableChromiumFeature(commandLine, 'GlobalShortcutsPortal');
    enableChromiumFeature(commandLine, 'GlobalShortcutsPortal');
    expect(switches.get('enable-features')).toBe('WaylandWindowDecorations,GlobalShortcutsPortal');
  });
});
