/** How the audit log reads an entry: what happened, who did it and where, in words (pure). */
import type { AuditEntry, OperationMode } from '../../src-shared/session';

const modeLabels: Record<OperationMode, string> = { READ_ONLY: 'Read only', STANDARD: 'Standard', FULL: 'Full' };

/** "nevent_list_segments" → "List segments", for entries recorded without a title. */
export function toolWords(name: string): string {
  const words = name.replace(/^nevent_/, '').replace(/_/g, ' ').trim();
  return words === '' ? name : `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/** What happened: "Switched tenant", "Moved by you", "List segments". */
export function auditActionText(entry: AuditEntry): string {
  const ok = entry.result === 'ok';
  switch (entry.kind) {
    case 'tool':
      return entry.title ?? toolWords(entry.name);
    case 'switch':
      return ok ? 'Switched tenant' : 'Tried to switch tenant';
    case 'reset':
      return ok ? 'Went back to its home tenant' : 'Tried to go back to its home tenant';
    case 'move':
      return 'Moved by you';
    case 'mode':
      return 'Changed the operation mode';
  }
}

/** A mode change's `FROM → TO` in the panel's words ("Read only → Standard"). */
export function modeChangeText(name: string): string {
  return name
    .split('→')
    .map((part) => modeLabels[part.trim() as OperationMode] ?? part.trim())
    .join(' → ');
}

/** Where it happened: the tenant a call ran in, or "From → To" for a switch, reset or move. */
export function auditTenantText(entry: AuditEntry, nameOf: (tenantId: string) => string): string {
  if (entry.kind === 'mode') return 'Every AI session';
  const target = entry.targetTenantId ?? (entry.kind === 'tool' ? null : entry.tenantId);
  if (entry.kind !== 'tool' && target !== null && target !== undefined) {
    const from = entry.fromTenantId ?? null;
    return from === null || from === target ? nameOf(target) : `${nameOf(from)} → ${nameOf(target)}`;
  }
  return entry.tenantId === null ? '—' : nameOf(entry.tenantId);
}

/** Who did it: the AI client, the desktop, or the person (mode changes from the app or its settings file). */
export function auditClientText(entry: AuditEntry, isDesktopSession: boolean): string {
  if (entry.kind === 'mode') return entry.clientName === 'settings file' ? 'Settings file' : 'You';
  if (isDesktopSession) return 'Desktop';
  return entry.clientName ?? 'Unnamed client';
}

/** The arguments as `key: value` pairs (older entries only had keys). */
export function auditArgsText(entry: AuditEntry): { key: string; value: string | null }[] {
  if (entry.kind === 'mode') return [{ key: 'mode', value: modeChangeText(entry.name) }];
  if (entry.args !== undefined) return entry.args;
  return entry.argKeys.map((key) => ({ key, value: null }));
}

/** The result as a short word: "OK" or the error code in words ("operation not permitted"). */
export function auditResultText(entry: AuditEntry): string {
  return entry.result === 'ok' ? 'OK' : entry.result.replace(/_/g, ' ');
}
