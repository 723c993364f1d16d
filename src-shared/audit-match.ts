/** The audit log's filters as one rule: main applies it to a query, the renderer to live entries. */
import type { AuditQuery } from './ipc';
import type { AuditEntry } from './session';
import { foldText } from './text-fold';

/** True when `entry` passes every filter of `query` except paging (`beforeSeq`, `limit`). */
export function auditMatches(entry: AuditEntry, query: AuditQuery): boolean {
  if (query.sessionId !== undefined && entry.sessionId !== query.sessionId) return false;
  if (query.tenantId !== undefined && entry.tenantId !== query.tenantId) return false;
  if (query.kind !== undefined && entry.kind !== query.kind) return false;
  if (query.domain !== undefined && entry.domain !== query.domain) return false;
  if (query.result === 'error' && entry.result === 'ok') return false;
  if (query.result !== undefined && query.result !== 'error' && entry.result !== query.result) return false;
  if (query.name !== undefined && query.name !== '') {
    // The filter box reads "Action": a tool's name or its title ("switch", "List segments") both match,
    // case and accents aside (text-fold.ts); so do the tools whose words in the window's language match
    // (the window names them in `nameIn`: "listar" finds "List segments" for a Spanish reader).
    const wanted = foldText(query.name);
    if (!foldText(entry.name).includes(wanted) && !foldText(entry.title ?? '').includes(wanted) && !(query.nameIn ?? []).includes(entry.name)) return false;
  }
  return true;
}
