/**
 * Boots the real Electron main entry (src-main/electron/main.ts) against a fake `electron` module, with
 * the real core, demo API and MCP socket server behind it (`--demo --socket <tmp>`).
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { requestChannelNames } from '../../../src-shared/ipc';
import type { ElectronShell } from '../../../src-main/electron/electron-app';
import { FakeBrowserWindow, FakeNotification, FakeTray, type createFakeElectron } from './fake-electron';

const fake = vi.hoisted(() => ({ current: null as ReturnType<typeof createFakeElectron> | null }));
vi.mock('electron', async () => {
  const { createFakeElectron } = await import('./fake-electron');
  fake.current = createFakeElectron();
  return fake.current.module;
});

const dir = mkdtempSync(join(tmpdir(), 'nevent-boot-'));
const socketPath = join(dir, 'run', 'mcp.sock');

function electron() {
  if (fake.current === null) throw new Error('electron was not imported');
  return fake.current;
}

function trustedEvent(window: FakeBrowserWindow) {
  return { sender: { id: window.webContents.id }, senderFrame: { url: window.loadedUrl, parent: null } };
}

async function invoke(channel: string, payload: unknown, event: unknown) {
  const handler = electron().handlers.get(`nevent:${channel}`);
  if (handler === undefined) throw new Error(`no handler for ${channel}`);
  return (await handler(event, payload)) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string } };
}

function menuLabels(): string[] {
  return (FakeTray.instances[0]?.menu ?? []).map((item) => String(item.label ?? '—'));
}

describe('Electron main boot (fake electron, real core + MCP socket)', () => {
  let shell: ElectronShell;
  let window: FakeBrowserWindow;
  const savedArgv = process.argv;

  beforeAll(async () => {
    process.argv = [process.execPath, '.', '--demo', '--socket', socketPath];
    process.env.NEVENT_COMPANION_CONFIG_DIR = join(dir, 'config');
    ({ shell } = await import('../../../src-main/electron/main'));
    await shell.ready;
    window = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
  }, 20_000);

  afterAll(async () => {
    process.argv = savedArgv;
    await shell.quit();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens one window with the secure webPreferences and the built renderer', () => {
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
    expect(String(window.options.webPreferences.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(window.loadedUrl).toMatch(/^file:.*renderer\/index\.html$/);
  });

  it('denies new windows, foreign navigation and every permission, and sets the CSP header', () => {
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    const navigation = { preventDefault: vi.fn() };
    window.webContents.emit('will-navigate', navigation, 'https://evil.example/');
    expect(navigation.preventDefault).toHaveBeenCalled();
    const own = { preventDefault: vi.fn() };
    window.webContents.emit('will-navigate', own, window.loadedUrl);
    expect(own.preventDefault).not.toHaveBeenCalled();
    const granted: boolean[] = [];
    electron().permissionHandlers.request?.({}, 'media', (ok) => granted.push(ok));
    expect(granted).toEqual([false]);
    expect(electron().permissionHandlers.check?.()).toBe(false);
    let headers: Record<string, string[]> = {};
    electron().permissionHandlers.headers?.({ responseHeaders: {} }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']?.[0]).toContain("default-src 'self'");
  });

  it('registers one IPC handler per contract channel', () => {
    expect([...electron().handlers.keys()].sort()).toEqual(requestChannelNames.map((c) => `nevent:${c}`).sort());
  });

  it('started the MCP socket server and signed in to the demo API', async () => {
    expect(statSync(socketPath).isSocket()).toBe(true);
    expect((statSync(socketPath).mode & 0o777).toString(8)).toBe('600');
    const state = await invoke('session.get', undefined, trustedEvent(window));
    expect(state.value).toMatchObject({ account: { state: 'signed_in', demo: true }, bridge: { state: 'listening', socketPath } });
  });

  it('builds the tray from the state', async () => {
    expect(FakeTray.instances).toHaveLength(1);
    await vi.waitFor(() => expect(FakeTray.instances[0]?.tooltip).toBe('Nevent Companion — Acme Group'));
    expect(menuLabels()).toEqual(expect.arrayContaining(['Acme Group · OWNER', 'Switch tenant…', 'AI sessions: none connected', 'Open Nevent Companion', 'Quit Nevent Companion']));
  });

  it('refuses a foreign sender', async () => {
    expect(await invoke('tenants.list', undefined, { sender: { id: 999 }, senderFrame: { url: window.loadedUrl, parent: null } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('switches the desktop from the window: OS notification, tray and window updated', async () => {
    const result = await invoke('tenants.switch', { tenantId: 'tn-acme-es' }, trustedEvent(window));
    expect(result).toMatchObject({ ok: true, value: { activeTenantId: 'tn-acme-es' } });
    await vi.waitFor(() => expect(FakeNotification.shown.map((n) => n.title)).toContain('Switched to Acme Spain'));
    await vi.waitFor(() => expect(FakeTray.instances[0]?.tooltip).toBe('Nevent Companion — Acme Spain'));
    expect(menuLabels()).toContain('Back to home tenant');
    const versions = window.webContents.sent.filter((m) => m.channel === 'nevent:session.onDidChange').map((m) => (m.payload as { version: number }).version);
    expect(versions.length).toBeGreaterThan(0);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(JSON.stringify(window.webContents.sent)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  });

  it('switches from the tray menu', async () => {
    const home = FakeTray.instances[0]?.menu.find((item) => item.label === 'Back to home tenant') as { click: () => void };
    home.click();
    await vi.waitFor(() => expect(FakeTray.instances[0]?.tooltip).toBe('Nevent Companion — Acme Group'));
  });

  it('opens the quick-switch palette from the global shortcut', () => {
    const [accelerator, open] = [...electron().shortcuts.entries()][0] ?? [];
    expect(accelerator).toBe('CommandOrControl+Shift+K');
    window.hide();
    open?.();
    expect(window.visible).toBe(true);
    expect(window.webContents.sent.at(-1)).toEqual({ channel: 'nevent:ui.onDidRequestQuickSwitch', payload: { source: 'shortcut' } });
  });

  it('hides to the tray on close and comes back on a second launch', () => {
    const close = { preventDefault: vi.fn() };
    window.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalled();
    window.hide();
    const focusedBefore = window.focused;
    electron().module.app.emit('second-instance', {}, ['nevent-companion']);
    expect(window.visible).toBe(true);
    expect(window.focused).toBe(focusedBefore + 1);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('quits cleanly (Cmd+Q is held until IPC is removed, the tray is gone, sessions ended and the socket file removed)', async () => {
    const app = electron().module.app;
    expect(FakeTray.instances[0]?.menu.find((entry) => entry.label === 'Quit Nevent Companion')?.click).toBeTypeOf('function');
    const socketGoneAtQuit = new Promise<boolean>((resolve) => app.once('quit', () => resolve(!existsSync(socketPath))));
    app.quit();
    expect(await socketGoneAtQuit).toBe(true);
    expect(electron().handlers.size).toBe(0);
    expect(FakeTray.instances[0]?.destroyed).toBe(true);
    expect(electron().module.globalShortcut.unregisterAll).toHaveBeenCalled();
    expect(shell.desktopApp()?.core.registry.snapshots()).toEqual([]);
  });
});
