/** The audit log as the MCP panel shows it: a filtered page from main plus live entries that match. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppErrorData } from '../../src-shared/errors';
import type { AuditQuery } from '../../src-shared/ipc';
import type { AuditEntry } from '../../src-shared/session';
import { auditMatches, prependAudit } from '../lib/audit-filter';

/** Audit state. */
export interface AuditState {
  query: AuditQuery;
  /** Newest first. */
  entries: AuditEntry[];
  nextBeforeSeq: number | null;
  loading: boolean;
  error: AppErrorData | null;
}

/** The audit store. */
export type AuditStore = StoreApi<AuditState>;

/** Creates the audit store. */
export function createAuditStore(): AuditStore {
  return createStore<AuditState>(() => ({ query: {}, entries: [], nextBeforeSeq: null, loading: false, error: null }));
}

/** Adds a live entry when it passes the current filters. */
export function appendLiveAudit(store: AuditStore, entry: AuditEntry): void {
  const { query, entries } = store.getState();
  if (!auditMatches(entry, query)) return;
  const next = prependAudit(entries, entry);
  if (next !== entries) store.setState({ entries: next });
}
