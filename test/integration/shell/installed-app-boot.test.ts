/**
 * Boots the BUILT main bundle as an installed app (`app.isPackaged`, files inside app.asar, the CLI
 * unpacked beside it, no node_modules above) under Node with the strict `electron` stand-in, with the
 * real core, demo API and MCP socket behind it. Drives what people do to an installed app: a second
 * launch and a dock click while it starts, the window, tray, shortcut and IPC, connecting an AI client
 * with the entry the app writes, and Cmd+Q.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { requestChannelNames } from '../../../src-shared/ipc';
import { defaultMenuDevRoles } from '../../helpers/electron-stand-in';
import { bootBuiltApp, type BootedApp } from './boot-driver';
import type { HarnessSnapshot } from './boot-harness';
import { ensureAppBuilt, layOutInstalledApp, type InstalledLayout } from './built-app';

type Envelope = { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };

/** A desktop whose session bus answers NameHasOwner(StatusNotifierWatcher) with `owned`. */
function fakeDesktopBus(dir: string, owned: boolean): string {
  const bin = join(dir, 'fake-bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'dbus-send'), `#!/bin/sh\necho 'method return time=1 sender=org.freedesktop.DBus -> destination=:1.1 serial=3 reply_serial=2'\necho '   boolean ${owned}'\n`);
  chmodSync(join(bin, 'dbus-send'), 0o755);
  return bin;
}

function appEnv(dir: string, owned: boolean, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const runtime = join(dir, 'run');
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  chmodSync(runtime, 0o700);
  return {
    PATH: `${fakeDesktopBus(dir, owned)}:${process.env.PATH ?? ''}`,
    HOME: join(dir, 'home'),
    XDG_CONFIG_HOME: join(dir, 'home', '.config'),
    XDG_RUNTIME_DIR: runtime,
    NEVENT_COMPANION_CONFIG_DIR: join(dir, 'app-config'),
    DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir, 'bus')}`,
    XDG_SESSION_TYPE: 'x11',
    ...extra,
  };
}

async function until(app: BootedApp, check: (snapshot: HarnessSnapshot) => void): Promise<HarnessSnapshot> {
  let last: HarnessSnapshot | null = null;
  await vi.waitFor(
    async () => {
      last = await app.snapshot();
      check(last);
    },
    { timeout: 15_000, interval: 25 },
  );
  return last as unknown as HarnessSnapshot;
}

function entryOf(preview: Record<string, unknown>, key: 'mcpServers' | 'servers'): { command: string; args: string[]; env?: Record<string, string> } {
  const proposed = JSON.parse(String(preview.proposed)) as Record<string, Record<string, { command: string; args: string[]; env?: Record<string, string> }>>;
  const entry = proposed[key]?.['nevent-app'];
  if (entry === undefined) throw new Error(`no entry in ${String(preview.proposed)}`);
  return entry;
}

describe('the built app, installed, on a desktop with a tray', () => {
  let dir: string;
  let layout: InstalledLayout;
  let app: BootedApp;
  let env: NodeJS.ProcessEnv;
  const socketPath = () => join(String(env.XDG_RUNTIME_DIR), 'nevent-companion', 'mcp.sock');
  const invoke = (channel: string, payload?: unknown) => app.send<Envelope>({ type: 'invoke', channel: `nevent:${channel}`, payload });

  beforeAll(async () => {
    await ensureAppBuilt();
    dir = mkdtempSync(join(tmpdir(), 'nevent-installed-'));
    layout = layOutInstalledApp(join(dir, 'install'));
    env = appEnv(dir, true);
    app = await bootBuiltApp({ main: layout.main, appPath: layout.appPath, isPackaged: true, args: ['--demo'] }, env);
  }, 60_000);

  afterAll(() => {
    app?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a second launch before Electron is ready opens nothing and throws nothing', async () => {
    await app.send({ type: 'app-event', name: 'second-instance', args: [['nevent-companion']] });
    const snapshot = await app.snapshot();
    expect(snapshot.violations).toEqual([]);
    expect(snapshot.windows).toEqual([]);
  });

  it('a dock click while the app is still starting: one window, opened once every IPC handler is there', async () => {
    await app.send({ type: 'ready', thenAppEvents: ['activate'] });
    const snapshot = await until(app, (s) => {
      expect(s.windows.length).toBeGreaterThan(0);
      expect(s.pageLoads.length).toBeGreaterThan(0);
    });
    expect(snapshot.violations).toEqual([]);
    expect(snapshot.windows).toHaveLength(1);
    expect(snapshot.windows[0]?.handlersAtCreation).toBe(requestChannelNames.length);
    // The page's first request found its handler: no "Cannot reach" on a cold start.
    expect(snapshot.pageLoads).toEqual([{ url: snapshot.windows[0]?.loadedUrl, ok: true }]);
  });

  it('opens the renderer and the preload from inside app.asar with the secure webPreferences', async () => {
    const [window] = (await app.snapshot()).windows;
    expect(window?.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
    expect(window?.webPreferences.preload).toBe(join(layout.appPath, 'out', 'preload', 'index.cjs'));
    expect(window?.loadedUrl).toBe(`file://${join(layout.appPath, 'out', 'renderer', 'index.html')}`);
  });

  it('asked for the Wayland global-shortcuts portal before ready, and changed no switch after', async () => {
    const snapshot = await app.snapshot();
    expect(snapshot.switches['enable-features']?.split(',')).toContain('GlobalShortcutsPortal');
    expect(snapshot.violations).toEqual([]);
  });

  it('has its own application menu: no Reload or DevTools in an installed app', async () => {
    const { menu, windows } = await app.snapshot();
    expect(menu.labels).toContain('Switch tenant…');
    // Electron installs its default menu at `ready` unless the app has its own by the time a window shows.
    for (const role of defaultMenuDevRoles) {
      expect(menu.roles).not.toContain(role);
      expect(windows[0]?.menuRolesAtCreation).not.toContain(role);
    }
    expect(menu.roles).toEqual(expect.arrayContaining(['editMenu', 'quit']));
  });

  it('denies new windows, foreign navigation and every permission, and sets the CSP header', async () => {
    const security = await app.send<Record<string, unknown>>({ type: 'security' });
    expect(security).toMatchObject({ newWindow: { action: 'deny' }, foreignNavigationPrevented: true, ownNavigationPrevented: false, permissionGranted: [false], permissionCheck: false });
    expect(String(security.csp)).toContain("default-src 'self'");
  });

  it('registers one IPC handler per contract channel and refuses another sender', async () => {
    expect((await app.snapshot()).handlers.sort()).toEqual(requestChannelNames.map((c) => `nevent:${c}`).sort());
    expect(await app.send({ type: 'invoke', channel: 'nevent:tenants.list', otherSender: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await app.send({ type: 'invoke', channel: 'nevent:tenants.list', frameUrl: 'https://evil.example/' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('listens on the default per-user MCP socket and signed in to the demo API', async () => {
    expect(statSync(socketPath()).isSocket()).toBe(true);
    expect((statSync(socketPath()).mode & 0o777).toString(8)).toBe('600');
    expect((await invoke('session.get')).value).toMatchObject({ account: { state: 'choosingTenant', demo: true }, bridge: { state: 'listening', socketPath: socketPath() } });
  });

  it('builds the tray from the state, switches from the window with a notification, and back from the tray', async () => {
    await until(app, (s) => expect(s.trays[0]?.tooltip).toBe('Nevent Companion — Acme Group'));
    expect((await invoke('tenants.switch', { tenantId: 'tn-acme-es' })).value).toMatchObject({ activeTenantId: 'tn-acme-es' });
    const switched = await until(app, (s) => {
      expect(s.notifications.map((n) => n.title)).toContain('Switched to Acme Spain');
      expect(s.trays[0]?.tooltip).toBe('Nevent Companion — Acme Spain');
    });
    expect(switched.trays[0]?.labels).toEqual(expect.arrayContaining(['Acme Spain · Owner', 'Switch tenant…', 'Back to home tenant', 'Open Nevent Companion', 'Quit Nevent Companion']));
    expect(JSON.stringify(switched.windows[0]?.sent)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    await app.send({ type: 'tray-click', label: 'Back to home tenant' });
    await until(app, (s) => expect(s.trays[0]?.tooltip).toBe('Nevent Companion — Acme Group'));
  });

  it('speaks the Language setting: Spanish chosen in the window rebuilds the tray and the menus at once, and back', async () => {
    expect((await invoke('settings.update', { language: 'es' })).ok).toBe(true);
    const spanish = await until(app, (s) => expect(s.trays[0]?.labels).toContain('Cambiar de organización…'));
    expect(spanish.trays[0]?.labels).toEqual(expect.arrayContaining(['Abrir Nevent Companion', 'Salir de Nevent Companion']));
    expect(spanish.menu.labels).toEqual(expect.arrayContaining(['Archivo', 'Edición', 'Deshacer', 'Pegar']));
    expect((await invoke('settings.update', { language: 'system' })).ok).toBe(true);
    const english = await until(app, (s) => expect(s.trays[0]?.labels).toContain('Switch tenant…'));
    expect(english.menu.labels).toEqual(expect.arrayContaining(['File', 'Edit', 'Undo']));
  });

  it('hides to the tray on close, and comes back on the global shortcut and on a second launch', async () => {
    expect(await app.send({ type: 'close-window' })).toBe(false);
    const hidden = await app.snapshot();
    expect(hidden.windows[0]).toMatchObject({ visible: false, destroyed: false });
    await app.send({ type: 'shortcut' });
    const shortcut = await app.snapshot();
    expect(shortcut.windows[0]?.visible).toBe(true);
    // Among what was sent since: pushes of the earlier switch back home (its segments load after the
    // tray moved) may still arrive around the shortcut, so "the last message" is not the claim.
    const sentSince = shortcut.windows[0]?.sent.slice(hidden.windows[0]?.sent.length ?? 0) ?? [];
    expect(sentSince).toContainEqual({ channel: 'nevent:ui.onDidRequestQuickSwitch', payload: { source: 'shortcut' } });
    await app.send({ type: 'close-window' });
    await app.send({ type: 'app-event', name: 'second-instance', args: [['nevent-companion']] });
    const again = await app.snapshot();
    expect(again.windows).toHaveLength(1);
    expect(again.windows[0]?.visible).toBe(true);
  });

  it('configures AI clients to run the app’s own executable in Node mode on the unpacked CLI, never a path inside app.asar', async () => {
    const cli = join(layout.unpacked, 'out', 'app-cli', 'nevent-companion.mjs');
    for (const [client, key] of [['claude', 'mcpServers'], ['cursor', 'mcpServers'], ['vscode', 'servers']] as const) {
      const preview = await invoke('mcp.clientConfigPreview', { client });
      expect(preview.ok).toBe(true);
      const entry = entryOf(preview.value ?? {}, key);
      // The harness's Node stands for the app's executable (process.execPath in Electron).
      expect(entry).toMatchObject({ command: process.execPath, args: [cli, 'mcp', '--attach'], env: { ELECTRON_RUN_AS_NODE: '1' } });
      expect(entry.args.some((arg) => arg.includes(`app.asar${'/'}`))).toBe(false);
    }
  });

  it('"Install the extension" copies the bundle from the resources into the app\'s folder and opens it with the OS', async () => {
    const installed = await invoke('mcp.installExtension');
    expect(installed).toMatchObject({ ok: true, value: { path: join(dir, 'app-config', 'nevent-companion.mcpb'), opened: true, reason: null } });
    expect(readFileSync(join(dir, 'app-config', 'nevent-companion.mcpb'))).toEqual(readFileSync(join(layout.resources, 'nevent-companion.mcpb')));
    expect((await app.snapshot()).opened).toEqual([join(dir, 'app-config', 'nevent-companion.mcpb')]);
  });

  it('the written entry, started as a GUI client would (no node on PATH), reaches the running app', async () => {
    const preview = await invoke('mcp.clientConfigPreview', { client: 'claude' });
    const entry = entryOf(preview.value ?? {}, 'mcpServers');
    const transport = new StdioClientTransport({ command: entry.command, args: entry.args, env: { ...entry.env, PATH: '/nonexistent', HOME: String(env.HOME), XDG_RUNTIME_DIR: String(env.XDG_RUNTIME_DIR) }, stderr: 'pipe', cwd: dir });
    const client = new Client({ name: 'installed-entry-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const tools = await client.listTools();
      expect(tools.tools.map((tool) => tool.name)).toContain('nevent_get_active_tenant');
      const active = (await client.callTool({ name: 'nevent_get_active_tenant', arguments: {} })) as { structuredContent?: Record<string, unknown> };
      expect(active.structuredContent).toMatchObject({ active_tenant_id: 'tn-acme' });
      await until(app, (s) => expect(s.trays[0]?.labels).toContain('AI sessions: 1 connected'));
    } finally {
      await client.close();
    }
  });

  it('Cmd+Q: the quit is held for the shutdown, the window closes, and the app exits with the socket removed', async () => {
    await app.send({ type: 'quit' });
    const exit = await app.exited;
    expect(exit.code).toBe(0);
    expect(exit.snapshot.violations).toEqual([]);
    expect(exit.snapshot.handlers).toEqual([]);
    expect(exit.snapshot.trays[0]?.destroyed).toBe(true);
    expect(exit.snapshot.windows.every((w) => w.destroyed)).toBe(true);
    expect(existsSync(socketPath())).toBe(false);
  });
});

describe('the built app, installed as an AppImage, on Wayland without a tray host', () => {
  let dir: string;
  let layout: InstalledLayout;
  let app: BootedApp;
  const appImage = '/home/someone/Applications/Nevent-Companion.AppImage';

  beforeAll(async () => {
    await ensureAppBuilt();
    dir = mkdtempSync(join(tmpdir(), 'nevent-appimage-'));
    layout = layOutInstalledApp(join(dir, 'install'));
    const env = appEnv(dir, false, { XDG_SESSION_TYPE: 'wayland', APPIMAGE: appImage });
    app = await bootBuiltApp({ main: layout.main, appPath: layout.appPath, isPackaged: true, args: ['--demo'], globalShortcutAccepted: false }, env);
    await app.send({ type: 'ready' });
    await until(app, (s) => expect(s.pageLoads).toHaveLength(1));
  }, 60_000);

  afterAll(() => {
    app?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows no tray, and says in the menu how to open quick switch when the shortcut was refused', async () => {
    const snapshot = await app.snapshot();
    expect(snapshot.trays).toEqual([]);
    expect(snapshot.shortcuts).toEqual([]);
    expect(snapshot.menu.labels).toEqual(expect.arrayContaining(['Switch tenant…', 'Global shortcut unavailable: use this menu or the tray']));
    expect(app.stderr()).toMatch(/no tray on this desktop/);
  });

  it('configures AI clients with the AppImage file (its mount path changes per launch) in Node mode', async () => {
    const preview = (await app.send<Envelope>({ type: 'invoke', channel: 'nevent:mcp.clientConfigPreview', payload: { client: 'claude' } })).value ?? {};
    const entry = entryOf(preview, 'mcpServers');
    expect(entry.command).toBe(appImage);
    expect(entry.env).toEqual({ ELECTRON_RUN_AS_NODE: '1' });
    expect(entry.args.slice(0, 1)).toEqual(['-e']);
    expect(entry.args.slice(2)).toEqual(['--', '--no-sandbox', 'mcp', '--attach']);
    expect(entry.args.join(' ')).not.toContain(layout.resources);
  });

  it('closing the window quits the app: with no tray there would be no way back', async () => {
    expect(await app.send({ type: 'close-window' })).toBe(true);
    const exit = await app.exited;
    expect(exit.code).toBe(0);
    expect(exit.snapshot.violations).toEqual([]);
  });
});
