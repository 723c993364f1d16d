import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src-shared/session';
import { auditActionText, auditArgsText, auditClientText, auditResultText, auditTenantText, modeChangeText, toolWords } from '../../../src-renderer/lib/audit-text';
import { englishWords as t, spanishWords } from '../../helpers/words';

const entry = (patch: Partial<AuditEntry>): AuditEntry => ({ seq: 1, at: '2026-01-01T00:00:00Z', sessionId: 'm1', clientName: 'claude', kind: 'tool', name: 'nevent_list_segments', tenantId: 't1', argKeys: [], result: 'ok', durationMs: 3, ...patch });
const names: Record<string, string> = { t1: 'Acme Group', t2: 'Acme Madrid' };
const nameOf = (id: string): string => names[id] ?? id;

describe('audit log words', () => {
  it('names actions as a person would', () => {
    expect(auditActionText(t, entry({ title: 'List segments' }))).toBe('List segments');
    // Recorded without a title: the catalog's title, or the name in words for a tool it does not know.
    expect(auditActionText(t, entry({ name: 'nevent_get_active_tenant' }))).toBe('Get the active tenant');
    expect(auditActionText(t, entry({ name: 'nevent_get_future_thing' }))).toBe('Get future thing');
    expect(auditActionText(t, entry({ kind: 'switch', name: 'nevent_switch_tenant' }))).toBe('Switched tenant');
    expect(auditActionText(t, entry({ kind: 'switch', name: 'nevent_switch_tenant', result: 'tenant_forbidden' }))).toBe('Tried to switch tenant');
    expect(auditActionText(t, entry({ kind: 'move', name: 'move' }))).toBe('Moved by you');
    expect(auditActionText(t, entry({ kind: 'mode', name: 'READ_ONLY → STANDARD' }))).toBe('Changed the operation mode');
    expect(toolWords('nevent_')).toBe('nevent_');
  });

  it('shows where a switch went from and to, and the tenant of a call', () => {
    expect(auditTenantText(t, entry({ kind: 'switch', fromTenantId: 't1', targetTenantId: 't2', tenantId: 't2' }), nameOf)).toBe('Acme Group → Acme Madrid');
    // A refused switch still names the tenant asked for.
    expect(auditTenantText(t, entry({ kind: 'switch', fromTenantId: 't1', targetTenantId: 't9', tenantId: 't1', result: 'tenant_forbidden' }), nameOf)).toBe('Acme Group → t9');
    expect(auditTenantText(t, entry({ tenantId: 't2' }), nameOf)).toBe('Acme Madrid');
    expect(auditTenantText(t, entry({ tenantId: null }), nameOf)).toBe('—');
    expect(auditTenantText(t, entry({ kind: 'mode', tenantId: null }), nameOf)).toBe('Every AI session');
  });

  it('reads mode changes, clients, arguments and results', () => {
    expect(modeChangeText(t, 'READ_ONLY → FULL')).toBe('Read only → Full');
    expect(auditArgsText(t, entry({ kind: 'mode', name: 'STANDARD → READ_ONLY' }))).toEqual([{ key: 'mode', value: 'Standard → Read only' }]);
    expect(auditArgsText(t, entry({ argKeys: ['search'] }))).toEqual([{ key: 'search', value: null }]);
    expect(auditArgsText(t, entry({ argKeys: ['search'], args: [{ key: 'search', value: 'vip' }] }))).toEqual([{ key: 'search', value: 'vip' }]);
    expect(auditClientText(t, entry({ kind: 'mode', clientName: 'Nevent Companion' }), false)).toBe('You');
    expect(auditClientText(t, entry({ kind: 'mode', clientName: 'settings file' }), false)).toBe('Settings file');
    expect(auditClientText(t, entry({ clientName: null }), true)).toBe('Desktop');
    expect(auditClientText(t, entry({ clientName: null }), false)).toBe('Unnamed client');
    expect(auditResultText(t, entry({ result: 'operation_not_permitted' }))).toBe('operation not permitted');
    expect(auditResultText(t, entry({}))).toBe('OK');
  });

  it('says it in Spanish too, tool titles included (the bridge keeps its English titles for the models)', () => {
    expect(auditActionText(spanishWords, entry({ title: 'List segments' }))).toBe('Listar segmentos');
    expect(auditActionText(spanishWords, entry({ name: 'nevent_some_future_tool', title: 'Some future tool' }))).toBe('Some future tool');
    expect(auditActionText(spanishWords, entry({ kind: 'switch', name: 'nevent_switch_tenant' }))).toBe('Cambió de organización');
    expect(modeChangeText(spanishWords, 'READ_ONLY → FULL')).toBe('Solo lectura → Completo');
    expect(auditTenantText(spanishWords, entry({ kind: 'mode', tenantId: null }), nameOf)).toBe('Todas las sesiones de IA');
    expect(auditClientText(spanishWords, entry({ kind: 'mode', clientName: 'Nevent Companion' }), false)).toBe('Tú');
    expect(auditResultText(spanishWords, entry({ result: 'operation_not_permitted' }))).toBe('operación no permitida');
    expect(auditResultText(spanishWords, entry({ result: 'keychain_timeout' }))).toBe('keychain timeout');
  });

  it('words the shapes of arguments it does not show (free text, secrets, definitions, long lists)', () => {
    const args = [
      { key: 'description', value: '(text, 31 characters)', shape: { kind: 'text', length: 31 } },
      { key: 'definition', value: '2 groups, 3 conditions', shape: { kind: 'definition', groups: 2, conditions: 3 } },
      { key: 'everyone', value: 'every fan (no conditions)', shape: { kind: 'definition', groups: 0, conditions: 0 } },
      { key: 'token', value: '(hidden)', shape: { kind: 'hidden' } },
      { key: 'ids', value: 'a, b, c, d +2 more', shape: { kind: 'more', listed: 'a, b, c, d', more: 2 } },
      { key: 'search', value: 'vip' },
    ] as const;
    const e = entry({ args: args.map((a) => ({ ...a })) as AuditEntry['args'] });
    expect(auditArgsText(spanishWords, e).map((a) => a.value)).toEqual(['(texto, 31 caracteres)', '2 grupos, 3 condiciones', 'todos los fans (sin condiciones)', '(oculto)', 'a, b, c, d y 2 más', 'vip']);
    // English reads as main's own words did.
    expect(auditArgsText(t, e).map((a) => a.value)).toEqual(args.map((a) => a.value));
  });
});
