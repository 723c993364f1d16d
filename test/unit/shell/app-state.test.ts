/** Pure and in-memory parts of the app layer: audit paging, preferences, and the versioned state snapshot. */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src-shared/session';
import { queryAudit } from '../../../src-main/app/audit-query';
import { MemoryJsonStore } from '../../../src-main/app/file-json-store';
import { Preferences } from '../../../src-main/app/preferences';
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

  it('filters by session, result and name', () => {
    expect(queryAudit(entries, { sessionId: 'a' }).entries.every((e) => e.sessionId === 'a')).toBe(true);
    expect(queryAudit(entries, { result: 'error' }).entries.map((e) => e.seq)).toEqual([7]);
    expect(queryAudit(entries, { result: 'tenant_mismatch' }).entries.map((e) => e.seq)).toEqual([7]);
    expect(queryAudit(entries, { name: 'GET_SEG' }).entries.map((e) => e.seq)).toEqual([7]);
  });
});

describe('preferences', () => {
  const defaults = { operationMode: 'READ_ONLY' as const, apiUrl: 'https://api.example', dataApiUrl: null };

  it('keeps recent tenants most recent first, without duplicates, at most eight', async () => {
    const prefs = new Preferences(new MemoryJsonStore(), defaults);
    for (let i = 0; i < 10; i += 1) prefs.touchRecent('u1', { id: `t${i}`, name: `T${i}` });
    prefs.touchRecent('u1', { id: 't5', name: 'T5' });
    expect(prefs.shortcuts('u1').recent.map((t) => t.id)).toEqual(['t5', 't9', 't8', 't7', 't6', 't4', 't3', 't2']);
    expect(prefs.shortcuts('u2').recent).toEqual([]);
  });

  it('persists settings and pins, and reads them back', async () => {
    const store = new MemoryJsonStore();
    const prefs = new Preferences(store, defaults);
    prefs.updateSettings({ operationMode: 'FULL', dataApiUrl: 'https://data.example' });
    prefs.setPinned('u1', { id: 't1', name: 'One' }, true);
    await prefs.flush();
    const again = new Preferences(store, defaults);
    await again.load();
    expect(again.settings()).toEqual({ apiUrl: 'https://api.example', dataApiUrl: 'https://data.example', operationMode: 'FULL' });
    expect(again.shortcuts('u1').pinned).toEqual([{ id: 't1', name: 'One' }]);
  });

  it('treats a damaged file as empty', async () => {
    const prefs = new Preferences(new MemoryJsonStore({ settings: { operationMode: 'GOD' }, users: 'nope' }), defaults);
    await prefs.load();
    expect(prefs.settings().operationMode).toBe('READ_ONLY');
  });
});

describe('app state snapshot', () => {
  it('bumps the version only when something changed', async () => {
    const t = await createTestService();
    const first = t.service.state().version;
    expect(t.service.publish().version).toBe(first);
    await t.dispatch('account.signIn', { method: 'demo' });
    const signedIn = t.service.state();
    expect(signedIn.version).toBeGreaterThan(first);
    expect(signedIn.account.state).toBe('signed_in');
    expect(t.demo.starts).toBe(1);
    expect(t.core.signIns[0]).toMatchObject({ kind: 'password', email: 'owner@demo.nevent.local', demo: true });
  });

  it('names the active tenant once the list is loaded, and remembers it as recent', async () => {
    const t = await createTestService();
    await t.dispatch('account.signIn', { method: 'demo' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(t.service.state().desktop.activeTenant).toMatchObject({ id: 't-root', name: 'Acme Group' });
    expect(t.service.state().tenants).toMatchObject({ count: 3, recent: [{ id: 't-root', name: 'Acme Group' }] });
  });

  it('notifies on a desktop switch and warns when the sign-in ends by itself', async () => {
    const t = await createTestService();
    await t.dispatch('account.signIn', { method: 'demo' });
    await t.dispatch('tenants.switch', { tenantId: 't-east' });
    t.core.expire();
    const notes = t.emitted.filter((e) => e.channel === 'notifications.onDidNotify').map((e) => (e.payload as { title: string; level: string }));
    expect(notes).toEqual([expect.objectContaining({ title: 'Switched to Acme East', level: 'success' }), expect.objectContaining({ title: 'Signed out', level: 'warning' })]);
    await t.dispatch('account.signIn', { method: 'demo' });
    await t.dispatch('account.signOut', undefined);
    expect(t.emitted.filter((e) => e.channel === 'notifications.onDidNotify')).toHaveLength(2);
  });

  it('records a failed switch in the state and clears it on the next success', async () => {
    const t = await createTestService();
    await t.dispatch('account.signIn', { method: 'demo' });
    await t.dispatch('tenants.switch', { tenantId: 't-west' });
    expect(t.service.state().desktop.lastSwitchError).toMatchObject({ code: 'tenant_forbidden' });
    await t.dispatch('tenants.switch', { tenantId: 't-east' });
    expect(t.service.state().desktop.lastSwitchError).toBeNull();
  });
});
