/** Pure and in-memory parts of the app layer: audit paging, preferences, and the versioned state snapshot. */
import { describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../../../src-shared/session';
import { queryAudit } from '../../../src-main/app/audit-query';
import { MemoryJsonStore } from '../../../src-main/app/file-json-store';
import { Preferences, preferencesReadTimeoutMs, type JsonStore } from '../../../src-main/app/preferences';
import type { AppState, DesktopSegments, Settings } from '../../../src-shared/ipc';
import { createTestService } from './fakes';

const entry = (seq: number, partial: Partial<AuditEntry> = {}): AuditEntry => ({ seq, at: 'now', sessionId: seq % 2 === 0 ? 'a' : 'b', clientName: null, kind: 'tool', name: 'nevent_list_segments', tenantId: 't1', argKeys: [], result: 'ok', durationMs: 1, ...partial });

describe('audit query', () => {
  const entries = Array.from({ length: 10 }, (_, i) => entry(i + 1, i === 6 ? { result: 'tenant_mismatch', name: 'nevent_get_segment' } : {}));

  it('pages newest first with beforeSeq', () => {
    const first = queryAudit(entries, { limit: 4 });
    expect(first.entries.map((e) => e.seq)).toEqual([10, 9, 8, 7]);
    expect(first.nextBeforeSeq).toBe(7);
    const second = queryAudit(entries, { limit: 4, beforeSeq: first.nextBeforeSeq ?? 0 });
    expect(second.entries.map((e) => e.seq)).toEqual([6, 5, 4, 3]);
    expect(queryAudit(entries, { limit: 4, beforeSeq: 3 })).toEqual({ entries: [entries[1], entries[0]], nextBeforeSeq: null });
  });

  it('filters by domain', () => {
    const mixed = [entry(1, { domain: 'audiences' }), entry(2, { name: 'nevent_create_template', domain: 'templates' }), entry(3, { kind: 'move', name: 'move' })];
    expect(queryAudit(mixed, { domain: 'templates' }).entries.map((e) => e.seq)).toEqual([2]);
    expect(queryAudit(mixed, {}).entries).toHaveLength(3);
  });

  it('filters by session, result and name', () => {
    expect(queryAudit(entries, { sessionId: 'a' }).entries.every((e) => e.sessionId === 'a')).toBe(true);
    expect(queryAudit(entries, { result: 'error' }).entries.map((e) => e.seq)).toEqual([7]);
    expect(queryAudit(entries, { result: 'tenant_mismatch' }).entries.map((e) => e.seq)).toEqual([7]);
    expect(queryAudit(entries, { name: 'GET_SEG' }).entries.map((e) => e.seq)).toEqual([7]);
  });
});

describe('preferences', () => {
  const defaults = { apiUrl: 'https://api.example', dataApiUrl: null };

  it('keeps recent tenants most recent first, without duplicates, at most eight', async () => {
    const prefs = new Preferences(new MemoryJsonStore(), defaults);
    for (let i = 0; i < 10; i += 1) prefs.touchRecent('u1', { id: `t${i}`, name: `T${i}` });
    prefs.touchRecent('u1', { id: 't5', name: 'T5' });
    expect(prefs.shortcuts('u1').recent.map((t) => t.id)).toEqual(['t5', 't9', 't8', 't7', 't6', 't4', 't3', 't2']);
    expect(prefs.shortcuts('u2').recent).toEqual([]);
  });

  it('persists settings, the saved mode and pins, and reads them back', async () => {
    const store = new MemoryJsonStore();
    const prefs = new Preferences(store, defaults);
    prefs.updateSettings({ dataApiUrl: 'https://data.example' });
    prefs.saveMode('FULL');
    prefs.setPinned('u1', { id: 't1', name: 'One' }, true);
    await prefs.flush();
    const again = new Preferences(store, defaults);
    await again.load();
    expect(again.settings()).toEqual({ apiUrl: 'https://api.example', dataApiUrl: 'https://data.example' });
    expect(again.savedMode()).toBe('FULL');
    expect(again.shortcuts('u1').pinned).toEqual([{ id: 't1', name: 'One' }]);
  });

  it('keeps the theme (system unless chosen), and says so when the file holds one it does not know', async () => {
    const store = new MemoryJsonStore();
    const prefs = new Preferences(store, defaults);
    expect(prefs.theme()).toBe('system');
    prefs.updateSettings({ theme: 'dark' });
    await prefs.flush();
    const again = new Preferences(store, defaults);
    await again.load();
    expect(again.theme()).toBe('dark');
    const said: string[] = [];
    const odd = new Preferences(new MemoryJsonStore({ settings: { theme: 'neon' } }), defaults, undefined, (line) => said.push(line));
    await odd.load();
    expect(odd.theme()).toBe('system');
    expect(said).toEqual(['preferences: theme "neon" is not a theme (system, light or dark); it is ignored.']);
  });

  it('keeps the language (system unless chosen), and says so when the file holds one it does not know', async () => {
    const store = new MemoryJsonStore();
    const prefs = new Preferences(store, defaults);
    expect(prefs.language()).toBe('system');
    prefs.updateSettings({ language: 'es' });
    await prefs.flush();
    const again = new Preferences(store, defaults);
    await again.load();
    expect(again.language()).toBe('es');
    const said: string[] = [];
    const odd = new Preferences(new MemoryJsonStore({ settings: { language: 'klingon', theme: 'dark' } }), defaults, undefined, (line) => said.push(line));
    await odd.load();
    expect(odd.language()).toBe('system');
    expect(odd.theme()).toBe('dark');
    expect(said).toEqual(['preferences: language "klingon" is not a language setting (system, es or en); it is ignored.']);
  });

  it('reads a damaged file field by field: a bad mode is said and skipped, the pins survive', async () => {
    const said: string[] = [];
    const file = { settings: { operationMode: 'GOD', apiUrl: 7 }, users: { u1: { recent: 'nope', pinned: [{ id: 't1', name: 'One' }, { id: 3 }] }, u2: 'nope' } };
    const prefs = new Preferences(new MemoryJsonStore(file), defaults, undefined, (line) => said.push(line));
    await prefs.load();
    expect(prefs.savedMode()).toBeNull();
    expect(prefs.settings().apiUrl).toBe('https://api.example');
    expect(prefs.shortcuts('u1')).toEqual({ recent: [], pinned: [{ id: 't1', name: 'One' }] });
    expect(prefs.shortcuts('u2')).toEqual({ recent: [], pinned: [] });
    expect(said).toEqual(['preferences: operationMode "GOD" is not an operation mode (READ_ONLY, STANDARD or FULL); it is ignored.']);
  });

  it('picks up an edit of the file: a new saved mode is announced once, our own writes are not', async () => {
    const store = new MemoryJsonStore({ settings: { operationMode: 'READ_ONLY' } });
    const prefs = new Preferences(store, defaults);
    await prefs.load();
    const edits: string[] = [];
    prefs.onDidEditSavedMode((mode) => edits.push(mode));
    prefs.touchRecent('u1', { id: 't1', name: 'One' });
    await prefs.flush();
    await prefs.reload();
    expect(edits).toEqual([]);
    await store.save({ settings: { operationMode: 'standard' }, users: { u1: { recent: [{ id: 't1', name: 'One' }], pinned: [] } } });
    await prefs.reload();
    await prefs.reload();
    expect(edits).toEqual(['STANDARD']);
    expect(prefs.savedMode()).toBe('STANDARD');
  });
});

describe('preferences: a read of the file that never ends', () => {
  const defaults = { apiUrl: 'https://api.example', dataApiUrl: null };

  it('is given up after its deadline at start and on a reload, said once, and a later read works', async () => {
    vi.useFakeTimers();
    try {
      let hung = true;
      const good = new MemoryJsonStore({ settings: { theme: 'dark' } });
      // A store whose read hangs (a file on a hung disk) until it is told otherwise.
      const store: JsonStore = { load: () => (hung ? new Promise(() => undefined) : good.load()), save: (value) => good.save(value) };
      const said: string[] = [];
      const prefs = new Preferences(store, defaults, undefined, (line) => said.push(line));
      const loading = prefs.load();
      await vi.advanceTimersByTimeAsync(preferencesReadTimeoutMs);
      await loading;
      expect(prefs.theme()).toBe('system');
      const reloading = prefs.reload();
      await vi.advanceTimersByTimeAsync(preferencesReadTimeoutMs);
      await reloading;
      expect(said).toEqual([expect.stringMatching(/took longer than 5 s; it is skipped/)]);
      hung = false;
      await prefs.reload();
      expect(prefs.theme()).toBe('dark');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('settings pushed to every window', () => {
  it('a hand edit of the file (theme, upload folders) is pushed as the settings main now holds; bad folders are said and skipped', async () => {
    const t = await createTestService();
    await t.preferencesStore.save({ settings: { theme: 'dark', uploadFolders: ['/srv/pictures', 'relative/path', 7] } });
    await t.preferences.reload();
    const pushed = t.published('settings.onDidChange') as Settings[];
    expect(pushed.at(-1)).toMatchObject({ theme: 'dark', uploadFolders: ['/srv/pictures'], operationMode: 'READ_ONLY' });
    // The window's own change is pushed too (another window shows it).
    await t.dispatch('settings.update', { theme: 'light' });
    expect((t.published('settings.onDidChange') as Settings[]).at(-1)).toMatchObject({ theme: 'light', uploadFolders: ['/srv/pictures'] });
    // The language too: every window (and the Electron shell's tray and menus) follows it at once.
    expect((await t.dispatch('settings.update', { language: 'es' })).ok).toBe(true);
    expect((t.published('settings.onDidChange') as Settings[]).at(-1)).toMatchObject({ language: 'es', theme: 'light' });
    expect((await t.dispatch('settings.update', { language: 'fr' })).ok).toBe(false);
    // And a mode change, which the settings answer carries.
    t.mode.set('STANDARD', 'app');
    // Published with the app state at the end of the turn, as one change of the store.
    await t.until((e) => e.channel === 'settings.onDidChange' && (e.payload as Settings).operationMode === 'STANDARD');
    expect((t.published('settings.onDidChange') as Settings[]).at(-1)).toMatchObject({ operationMode: 'STANDARD' });
    // A change of preferences that is not a setting (a recent tenant) pushes no settings.
    const pushes = t.published('settings.onDidChange').length;
    t.preferences.touchRecent('u1', { id: 't1', name: 'One' });
    expect(t.published('settings.onDidChange')).toHaveLength(pushes);
  });
});

describe('the desktop store', () => {
  it('a mode change goes into the store once: one app-state and one settings publish, each with a new version', async () => {
    const t = await createTestService();
    const answer = await t.dispatch('settings.get', undefined);
    if (!answer.ok) throw new Error('settings.get failed');
    const before = { state: t.service.state().version, settings: answer.value as Settings };
    const states = t.published('session.onDidChange').length;
    const settings = t.published('settings.onDidChange').length;
    t.mode.set('STANDARD', 'app');
    await t.until((e) => e.channel === 'settings.onDidChange' && (e.payload as Settings).operationMode === 'STANDARD');
    const pushedStates = t.published('session.onDidChange').slice(states) as AppState[];
    const pushedSettings = t.published('settings.onDidChange').slice(settings) as Settings[];
    expect(pushedStates.map((s) => s.operationMode)).toEqual(['STANDARD']);
    expect(pushedSettings.map((s) => s.operationMode)).toEqual(['STANDARD']);
    expect(pushedStates[0]?.version).toBe(before.state + 1);
    expect(pushedSettings[0]?.version).toBe((before.settings.version ?? 0) + 1);
    // The answer to `settings.get` is the store's part, as published.
    const after = await t.dispatch('settings.get', undefined);
    expect(after.ok && after.value).toEqual(pushedSettings[0]);
  });

  it('publishes a new version only when something changed, and signing in changes the account', async () => {
    const t = await createTestService();
    const first = t.service.state().version;
    expect(t.service.state().version).toBe(first);
    expect(t.published('session.onDidChange')).toEqual([]);
    await t.dispatch('account.signIn', { method: 'demo' });
    const signedIn = t.service.state();
    expect(signedIn.version).toBeGreaterThan(first);
    expect(signedIn.account.state).toBe('active');
    expect(t.demo.starts).toBe(1);
    expect(t.core.signIns[0]).toMatchObject({ kind: 'password', email: 'owner@demo.nevent.local', demo: true });
  });

  it('names the active tenant once the list is loaded (never made up before), and remembers it as recent', async () => {
    const t = await createTestService();
    await t.dispatch('account.signIn', { method: 'demo' });
    await t.until((e) => e.channel === 'session.onDidChange' && (e.payload as AppState).tenants.count === 3);
    expect(t.service.state().desktop.activeTenant).toMatchObject({ id: 't-root', name: 'Acme Group' });
    expect(t.service.state().tenants).toMatchObject({ count: 3, recent: [{ id: 't-root', name: 'Acme Group' }] });
    const unnamed = (t.published('session.onDidChange') as AppState[]).filter((s) => s.desktop.activeTenant !== null && s.desktop.activeTenant.name === null);
    // Before the list: the name is null (the window shows the id), not the id passed off as a name.
    for (const state of unnamed) expect(state.tenants.recent).toEqual([]);
  });

  it('one desktop switch: one chooseTenant, one app-state publish, and the new tenant\'s segments pushed', async () => {
    const t = await createTestService();
    await t.dispatch('account.signIn', { method: 'demo' });
    await t.until((e) => e.channel === 'segments.onDidChange' && (e.payload as DesktopSegments).status === 'ready');
    const before = { states: t.published('session.onDidChange').length, segments: t.published('segments.onDidChange').length, choose: t.core.chooseTenantCalls };

    expect(await t.dispatch('tenants.switch', { tenantId: 't-east' })).toMatchObject({ ok: true });
    await t.until((e) => e.channel === 'segments.onDidChange' && (e.payload as DesktopSegments).tenantId === 't-east' && (e.payload as DesktopSegments).status === 'ready');

    expect(t.core.chooseTenantCalls - before.choose).toBe(1);
    const states = t.published('session.onDidChange').slice(before.states) as AppState[];
    expect(states).toHaveLength(1);
    expect(states[0]).toMatchObject({ desktop: { activeTenant: { id: 't-east', name: 'Acme East' } }, tenants: { recent: [{ id: 't-east' }, { id: 't-root' }] } });
    // Segments: the new tenant's part (loading), then its answer; the window asks for nothing.
    const segments = t.published('segments.onDidChange').slice(before.segments) as DesktopSegments[];
    // (The list and the criteria answer separately: one or two pushes after the first.)
    expect(segments.map((s) => [s.tenantId, s.status, s.criteriaStatus])[0]).toEqual(['t-east', 'loading', 'loading']);
    expect(segments.map((s) => [s.tenantId, s.status, s.criteriaStatus]).at(-1)).toEqual(['t-east', 'ready', 'ready']);
    expect(segments.length).toBeLessThanOrEqual(3);
  });

  it('a segment written by any session in the desktop tenant is pushed into the list', async () => {
    const t = await createTestService();
    await t.dispatch('account.signIn', { method: 'demo' });
    await t.until((e) => e.channel === 'segments.onDidChange' && (e.payload as DesktopSegments).status === 'ready');
    const ai = t.core.connectMcp('claude-ai');
    const definition = { stanzas: [{ id: 's1', criteria: [{ id: 'c1', criterion_id: 'city', operator: 'eq', value: 'Bilbao' }] }] };
    await ai.createSegment({ name: 'Written by the AI', definition });
    await t.until((e) => e.channel === 'segments.onDidChange' && (e.payload as DesktopSegments).segments.some((s) => s.name === 'Written by the AI'));
    // Another tenant's write does not touch the desktop's list.
    await ai.switchTenant('t-east');
    await ai.createSegment({ name: 'Elsewhere', definition });
    expect(t.service.segments().segments.map((s) => s.name)).toEqual(['Written by the AI']);
  });

  it('notifies on a desktop switch and warns only when the sign-in ends by itself', async () => {
    const t = await createTestService();
    await t.dispatch('account.signIn', { method: 'demo' });
    await t.until((e) => e.channel === 'session.onDidChange' && (e.payload as AppState).tenants.count === 3);
    await t.dispatch('tenants.switch', { tenantId: 't-east' });
    t.core.expire();
    await t.until((e) => e.channel === 'notifications.onDidNotify' && (e.payload as { title: string }).title === 'Signed out');
    const notes = t.published('notifications.onDidNotify') as Array<{ title: string; level: string }>;
    expect(notes).toEqual([expect.objectContaining({ title: 'Switched to Acme East', level: 'success' }), expect.objectContaining({ title: 'Signed out', level: 'warning' })]);
    await t.dispatch('account.signIn', { method: 'demo' });
    await t.dispatch('account.signOut', undefined);
    // A sign-out the person asked for is not news: the state says it.
    expect(t.service.state().account.state).toBe('signedOut');
    expect(t.published('notifications.onDidNotify')).toHaveLength(2);
  });

  it('keeps a failed switch in the state, with where it went, until the next success', async () => {
    const t = await createTestService();
    await t.dispatch('account.signIn', { method: 'demo' });
    await t.dispatch('tenants.switch', { tenantId: 't-west' });
    expect(t.service.state().desktop).toMatchObject({ activeTenant: { id: 't-root' }, lastSwitchError: { code: 'tenant_forbidden' }, lastSwitchTarget: 't-west' });
    await t.dispatch('tenants.switch', { tenantId: 't-east' });
    expect(t.service.state().desktop).toMatchObject({ lastSwitchError: null, lastSwitchTarget: null });
  });

  it('a mode change is one event: the app state, the audit log and the saved setting', async () => {
    const t = await createTestService();
    expect(await t.dispatch('mcp.setMode', { mode: 'STANDARD' })).toEqual({ ok: true, value: { mode: 'STANDARD' } });
    expect(t.mode.get()).toBe('STANDARD');
    expect(t.preferences.savedMode()).toBe('STANDARD');
    expect(t.service.state().operationMode).toBe('STANDARD');
    expect(t.bridge.entries.map((e) => `${e.kind}:${e.name}`)).toEqual(['mode:READ_ONLY → STANDARD']);
    // Setting the mode it already has changes nothing and records nothing.
    await t.dispatch('mcp.setMode', { mode: 'STANDARD' });
    expect(t.bridge.entries).toHaveLength(1);
    // An edit of the settings file is the same change.
    t.mode.set('FULL', 'settings file');
    expect(t.service.state().operationMode).toBe('FULL');
    expect(t.bridge.entries.map((e) => `${e.name}:${e.clientName}`)).toEqual(['READ_ONLY → STANDARD:app', 'STANDARD → FULL:settings file']);
  });
});
