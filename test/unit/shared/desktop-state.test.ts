/** The desktop reducer: parts keep their object unless they changed, and answers for a tenant the desktop left are dropped. */
import { describe, expect, it } from 'vitest';
import { initialDesktopModel, reduceDesktop, type DesktopEvent, type DesktopModel, type PreferenceSettings } from '../../../src-shared/desktop-state';
import type { AccountStatus } from '../../../src-shared/ipc';
import type { SessionSnapshot } from '../../../src-shared/session';

const account = (state: AccountStatus['state']): AccountStatus => ({
  state,
  user: state === 'active' || state === 'choosingTenant' ? { id: 'u1', email: 'o@x', name: 'O', role: 'OWNER' } : null,
  apiUrl: null,
  dataApiUrl: null,
  demo: false,
  remembered: false,
  keychain: 'unknown',
  notice: null,
  error: null,
});
const desktop = (activeTenantId: string, patch: Partial<SessionSnapshot> = {}): SessionSnapshot => ({ id: 'd1', kind: 'desktop', clientName: null, clientVersion: null, activeTenantId, homeTenantId: 'home', role: 'OWNER', switchingTo: null, lastSwitchError: null, lastSwitchTarget: null, createdAt: '', lastToolCall: null, callCount: 0, ...patch });
const segment = (name: string) => ({ id: '0123456789abcdef01234567', name, definition: { stanzas: [] }, revision: `r-${name}` });

function run(model: DesktopModel, ...events: DesktopEvent[]): DesktopModel {
  return events.reduce(reduceDesktop, model);
}

const preferenceSettings = { apiUrl: null, dataApiUrl: null, theme: 'system', language: 'system', uploadFolders: [], environmentUploadFolders: [] } as const satisfies PreferenceSettings;
const start = initialDesktopModel({ account: account('signedOut'), bridge: { state: 'listening', socketPath: null, sessionCount: 0, error: null }, mode: 'READ_ONLY', shortcuts: { recent: [], pinned: [] }, settings: preferenceSettings });
const signedIn = run(start, { type: 'accountChanged', account: account('active') }, { type: 'sessionsChanged', sessions: [desktop('home')] });

describe('desktop reducer', () => {
  it('returns the same model for an event that changes nothing', () => {
    expect(reduceDesktop(signedIn, { type: 'accountChanged', account: account('active') })).toBe(signedIn);
    expect(reduceDesktop(signedIn, { type: 'sessionsChanged', sessions: [desktop('home')] })).toBe(signedIn);
    expect(reduceDesktop(signedIn, { type: 'modeChanged', mode: 'READ_ONLY' })).toBe(signedIn);
  });

  it('settings are a part of their own: a real change makes a new part, the mode comes in once and shows in the state and the settings', () => {
    expect(signedIn.settings).toEqual({ ...preferenceSettings, operationMode: 'READ_ONLY' });
    // Preferences also change with every recent tenant: the same settings keep the model.
    expect(reduceDesktop(signedIn, { type: 'settingsChanged', settings: { ...preferenceSettings, uploadFolders: [] } })).toBe(signedIn);
    const dark = reduceDesktop(signedIn, { type: 'settingsChanged', settings: { ...preferenceSettings, theme: 'dark' } });
    expect(dark.settings).toEqual({ ...preferenceSettings, theme: 'dark', operationMode: 'READ_ONLY' });
    expect(dark.state).toBe(signedIn.state);
    const standard = reduceDesktop(dark, { type: 'modeChanged', mode: 'STANDARD' });
    expect(standard.state.operationMode).toBe('STANDARD');
    expect(standard.settings).toEqual({ ...dark.settings, operationMode: 'STANDARD' });
    // A later settings change keeps the mode the store holds.
    expect(reduceDesktop(standard, { type: 'settingsChanged', settings: { ...preferenceSettings, theme: 'light' } }).settings.operationMode).toBe('STANDARD');
  });

  it('a change to the sessions list only (a tool call counted) keeps the app state object', () => {
    const counted = reduceDesktop(signedIn, { type: 'sessionsChanged', sessions: [desktop('home'), { ...desktop('home'), id: 'm1', kind: 'mcp', callCount: 3 }] });
    expect(counted.sessions).not.toBe(signedIn.sessions);
    expect(counted.state).toBe(signedIn.state);
  });

  it('names the active tenant only from the loaded list, and only for the desktop session that loaded it', () => {
    expect(signedIn.state.desktop.activeTenant).toEqual({ id: 'home', name: null, role: 'OWNER' });
    const stale = reduceDesktop(signedIn, { type: 'tenantsLoaded', tenants: { sessionId: 'old', tenants: [{ id: 'home', name: 'Home Org', parentId: null, level: 0 }], role: 'OWNER' } });
    expect(stale).toBe(signedIn);
    const named = reduceDesktop(signedIn, { type: 'tenantsLoaded', tenants: { sessionId: 'd1', tenants: [{ id: 'home', name: 'Home Org', parentId: null, level: 0, slug: 'home' }], role: 'OWNER' } });
    expect(named.state.desktop.activeTenant).toEqual({ id: 'home', name: 'Home Org', slug: 'home', role: 'OWNER' });
    expect(named.state.tenants.count).toBe(1);
  });

  it('a new desktop tenant starts its segments afresh; a late answer for the old tenant is dropped', () => {
    expect(signedIn.segments).toMatchObject({ tenantId: 'home', status: 'loading' });
    const switched = run(signedIn, { type: 'sessionsChanged', sessions: [desktop('b')] });
    expect(switched.segments).toMatchObject({ tenantId: 'b', status: 'loading', segments: [] });
    const late = reduceDesktop(switched, { type: 'segmentsLoaded', tenantId: 'home', segments: [segment('old')], more: false });
    expect(late).toBe(switched);
    const loaded = run(switched, { type: 'segmentsLoaded', tenantId: 'b', segments: [segment('one')], more: true }, { type: 'criteriaFailed', tenantId: 'b', error: { code: 'api_error', message: 'down' } });
    expect(loaded.segments).toMatchObject({ status: 'ready', more: true, criteriaStatus: 'failed', criteriaError: { code: 'api_error' } });
    const written = reduceDesktop(loaded, { type: 'segmentWritten', tenantId: 'b', segment: segment('renamed') });
    expect(written.segments.segments.map((s) => s.name)).toEqual(['renamed']);
    expect(reduceDesktop(loaded, { type: 'segmentWritten', tenantId: 'elsewhere', segment: segment('x') })).toBe(loaded);
  });

  it('signing out forgets the desktop, its tenants and its segments', () => {
    const named = reduceDesktop(signedIn, { type: 'tenantsLoaded', tenants: { sessionId: 'd1', tenants: [{ id: 'home', name: 'Home Org', parentId: null, level: 0 }], role: 'OWNER' } });
    const out = run(named, { type: 'accountChanged', account: account('signedOut') }, { type: 'sessionsChanged', sessions: [] });
    expect(out.state.desktop).toEqual({ sessionId: null, activeTenant: null, homeTenantId: null, role: null, lastSwitchError: null, lastSwitchTarget: null });
    expect(out.tenants).toBeNull();
    expect(out.state.tenants.count).toBe(0);
    expect(out.segments).toMatchObject({ tenantId: null, status: 'idle' });
  });

  it('a failed desktop switch is part of the app state (with its target) until a switch succeeds', () => {
    const failed = reduceDesktop(signedIn, { type: 'sessionsChanged', sessions: [desktop('home', { lastSwitchError: { code: 'tenant_forbidden', message: 'no' }, lastSwitchTarget: 'c' })] });
    expect(failed.state.desktop).toMatchObject({ lastSwitchError: { code: 'tenant_forbidden' }, lastSwitchTarget: 'c', activeTenant: { id: 'home' } });
    // A switch in flight is the sessions list's; the app state does not change for it.
    const inFlight = reduceDesktop(signedIn, { type: 'sessionsChanged', sessions: [desktop('home', { switchingTo: 'b' })] });
    expect(inFlight.state).toBe(signedIn.state);
  });
});
