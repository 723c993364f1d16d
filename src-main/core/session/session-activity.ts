/**
 * What a session's snapshot tells about its client and its use, beside its tenant: the MCP client's name
 * and version from `initialize`, when it started, its last tool and how many calls it made. The sessions
 * panel shows these; nothing decides on them.
 */
import type { SessionSnapshot } from '../../../src-shared/session';

/** The activity fields of a session's snapshot. */
export type SessionActivityFields = Pick<SessionSnapshot, 'clientName' | 'clientVersion' | 'createdAt' | 'lastToolCall' | 'callCount'>;

/** One session's client and use, as its snapshot shows them. */
export class SessionActivity {
  private clientName: string | null;
  private clientVersion: string | null;
  private lastToolCall: string | null = null;
  private callCount = 0;

  constructor(
    private readonly createdAt: string,
    client?: { name: string | null; version: string | null },
  ) {
    this.clientName = client?.name ?? null;
    this.clientVersion = client?.version ?? null;
  }

  setClient(info: { name: string | null; version: string | null }): void {
    this.clientName = info.name;
    this.clientVersion = info.version;
  }

  recordToolCall(name: string): void {
    this.lastToolCall = name;
    this.callCount += 1;
  }

  fields(): SessionActivityFields {
    return { clientName: this.clientName, clientVersion: this.clientVersion, createdAt: this.createdAt, lastToolCall: this.lastToolCall, callCount: this.callCount };
  }
}
