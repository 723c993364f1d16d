/**
 * The MCP audit log: every tool call and every switch, reset or move of an MCP session, kept in memory
 * per session in a bounded ring (and bounded over all sessions), with an `onDidAppend` event for the
 * desktop's MCP panel.
 * Entries carry argument keys and the values audit-args.ts lets through: never a secret or free text.
 */
import type { AuditEntry } from '../../src-shared/session';

/** What a caller records; the log adds `seq` and `at`. */
export type AuditRecord = Omit<AuditEntry, 'seq' | 'at'>;

/** Bounds of the log. */
export interface AuditLogOptions {
  /** Entries kept per session (oldest dropped first). */
  perSession?: number;
  /** Sessions kept; the oldest ended sessions are forgotten first. */
  sessions?: number;
  /** Entries kept over all sessions (oldest dropped first): bounds memory whatever the session count. */
  total?: number;
  /** Clock, for tests. */
  now?: () => Date;
}

const maxArgKeys = 32;
const maxKeyLength = 64;

/** Argument keys for an entry: bounded in number and length, since a client chooses them. */
export function argKeysOf(args: unknown): string[] {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return [];
  return Object.keys(args)
    .slice(0, maxArgKeys)
    .map((key) => (key.length > maxKeyLength ? `${key.slice(0, maxKeyLength)}…` : key));
}

/** In-memory, bounded audit log shared by every MCP session of one core. */
export class McpAuditLog {
  private readonly perSession: number;
  private readonly sessionLimit: number;
  private readonly totalLimit: number;
  private count = 0;
  private readonly now: () => Date;
  private readonly rings = new Map<string, AuditEntry[]>();
  private readonly ended = new Set<string>();
  private readonly listeners = new Set<(entry: AuditEntry) => void>();
  private seq = 0;

  constructor(options: AuditLogOptions = {}) {
    this.perSession = Math.max(1, options.perSession ?? 500);
    this.sessionLimit = Math.max(1, options.sessions ?? 100);
    this.totalLimit = Math.max(1, options.total ?? 5000);
    this.now = options.now ?? (() => new Date());
  }

  /** Appends an entry and tells the listeners. */
  record(record: AuditRecord): AuditEntry {
    this.seq += 1;
    const entry: AuditEntry = { ...record, argKeys: [...record.argKeys], ...(record.args === undefined ? {} : { args: record.args.map((arg) => ({ ...arg })) }), seq: this.seq, at: this.now().toISOString() };
    let ring = this.rings.get(entry.sessionId);
    if (ring === undefined) {
      ring = [];
      this.rings.set(entry.sessionId, ring);
      this.evictSessions();
    }
    ring.push(entry);
    this.count += 1;
    if (ring.length > this.perSession) this.count -= ring.splice(0, ring.length - this.perSession).length;
    while (this.count > this.totalLimit) this.dropOldest();
    for (const listener of [...this.listeners]) {
      try {
        listener(entry);
      } catch {
        // A failing listener must not break the tool call that is being recorded.
      }
    }
    return entry;
  }

  /** Entries of one session, or of all sessions in order, oldest first. */
  entries(sessionId?: string): AuditEntry[] {
    if (sessionId !== undefined) return [...(this.rings.get(sessionId) ?? [])];
    return [...this.rings.values()].flat().sort((a, b) => a.seq - b.seq);
  }

  /** Marks a session as ended: its entries stay visible until newer sessions push them out. */
  sessionEnded(sessionId: string): void {
    if (this.rings.has(sessionId)) this.ended.add(sessionId);
    this.evictSessions();
  }

  /** Fires after every appended entry; returns the unsubscribe function. */
  onDidAppend(listener: (entry: AuditEntry) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private dropOldest(): void {
    let oldest: AuditEntry[] | null = null;
    for (const ring of this.rings.values()) {
      if (ring.length > 0 && (oldest === null || (ring[0] as AuditEntry).seq < (oldest[0] as AuditEntry).seq)) oldest = ring;
    }
    if (oldest === null) return;
    oldest.shift();
    this.count -= 1;
  }

  private evictSessions(): void {
    // Map iteration is insertion order: the first ended sessions found are the oldest.
    for (const id of [...this.ended]) {
      if (this.rings.size <= this.sessionLimit) return;
      this.count -= this.rings.get(id)?.length ?? 0;
      this.rings.delete(id);
      this.ended.delete(id);
    }
  }
}
