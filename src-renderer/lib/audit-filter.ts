/** The audit log's filters, applied to live entries the same way main applies them to a query. */
import type { AuditEntry } from '../../src-shared/session';
import type { AuditQuery } from '../../src-shared/ipc';

/** True when `entry` passes every filter of `query`. */
export function auditMatches(entry: AuditEntry, query: AuditQuery): boolean {
  if (query.sessionId !== undefined && entry.sessionId !== query.sessionId) return false;
  if (query.tenantId !== undefined && entry.tenantId !== query.tenantId) return false;
  if (query.kind !== undefined && entry.kind !== query.kind) return false;
  if (query.result === 'error' && entry.result === 'ok') return false;
  if (query.result !== undefined && query.result !== 'error' && entry.result !== query.result) return false;
  if (query.name !== undefined && query.name !== '' && !entry.name.toLowerCase().includes(query.name.toLowerCase())) return false;
  return true;
}

/** Adds a live entry to a newest-first list: no duplicates (by `seq`), order kept, at most `cap` kept. */
export function prependAudit(entries: readonly AuditEntry[], entry: AuditEntry, cap = 1000): AuditEntry[] {
  if (entries.some((e) => e.seq === entry.seq)) return entries as AuditEntry[];
  const out = [...entries];
  let at = 0;
  while (at < out.length && (out[at] as AuditEntry).seq > entry.seq) at++;
  out.splice(at, 0, entry);
  return out.length > cap ? out.slice(0, cap) : out;
}
