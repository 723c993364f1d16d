/** Filters the audit log for the MCP panel: newest first, paged by `seq`. Pure. */
import { auditMatches } from '../../src-shared/audit-match';
import type { AuditPage, AuditQuery } from '../../src-shared/ipc';
import type { AuditEntry } from '../../src-shared/session';

/** Default page size. */
export const defaultAuditLimit = 100;

function matches(entry: AuditEntry, query: AuditQuery): boolean {
  return (query.beforeSeq === undefined || entry.seq < query.beforeSeq) && auditMatches(entry, query);
}

/** One page of matching entries, newest first. */
export function queryAudit(entries: readonly AuditEntry[], query: AuditQuery): AuditPage {
  const limit = query.limit ?? defaultAuditLimit;
  const page: AuditEntry[] = [];
  let more = false;
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const entry = entries[i] as AuditEntry;
    if (!matches(entry, query)) continue;
    if (page.length === limit) {
      more = true;
      break;
    }
    page.push(entry);
  }
  const last = page[page.length - 1];
  return { entries: page, nextBeforeSeq: more && last !== undefined ? last.seq : null };
}
