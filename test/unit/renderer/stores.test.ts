import { describe, expect, it } from 'vitest';
import type { AppState, SessionList } from '../../../src-shared/ipc';
import type { AuditEntry } from '../../../src-shared/session';
import { auditMatches, prependAudit } from '../../../src-renderer/lib/audit-filter';
import { applyAppState, createAppStateStore } from '../../../src-renderer/stores/app-state-store';
import { appendLiveAudit, createAuditStore } from '../../../src-renderer/stores/audit-store';
import { applySessions, createSessionsStore } from '../../../src-renderer/stores/sessions-store';
import { upsertSegment } from '../../../src-shared/desktop-state';
import { buildTreeParts } from '../../../src-renderer/lib/catalog-parts';
import { assembleCatalog, buildCatalog } from '../../../src-renderer/lib/tenant-catalog';
import { tenantColumns } from '../../../src-shared/ipc';

function appState(version: number, tenantName: string): AppState {
  return {
    version,
    account: { state: 'active', user: { id: 'u', email: 'o@x', name: 'O', role: 'OWNER' }, apiUrl: null, dataApiUrl: null, demo: true, remembered: false, keychain: 'unknown', notice: null, error: null },
    desktop: { sessionId: 's', activeTenant: { id: 't1', name: tenantName, slug: 't1', role: 'OWNER', status: 'ACTIVE' }, homeTenantId: 't1', role: 'OWNER', lastSwitchError: null, lastSwitchTarget: null },
    tenants: { recent: [], pinned: [], count: 2 },
    bridge: { state: 'listening', socketPath: '/tmp/s', sessionCount: 0, error: null },
    operationMode: 'READ_ONLY',
  };
}

function entry(seq: number, patch: Partial<AuditEntry> = {}): AuditEntry {
  return { seq, at: '2026-01-01T00:00:00Z', sessionId: 'm1', clientName: 'claude', kind: 'tool', name: 'nevent_list_segments', tenantId: 't1', argKeys: [], result: 'ok', durationMs: 3, ...patch };
}

describe('mirrored stores', () => {
  it('apply app-state snapshots only when newer', () => {
    const store = createAppStateStore();
    applyAppState(store, appState(2, 'two'));
    applyAppState(store, appState(1, 'one'));
    applyAppState(store, appState(2, 'two again'));
    expect(store.getState().app?.desktop.activeTenant?.name).toBe('two');
    applyAppState(store, appState(3, 'three'));
    expect(store.getState().app?.version).toBe(3);
  });

  it('apply session lists only when newer', () => {
    const store = createSessionsStore();
    const list = (version: number, n: number): SessionList => ({
      version,
      sessions: Array.from({ length: n }, (_, i) => ({ id: `m${i}`, kind: 'mcp' as const, clientName: null, clientVersion: null, activeTenantId: 't1', homeTenantId: 't1', role: 'OWNER' as const, switchingTo: null, lastSwitchError: null, lastSwitchTarget: null, createdAt: '', lastToolCall: null, callCount: 0 })),
    });
    applySessions(store, list(5, 2));
    applySessions(store, list(4, 1));
    expect(store.getState().sessions).toHaveLength(2);
    applySessions(store, list(6, 0));
    expect(store.getState().sessions).toHaveLength(0);
  });

  it('adds live audit entries that pass the filters, newest first, once', () => {
    const store = createAuditStore();
    store.setState({ query: { result: 'error' }, entries: [entry(5, { result: 'conflict' })] });
    appendLiveAudit(store, entry(6));
    appendLiveAudit(store, entry(7, { result: 'tenant_mismatch' }));
    appendLiveAudit(store, entry(7, { result: 'tenant_mismatch' }));
    expect(store.getState().entries.map((e) => e.seq)).toEqual([7, 5]);
  });

  it('filters audit entries like the query does', () => {
    expect(auditMatches(entry(1), { name: 'SEGMENTS' })).toBe(true);
    expect(auditMatches(entry(1), { kind: 'switch' })).toBe(false);
    expect(auditMatches(entry(1, { result: 'not_found' }), { result: 'not_found' })).toBe(true);
    expect(auditMatches(entry(1), { sessionId: 'other' })).toBe(false);
    expect(auditMatches(entry(1), { tenantId: 't1', result: 'ok' })).toBe(true);
    expect(prependAudit([entry(9), entry(3)], entry(5)).map((e) => e.seq)).toEqual([9, 5, 3]);
    expect(prependAudit([entry(2), entry(1)], entry(3), 2).map((e) => e.seq)).toEqual([3, 2]);
  });

  it('upserts segments in place or at the top', () => {
    const seg = (id: string, revision: string) => ({ id, name: id, definition: { stanzas: [] }, revision });
    const list = [seg('a'.repeat(24), 'r1'), seg('b'.repeat(24), 'r1')];
    expect(upsertSegment(list, seg('b'.repeat(24), 'r2')).map((s) => s.revision)).toEqual(['r1', 'r2']);
    expect(upsertSegment(list, seg('c'.repeat(24), 'r1')).map((s) => s.id[0])).toEqual(['c', 'a', 'b']);
  });

  it('builds the tenant catalog once: index, tree and lookup agree', () => {
    const t = (id: string, parentId: string | null) => ({ id, name: id.toUpperCase(), parentId, level: parentId ? 1 : 0 });
    const catalog = buildCatalog({ tenants: tenantColumns([t('root', null), { ...t('kid', 'root'), status: 'INVITED' }]), role: 'OWNER', homeTenantId: 'root', activeTenantId: 'root', recent: [], pinned: [] });
    expect(catalog.get('kid')).toEqual({ id: 'kid', name: 'KID', parentId: 'root', status: 'INVITED' });
    expect(catalog.at(1)).toBe(catalog.get('kid'));
    expect(catalog.get('nobody')).toBeUndefined();
    expect([catalog.switchable(0), catalog.switchable(1)]).toEqual([true, false]);
    expect(Array.from(catalog.tree.childList)).toEqual([1]);
    expect(catalog.search?.text).toBe('root\n\nroot\u0000kid\n\nkid\u0000');
    expect(Array.from(catalog.find('KI'))).toEqual([1]);
    // Before the index arrives the catalog scans its columns: the same answers.
    const early = assembleCatalog(catalog.list, buildTreeParts(catalog.list.tenants));
    expect(early.search).toBeNull();
    expect(Array.from(early.find('KI'))).toEqual([1]);
    expect(Array.from(early.find('o'))).toEqual([0]);
    expect(Array.from(early.withSearch(catalog.search as NonNullable<typeof catalog.search>).find('o'))).toEqual([0]);
    expect(catalog.hue('kid')).not.toBe(catalog.hue('root'));
  });
});

describe('error wording', () => {
  it('ends switch failures with one full stop', async () => {
    const { switchErrorText, signInErrorText } = await import('../../../src-renderer/lib/error-text');
    const { englishWords: t } = await import('../../helpers/words');
    expect(switchErrorText(t, { code: 'api_error', message: 'Injected fault: the switch failed' })).toBe('Injected fault: the switch failed.');
    expect(switchErrorText(t, { code: 'api_error', message: 'Already a sentence.' })).toBe('Already a sentence.');
    expect(switchErrorText(t, { code: 'no_home_tenant', message: 'x' })).toBe('This sign-in has no home tenant to return to.');
    expect(signInErrorText(t, { code: 'authentication_failed', message: 'bad' }, null)).toBe('Wrong email or password.');
    expect(signInErrorText(t, { code: 'api_unavailable', message: 'ECONNREFUSED' }, 'http://127.0.0.1:9')).toContain('Could not reach http://127.0.0.1:9');
  });
});
