/** How the audit log reads an entry: what happened, who did it and where, in words (pure). */
import type { Translator } from '../../src-shared/i18n/translator';
import { modeText } from '../../src-shared/i18n/words';
import { OperationModeSchema, type AuditArgShape, type AuditEntry } from '../../src-shared/session';
import { toolTitle, toolWords } from './tool-words';

export { toolWords };

/** What happened: "Switched tenant", "Moved by you", "List segments". */
export function auditActionText(t: Translator, entry: AuditEntry): string {
  const ok = entry.result === 'ok';
  switch (entry.kind) {
    case 'tool':
      return toolTitle(t, entry.name, entry.title ?? toolWords(entry.name));
    case 'switch':
      return t.formatMessage({ id: ok ? 'audit.action.switched' : 'audit.action.triedSwitch' });
    case 'reset':
      return t.formatMessage({ id: ok ? 'audit.action.reset' : 'audit.action.triedReset' });
    case 'move':
      return t.formatMessage({ id: 'audit.action.moved' });
    case 'mode':
      return t.formatMessage({ id: 'audit.action.mode' });
  }
}

/** A mode change's `FROM → TO` in the panel's words ("Read only → Standard"). */
export function modeChangeText(t: Translator, name: string): string {
  return name
    .split('→')
    .map((part) => {
      const mode = OperationModeSchema.safeParse(part.trim());
      return mode.success ? modeText(t, mode.data) : part.trim();
    })
    .join(' → ');
}

/** Where it happened: the tenant a call ran in, or "From → To" for a switch, reset or move. */
export function auditTenantText(t: Translator, entry: AuditEntry, nameOf: (tenantId: string) => string): string {
  if (entry.kind === 'mode') return t.formatMessage({ id: 'audit.everySession' });
  const target = entry.targetTenantId ?? (entry.kind === 'tool' ? null : entry.tenantId);
  if (entry.kind !== 'tool' && target !== null && target !== undefined) {
    const from = entry.fromTenantId ?? null;
    return from === null || from === target ? nameOf(target) : `${nameOf(from)} → ${nameOf(target)}`;
  }
  return entry.tenantId === null ? '—' : nameOf(entry.tenantId);
}

/** Who did it: the AI client, the desktop, or the person (mode changes from the app or its settings file). */
export function auditClientText(t: Translator, entry: AuditEntry, isDesktopSession: boolean): string {
  if (entry.kind === 'mode') return t.formatMessage({ id: entry.clientName === 'settings file' ? 'audit.client.settingsFile' : 'audit.client.you' });
  if (isDesktopSession) return t.formatMessage({ id: 'audit.client.desktop' });
  return entry.clientName ?? t.formatMessage({ id: 'audit.client.unnamed' });
}

/** An argument shown by its shape, in words ("(texto, 35 caracteres)", "2 grupos, 3 condiciones"). */
export function argShapeText(t: Translator, shape: AuditArgShape): string {
  switch (shape.kind) {
    case 'hidden':
      return t.formatMessage({ id: 'audit.arg.hidden' });
    case 'text':
      return t.formatMessage({ id: 'audit.arg.text' }, { length: shape.length });
    case 'items':
      return t.formatMessage({ id: 'audit.arg.items' }, { count: shape.count });
    case 'fields':
      return t.formatMessage({ id: 'audit.arg.fields' }, { count: shape.count });
    case 'definition':
      return shape.groups === 0 ? t.formatMessage({ id: 'audit.arg.everyFan' }) : t.formatMessage({ id: 'audit.arg.definition' }, { groups: shape.groups, conditions: shape.conditions });
    case 'more':
      return t.formatMessage({ id: 'audit.arg.more' }, { listed: shape.listed, more: shape.more });
  }
}

/** The arguments as `key: value` pairs (older entries only had keys; shapes in the window's words). */
export function auditArgsText(t: Translator, entry: AuditEntry): { key: string; value: string | null }[] {
  if (entry.kind === 'mode') return [{ key: 'mode', value: modeChangeText(t, entry.name) }];
  if (entry.args !== undefined) return entry.args.map((arg) => ({ key: arg.key, value: arg.shape === undefined ? arg.value : argShapeText(t, arg.shape) }));
  return entry.argKeys.map((key) => ({ key, value: null }));
}

/** The result as a short word: "OK", or the error code in words ("operation not permitted"). */
export function auditResultText(t: Translator, entry: AuditEntry): string {
  return entry.result === 'ok' ? t.formatMessage({ id: 'audit.result.ok' }) : t.formatMessage({ id: 'audit.result.code' }, { code: entry.result, other: entry.result.replace(/_/g, ' ') });
}
