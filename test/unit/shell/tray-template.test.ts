import { describe, expect, it } from 'vitest';
import type { AppState } from '../../../src-shared/ipc';
import { buildTrayTemplate, shortcutUnavailableHint, type TrayMenuItem } from '../../../src-main/electron/tray-template';
import { englishWords as t, spanishWords } from '../../helpers/words';

const signedOut: AppState = {
  version: 1,
  account: { state: 'signedOut', user: null, apiUrl: null, dataApiUrl: null, demo: false, remembered: false, keychain: 'available', notice: null, error: null },
  desktop: { sessionId: null, activeTenant: null, homeTenantId: null, role: null, lastSwitchError: null, lastSwitchTarget: null },
  tenants: { recent: [], pinned: [], count: 0 },
  bridge: { state: 'listening', socketPath: '/run/user/1/nevent/mcp.sock', sessionCount: 0, error: null },
  operationMode: 'READ_ONLY',
};

const signedIn: AppState = {
  ...signedOut,
  version: 2,
  account: { ...signedOut.account, state: 'active', user: { id: 'u1', email: 'o@x', name: 'Olivia', role: 'OWNER' } },
  desktop: { sessionId: 's1', activeTenant: { id: 't-es', name: 'Acme Spain', slug: 'acme-es', role: 'OWNER', status: 'ACTIVE' }, homeTenantId: 't-acme', role: 'OWNER', lastSwitchError: null, lastSwitchTarget: null },
  tenants: {
    recent: [
      { id: 't-es', name: 'Acme Spain' },
      { id: 't-acme', name: 'Acme Group' },
      { id: 't-fr', name: 'Acme France' },
      { id: 't-1', name: 'One' },
      { id: 't-2', name: 'Two' },
      { id: 't-3', name: 'Three' },
      { id: 't-4', name: 'Four' },
    ],
    pinned: [{ id: 't-fr', name: 'Acme France' }],
    count: 12,
  },
  bridge: { ...signedOut.bridge, sessionCount: 2 },
};

const labels = (items: TrayMenuItem[]) => items.map((item) => (item.kind === 'separator' ? '---' : item.label));
const item = (items: TrayMenuItem[], label: string) => items.find((i) => i.kind !== 'separator' && i.label === label) as Extract<TrayMenuItem, { kind: 'item' }> | undefined;

describe('tray template', () => {
  it('signed out: says so, offers sign-in, open and quit', () => {
    const tray = buildTrayTemplate(signedOut, { t, globalShortcutBound: true });
    expect(tray.tooltip).toBe('Nevent Companion');
    expect(labels(tray.items)).toEqual(['Not signed in', '---', 'Sign in…', '---', 'AI sessions: none connected', '---', 'Open Nevent Companion', 'Quit Nevent Companion']);
    expect(item(tray.items, 'Sign in…')?.action).toEqual({ type: 'open' });
  });

  it('signed in: active tenant, pinned, recent (minus pinned, at most five), quick switch, home, sessions count', () => {
    const tray = buildTrayTemplate(signedIn, { t, globalShortcutBound: true });
    expect(tray.tooltip).toBe('Nevent Companion — Acme Spain');
    expect(labels(tray.items)).toEqual([
      'Acme Spain · Owner',
      '---',
      'Pinned',
      'Acme France',
      'Recent',
      'Acme Spain',
      'Acme Group',
      'One',
      'Two',
      'Three',
      'Switch tenant…',
      'Back to home tenant',
      '---',
      'AI sessions: 2 connected',
      '---',
      'Open Nevent Companion',
      'Quit Nevent Companion',
    ]);
    const active = item(tray.items, 'Acme Spain');
    expect(active).toMatchObject({ checked: true, enabled: false });
    expect(item(tray.items, 'Acme Group')).toMatchObject({ checked: false, enabled: true, action: { type: 'switch', tenantId: 't-acme' } });
    expect(item(tray.items, 'Back to home tenant')?.action).toEqual({ type: 'reset' });
    expect(item(tray.items, 'Switch tenant…')?.accelerator).toBe('CommandOrControl+Shift+K');
  });

  it('while switching (the desktop session\'s switchingTo): the target is named and every switch is disabled', () => {
    const tray = buildTrayTemplate(signedIn, { t, globalShortcutBound: true, switchingTo: 't-fr' });
    expect(labels(tray.items)[0]).toBe('Switching to Acme France…');
    const switches = tray.items.filter((i) => i.kind === 'item' && (i.action?.type === 'switch' || i.action?.type === 'reset' || i.action?.type === 'quickSwitch'));
    expect(switches.length).toBeGreaterThan(3);
    expect(switches.every((i) => i.kind === 'item' && !i.enabled)).toBe(true);
  });

  it('single-tenant user at home: no quick switch, no home item', () => {
    const solo: AppState = { ...signedIn, desktop: { ...signedIn.desktop, activeTenant: { id: 't-acme', name: 'Solo Org', slug: 'solo', role: 'ADMIN', status: 'ACTIVE' }, homeTenantId: 't-acme' }, tenants: { recent: [{ id: 't-acme', name: 'Solo Org' }], pinned: [], count: 1 } };
    const names = labels(buildTrayTemplate(solo, { t, globalShortcutBound: true }).items);
    expect(names).not.toContain('Switch tenant…');
    expect(names).not.toContain('Back to home tenant');
    expect(names[0]).toBe('Solo Org · Admin');
  });

  it('shows a failed switch and a broken bridge', () => {
    const tray = buildTrayTemplate({ ...signedIn, desktop: { ...signedIn.desktop, lastSwitchError: { code: 'tenant_forbidden', message: 'no access to Acme West' } }, bridge: { state: 'error', socketPath: null, sessionCount: 0, error: 'socket path is in use' } }, { t, globalShortcutBound: true });
    expect(labels(tray.items)).toContain('Last switch failed: no access to Acme West');
    expect(labels(tray.items)).toContain('AI bridge: socket path is in use');
  });

  it('when the global shortcut could not be bound: no accelerator on Switch tenant…, and a line saying where it is', () => {
    const tray = buildTrayTemplate(signedIn, { t, globalShortcutBound: false });
    expect(item(tray.items, 'Switch tenant…')?.accelerator).toBeUndefined();
    const names = labels(tray.items);
    expect(names[names.indexOf('Switch tenant…') + 1]).toBe(shortcutUnavailableHint(t));
    expect(labels(buildTrayTemplate(signedIn, { t, globalShortcutBound: true }).items)).not.toContain(shortcutUnavailableHint(t));
  });

  it('speaks the language it is given: Spanish words, Spanish roles, Spanish plurals', () => {
    const es = (state: AppState, options: Partial<Parameters<typeof buildTrayTemplate>[1]> = {}) => buildTrayTemplate(state, { t: spanishWords, globalShortcutBound: true, ...options });
    const tray = es(signedIn);
    expect(labels(tray.items)).toEqual([
      'Acme Spain · Propietario',
      '---',
      'Fijadas',
      'Acme France',
      'Recientes',
      'Acme Spain',
      'Acme Group',
      'One',
      'Two',
      'Three',
      'Cambiar de organización…',
      'Volver a la organización de inicio',
      '---',
      'Sesiones de IA: 2 conectadas',
      '---',
      'Abrir Nevent Companion',
      'Salir de Nevent Companion',
    ]);
    expect(labels(es({ ...signedIn, bridge: { ...signedIn.bridge, sessionCount: 1 } }).items)).toContain('Sesiones de IA: 1 conectada');
    expect(labels(es(signedOut).items)).toEqual(['Sin sesión iniciada', '---', 'Iniciar sesión…', '---', 'Sesiones de IA: ninguna conectada', '---', 'Abrir Nevent Companion', 'Salir de Nevent Companion']);
    expect(labels(es(signedIn, { switchingTo: 't-fr' }).items)[0]).toBe('Cambiando a Acme France…');
    expect(labels(es(signedIn, { globalShortcutBound: false }).items)).toContain('Atajo no disponible: usa Cambiar de organización… aquí');
  });
});
