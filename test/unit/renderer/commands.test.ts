/**
 * The window's commands over a bridge that counts every request: a command sends its one request and
 * never reads state again (what changed arrives pushed), and the stores mirror only what main pushed.
 */
import { describe, expect, it } from 'vitest';
import type { AppState, DesktopSegments, NeventBridge, SessionList } from '../../../src-shared/ipc';
import { BridgeError } from '../../../src-shared/ipc';
import { Commands } from '../../../src-renderer/app/commands';
import { wireStores } from '../../../src-renderer/app/wire-stores';
import { createStores } from '../../../src-renderer/stores/stores';

function state(version: number, activeId: string, failure: AppState['desktop']['lastSwitchError'] = null): AppState {
  return {
    version,
    account: { state: 'active', user: { id: 'u', email: 'o@x', name: 'O', role: 'OWNER' }, apiUrl: null, dataApiUrl: null, demo: true, remembered: false, keychain: 'unknown', notice: null, error: null },
    desktop: { sessionId: 's', activeTenant: { id: activeId, name: activeId, slug: activeId, role: 'OWNER', status: 'ACTIVE' }, homeTenantId: 'home', role: 'OWNER', lastSwitchError: failure, lastSwitchTarget: failure === null ? null : 'child' },
    tenants: { recent: [], pinned: [], count: 3 },
    bridge: { state: 'listening', socketPath: null, sessionCount: 0, error: null },
    operationMode: 'READ_ONLY',
  };
}

function segments(version: number, tenantId: string): DesktopSegments {
  return { version, tenantId, status: 'ready', segments: [{ id: '0123456789abcdef01234567', name: `in ${tenantId}`, definition: { stanzas: [] }, revision: 'r1' }], more: false, error: null, criteriaStatus: 'ready', criteria: [], criteriaError: null };
}

const sessions = (version: number): SessionList => ({ version, sessions: [] });

/** A bridge whose main pushes like the real one: a switch pushes the new state, then answers. */
function countingBridge(options: { failSwitch?: boolean } = {}) {
  const calls: string[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const push = (channel: string, payload: unknown): void => {
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  };
  let current = state(1, 'home');
  const on = (channel: string) => (listener: (payload: unknown) => void) => {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
    return () => set.delete(listener);
  };
  const bridge = {
    session: { get: async () => (calls.push('session.get'), current), onDidChange: on('session.onDidChange') },
    mcp: { sessions: async () => (calls.push('mcp.sessions'), sessions(1)), audit: async () => (calls.push('mcp.audit'), { entries: [], nextBeforeSeq: null }), onDidChangeSessions: on('mcp.onDidChangeSessions'), onDidAppendAudit: on('mcp.onDidAppendAudit') },
    segments: { current: async () => (calls.push('segments.current'), segments(1, 'home')), onDidChange: on('segments.onDidChange') },
    tenants: {
      list: async () => (calls.push('tenants.list'), { tenants: { id: ['home'], name: ['Home'], parent: [-1] }, role: 'OWNER', homeTenantId: 'home', activeTenantId: 'home', recent: [], pinned: [] }),
      switch: async ({ tenantId }: { tenantId: string }) => {
        calls.push('tenants.switch');
        if (options.failSwitch) {
          current = state(current.version + 1, current.desktop.activeTenant?.id ?? 'home', { code: 'api_error', message: 'The API answered 500.' });
          push('session.onDidChange', current);
          throw new BridgeError({ code: 'api_error', message: 'The API answered 500.' });
        }
        current = state(current.version + 1, tenantId);
        push('session.onDidChange', current);
        push('segments.onDidChange', segments(2, tenantId));
        return { activeTenantId: tenantId, homeTenantId: 'home', previousTenantId: 'home' };
      },
    },
    notifications: { onDidNotify: on('notifications.onDidNotify') },
    ui: { onDidRequestQuickSwitch: on('ui.onDidRequestQuickSwitch'), onDidRequestShortcuts: on('ui.onDidRequestShortcuts'), setUnsavedEdits: async ({ unsaved }: { unsaved: boolean }) => (calls.push('ui.setUnsavedEdits'), { unsaved }) },
    settings: { get: async () => ({ apiUrl: null, dataApiUrl: null, theme: 'system', operationMode: 'READ_ONLY', uploadFolders: [] }), onDidChange: on('settings.onDidChange') },
  };
  return { bridge: bridge as unknown as NeventBridge, calls, push };
}

/** Lets pending promise callbacks run (the bridge answers within one turn). */
const settled = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('window commands', () => {
  it('settings pushed by main (a hand edit, another window) reach the ui store: the theme and the upload folders', async () => {
    const stores = createStores();
    const { bridge, push } = countingBridge();
    const off = wireStores(bridge, stores, new Commands(bridge, stores));
    await settled();
    expect(stores.ui.getState().theme).toBe('system');
    push('settings.onDidChange', { apiUrl: null, dataApiUrl: null, theme: 'dark', operationMode: 'READ_ONLY', uploadFolders: ['/srv/pictures'] });
    expect(stores.ui.getState().theme).toBe('dark');
    expect(stores.ui.getState().settings?.uploadFolders).toEqual(['/srv/pictures']);
    off();
  });

  it('start-up reads main once (state, sessions, segments, audit), then the tenant list for the account', async () => {
    const stores = createStores();
    const { bridge, calls } = countingBridge();
    const off = wireStores(bridge, stores, new Commands(bridge, stores));
    await settled();
    expect([...calls].sort()).toEqual(['mcp.audit', 'mcp.sessions', 'segments.current', 'session.get', 'tenants.list']);
    expect(stores.segments.getState()).toMatchObject({ tenantId: 'home', version: 1 });
    off();
  });

  it('a switch sends one request and reads nothing after it: state and segments arrive pushed', async () => {
    const stores = createStores();
    const { bridge, calls } = countingBridge();
    const commands = new Commands(bridge, stores);
    const off = wireStores(bridge, stores, commands);
    await settled();
    calls.splice(0);
    expect(await commands.switchTenant('child')).toBe(true);
    await settled();
    expect(calls).toEqual(['tenants.switch']);
    expect(stores.app.getState().app?.desktop.activeTenant?.id).toBe('child');
    expect(stores.segments.getState()).toMatchObject({ tenantId: 'child', segments: [{ name: 'in child' }] });
    off();
  });

  it('a failed switch keeps the old tenant; why is main\'s state, and Dismiss hides it here only', async () => {
    const stores = createStores();
    const { bridge, calls } = countingBridge({ failSwitch: true });
    const commands = new Commands(bridge, stores);
    const off = wireStores(bridge, stores, commands);
    await settled();
    calls.splice(0);
    expect(await commands.switchTenant('child')).toBe(false);
    expect(calls).toEqual(['tenants.switch']);
    expect(stores.app.getState().app?.desktop).toMatchObject({ activeTenant: { id: 'home' }, lastSwitchError: { code: 'api_error' }, lastSwitchTarget: 'child' });
    commands.dismissSwitchError();
    expect(stores.ui.getState().dismissedSwitchError).toMatchObject({ code: 'api_error' });
    // Trying again shows whatever comes next.
    await commands.switchTenant('child');
    expect(stores.ui.getState().dismissedSwitchError).toBeNull();
    off();
  });

  it('mirrors pushes only when newer: a late, older segments payload changes nothing', async () => {
    const stores = createStores();
    const { bridge, push } = countingBridge();
    const off = wireStores(bridge, stores, new Commands(bridge, stores));
    await settled();
    push('segments.onDidChange', segments(5, 'other'));
    push('segments.onDidChange', segments(4, 'late'));
    expect(stores.segments.getState().tenantId).toBe('other');
    off();
  });
  it('unsaved edits hold an action until the person answers: keep drops it, discard closes the editor, then runs it', async () => {
    const stores = createStores();
    const { bridge, calls } = countingBridge();
    const commands = new Commands(bridge, stores);
    const off = wireStores(bridge, stores, commands);
    await settled();
    calls.splice(0);
    const ran: string[] = [];
    // Nothing to lose: the action runs at once.
    commands.whenEditsMayGo('openSegment', () => ran.push('open'));
    expect(ran).toEqual(['open']);

    stores.ui.setState({ segmentPane: { mode: 'edit', segmentId: 'seg-1' } });
    commands.setUnsavedEdits({ segmentName: 'VIP' });
    commands.setUnsavedEdits({ segmentName: 'VIP' });
    // Main hears of the change once, not of every keystroke.
    await settled();
    expect(calls).toEqual(['ui.setUnsavedEdits']);
    commands.whenEditsMayGo('switchTenant', () => ran.push('switch'));
    expect(ran).toEqual(['open']);
    expect(stores.ui.getState().pendingLeave?.reason).toBe('switchTenant');
    commands.keepEdits();
    expect(stores.ui.getState()).toMatchObject({ pendingLeave: null, unsavedEdits: { segmentName: 'VIP' }, segmentPane: { mode: 'edit', segmentId: 'seg-1' } });
    expect(ran).toEqual(['open']);

    commands.whenEditsMayGo('switchTenant', () => ran.push('switch'));
    commands.discardEdits();
    // The editor is gone before the action runs, so nothing it held can be saved into what comes next.
    expect(stores.ui.getState()).toMatchObject({ pendingLeave: null, unsavedEdits: null, segmentPane: { mode: 'detail', segmentId: 'seg-1' } });
    expect(ran).toEqual(['open', 'switch']);
    await settled();
    expect(calls).toEqual(['ui.setUnsavedEdits', 'ui.setUnsavedEdits']);
    off();
  });

  it('after a switch the focus goes to the tenant name; after a failed one to why', async () => {
    const stores = createStores();
    const ok = countingBridge();
    const commands = new Commands(ok.bridge, stores);
    const off = wireStores(ok.bridge, stores, commands);
    await settled();
    await commands.switchTenant('child');
    expect(stores.ui.getState().focusRequest).toBe('tenantName');
    commands.focusHandled();
    expect(stores.ui.getState().focusRequest).toBeNull();
    off();

    const failing = countingBridge({ failSwitch: true });
    const stores2 = createStores();
    const commands2 = new Commands(failing.bridge, stores2);
    const off2 = wireStores(failing.bridge, stores2, commands2);
    await settled();
    await commands2.switchTenant('child');
    expect(stores2.ui.getState().focusRequest).toBe('switchError');
    off2();
  });
  it('a settings read answered after a newer push keeps the push (the read after a reconnect crossing a change)', async () => {
    const stores = createStores();
    const { bridge, push } = countingBridge();
    let answer: (value: unknown) => void = () => undefined;
    const commands = new Commands(bridge, stores);
    const off = wireStores(bridge, stores, commands);
    await settled();
    (bridge.settings as { get: () => Promise<unknown> }).get = () => new Promise((resolve) => (answer = resolve));
    const reading = commands.getSettings();
    push('settings.onDidChange', { version: 3, apiUrl: null, dataApiUrl: null, theme: 'dark', language: 'es', operationMode: 'READ_ONLY', uploadFolders: [] });
    answer({ version: 2, apiUrl: null, dataApiUrl: null, theme: 'system', language: 'system', operationMode: 'READ_ONLY', uploadFolders: [] });
    await reading;
    expect(stores.ui.getState().theme).toBe('dark');
    expect(stores.ui.getState().settings?.language).toBe('es');
    // A newer answer is what the window shows.
    (bridge.settings as { get: () => Promise<unknown> }).get = async () => ({ version: 4, apiUrl: null, dataApiUrl: null, theme: 'light', operationMode: 'READ_ONLY', uploadFolders: [] });
    await commands.getSettings();
    expect(stores.ui.getState().theme).toBe('light');
    off();
  });
});
