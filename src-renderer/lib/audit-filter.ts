/** The audit log's live list: main's filter rule (src-shared/audit-match.ts) and newest-first insertion. */
import type { AuditEntry } from '../../src-shared/session';

export { auditMatches } from '../../src-shared/audit-match';

/** Adds a live entry to a newest-first list: no duplicates (by `seq`), order kept, at most `cap` kept. */
export function prependAudit(entries: readonly AuditEntry[], entry: AuditEntry, cap = 1000): AuditEntry[] {
  if (entries.some((e) => e.seq === entry.seq)) return entries as AuditEntry[];
  const out = [...entries];
  let at = 0;
  while (at < out.length && (out[at] as AuditEntry).seq > entry.seq) at++;
  out.splice(at, 0, entry);
  return out.length > cap ? out.slice(0, cap) : out;
}
