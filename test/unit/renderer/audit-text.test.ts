import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src-shared/session';
import { auditActionText, auditArgsText, auditClientText, auditResultText, auditTenantText, modeChangeText, toolWords } from '../../../src-renderer/lib/audit-text';

const entry = (patch: Partial<AuditEntry>): AuditEntry => ({ seq: 1, at: '2026-01-01T00:00:00Z', sessionId: 'm1', clientName: 'claude', kind: 'tool', name: 'nevent_list_segments', tenantId: 't1', argKeys: [], result: 'ok', durationMs: 3, ...patch });
const names: Record<string, string> = { t1: 'Acme Group', t2: 'Acme Madrid' };
const nameOf = (id: string): string => names[id] ?? id;

describe('audit log words', () => {
  it('names actions as a person would', () => {
    expect(auditActionText(entry({ title: 'List segments' }))).toBe('List segments');
    expect(auditActionText(entry({ name: 'nevent_get_active_tenant' }))).toBe('Get active tenant');
    expect(auditActionText(entry({ kind: 'switch', name: 'nevent_switch_tenant' }))).toBe('Switched tenant');
    expect(auditActionText(entry({ kind: 'switch', name: 'nevent_switch_tenant', result: 'tenant_forbidden' }))).toBe('Tried to switch tenant');
    expect(auditActionText(entry({ kind: 'move', name: 'move' }))).toBe('Moved by you');
    expect(auditActionText(entry({ kind: 'mode', name: 'READ_ONLY → STANDARD' }))).toBe('Changed the operation mode');
    expect(toolWords('nevent_')).toBe('nevent_');
  });

  it('shows where a switch went from and to, and the tenant of a call', () => {
    expect(auditTenantText(entry({ kind: 'switch', fromTenantId: 't1', targetTenantId: 't2', tenantId: 't2' }), nameOf)).toBe('Acme Group → Acme Madrid');
    // A refused switch still names the tenant asked for.
    expect(auditTenantText(entry({ kind: 'switch', fromTenantId: 't1', targetTenantId: 't9', tenantId: 't1', result: 'tenant_forbidden' }), nameOf)).toBe('Acme Group → t9');
    expect(auditTenantText(entry({ tenantId: 't2' }), nameOf)).toBe('Acme Madrid');
    expect(auditTenantText(entry({ tenantId: null }), nameOf)).toBe('—');
    expect(auditTenantText(entry({ kind: 'mode', tenantId: null }), nameOf)).toBe('Every AI session');
  });

  it('reads mode changes, clients, arguments and results', () => {
    expect(modeChangeText('READ_ONLY → FULL')).toBe('Read only → Full');
    expect(auditArgsText(entry({ kind: 'mode', name: 'STANDARD → READ_ONLY' }))).toEqual([{ key: 'mode', value: 'Standard → Read only' }]);
    expect(auditArgsText(entry({ argKeys: ['search'] }))).toEqual([{ key: 'search', value: null }]);
    expect(auditArgsText(entry({ argKeys: ['search'], args: [{ key: 'search', value: 'vip' }] }))).toEqual([{ key: 'search', value: 'vip' }]);
    expect(auditClientText(entry({ kind: 'mode', clientName: 'Nevent Companion' }), false)).toBe('You');
    expect(auditClientText(entry({ kind: 'mode', clientName: 'settings file' }), false)).toBe('Settings file');
    expect(auditClientText(entry({ clientName: null }), true)).toBe('Desktop');
    expect(auditClientText(entry({ clientName: null }), false)).toBe('Unnamed client');
    expect(auditResultText(entry({ result: 'operation_not_permitted' }))).toBe('operation not permitted');
    expect(auditResultText(entry({}))).toBe('OK');
  });
});
