import { afterEach, describe, expect, it } from 'vitest';
import { AuditEntrySchema } from '../../../src-shared/session';
import type { AuditEntry } from '../../../src-shared/session';
import { McpAuditLog, argKeysOf } from '../../../src-main/mcp/audit-log';
import { connect, failure, ok } from './harness';
import type { Harness } from './harness';

const base = { clientName: 'c', clientVersion: '1', kind: 'tool' as const, name: 'nevent_help', tenantId: 't', argKeys: [], result: 'ok' as const, durationMs: 1 };

describe('McpAuditLog', () => {
  it('keeps a bounded ring per session, numbers entries, and tells listeners', () => {
    const log = new McpAuditLog({ perSession: 3, now: () => new Date('2026-01-01T00:00:00Z') });
    const seen: AuditEntry[] = [];
    const stop = log.onDidAppend((entry) => seen.push(entry));
    for (let i = 0; i < 5; i += 1) log.record({ ...base, sessionId: 'a', name: `t${i}` });
    log.record({ ...base, sessionId: 'b' });
    expect(log.entries('a').map((e) => e.name)).toEqual(['t2', 't3', 't4']);
    expect(log.entries().map((e) => e.seq)).toEqual([3, 4, 5, 6]);
    expect(seen).toHaveLength(6);
    expect(AuditEntrySchema.parse(seen[0])).toMatchObject({ at: '2026-01-01T00:00:00.000Z', seq: 1 });
    stop();
    log.record({ ...base, sessionId: 'b' });
    expect(seen).toHaveLength(6);
  });

  it('forgets the oldest ended sessions beyond the session bound, never live ones', () => {
    const log = new McpAuditLog({ sessions: 2 });
    log.record({ ...base, sessionId: 'a' });
    log.record({ ...base, sessionId: 'b' });
    log.sessionEnded('a');
    log.record({ ...base, sessionId: 'c' });
    expect(log.entries('a')).toEqual([]);
    expect(log.entries('b')).toHaveLength(1);
    log.record({ ...base, sessionId: 'd' });
    expect(log.entries('b')).toHaveLength(1); // b is live: kept even above the bound
  });

  it('bounds the entries kept over all sessions, dropping the oldest first', () => {
    const log = new McpAuditLog({ perSession: 100, total: 5 });
    for (let i = 0; i < 4; i += 1) log.record({ ...base, sessionId: 'a', name: `a${i}` });
    for (let i = 0; i < 4; i += 1) log.record({ ...base, sessionId: `s${i}`, name: `s${i}` });
    expect(log.entries().map((e) => e.name)).toEqual(['a3', 's0', 's1', 's2', 's3']);
    log.sessionEnded('s0');
    log.record({ ...base, sessionId: 'a', name: 'a4' });
    expect(log.entries()).toHaveLength(5);
  });

  it('survives a throwing listener', () => {
    const log = new McpAuditLog();
    log.onDidAppend(() => {
      throw new Error('listener bug');
    });
    expect(() => log.record({ ...base, sessionId: 'a' })).not.toThrow();
  });

  it('records argument keys, bounded in number and length, never values', () => {
    expect(argKeysOf({ tenantId: 'secret-value', b: 1 })).toEqual(['tenantId', 'b']);
    expect(argKeysOf(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i])))).toHaveLength(32);
    expect(argKeysOf({ ['x'.repeat(500)]: 1 })[0]).toHaveLength(65);
    expect(argKeysOf(null)).toEqual([]);
    expect(argKeysOf([1, 2])).toEqual([]);
  });
});

describe('audit of MCP calls', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('records one entry per call: client, session, tenant, readable argument values, result code and duration', async () => {
    h = await connect('READ_ONLY');
    ok(await h.call('nevent_list_segments', { search: 'vip fans' }));
    failure(await h.call('nevent_create_segment', { name: 'Loyal', description: 'a private note about these fans', definition: { stanzas: [] } }));
    ok(await h.call('nevent_switch_tenant', { tenantId: 'tenant-a' }));
    failure(await h.call('nevent_switch_tenant', { tenantId: 'tenant-b' }));
    ok(await h.call('nevent_reset_tenant'));
    await h.session.moveTo('tenant-a');

    const entries = h.audit.entries('session-1');
    expect(entries.map((e) => `${e.kind}:${e.name}:${e.fromTenantId ?? '-'}>${e.targetTenantId ?? '-'}:${e.tenantId}:${e.result}`)).toEqual([
      'tool:nevent_list_segments:->-:tenant-root:ok',
      'tool:nevent_create_segment:->-:tenant-root:operation_not_permitted',
      'switch:nevent_switch_tenant:tenant-root>tenant-a:tenant-a:ok',
      'switch:nevent_switch_tenant:tenant-a>tenant-b:tenant-a:tenant_forbidden',
      'reset:nevent_reset_tenant:tenant-a>tenant-root:tenant-root:ok',
      'move:move:tenant-root>tenant-a:tenant-a:ok',
    ]);
    expect(entries[0]).toMatchObject({ clientName: 'test-client', clientVersion: '9.9.9', sessionId: 'session-1', title: 'List segments', argKeys: ['search'], args: [{ key: 'search', value: 'vip fans' }] });
    // Names and the definition's shape are shown; the description (free text) only by its size.
    expect(entries[1]?.args).toEqual([
      { key: 'name', value: 'Loyal' },
      { key: 'description', value: '(text, 31 characters)', shape: { kind: 'text', length: 31 } },
      { key: 'definition', value: 'every fan (no conditions)', shape: { kind: 'definition', groups: 0, conditions: 0 } },
    ]);
    expect(entries[3]?.args).toEqual([{ key: 'tenantId', value: 'tenant-b' }]);
    for (const entry of entries) {
      expect(AuditEntrySchema.safeParse(entry).success).toBe(true);
      expect(entry.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(JSON.stringify(entries)).not.toContain('private note');
  });

  it('names the tenant a call named, also when the call was refused before it ran', async () => {
    h = await connect('READ_ONLY');
    // Refused by the mode, by its input, and run: each entry is in the tenant the call named.
    failure(await h.call('nevent_create_segment', { name: 'Loyal', definition: { stanzas: [] }, tenant_id: 'tenant-a' }));
    failure(await h.call('nevent_get_segment', { segment_id: 'not an id', tenant_id: 'tenant-a' }));
    ok(await h.call('nevent_list_segments', { tenant_id: 'tenant-a' }));
    // What is not a tenant id names no tenant: the entry stays in the session's own.
    failure(await h.call('nevent_list_segments', { tenant_id: 'Child A' }));
    expect(h.audit.entries('session-1').map((e) => `${e.name}:${e.tenantId}:${e.result}`)).toEqual([
      'nevent_create_segment:tenant-a:operation_not_permitted',
      'nevent_get_segment:tenant-a:validation_failed',
      'nevent_list_segments:tenant-a:ok',
      'nevent_list_segments:tenant-root:invalid_request',
    ]);
  });
});
