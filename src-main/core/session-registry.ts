/**
 * All tenant sessions of the signed-in account: the desktop session (window + tray) and any number of
 * MCP sessions. A new MCP session starts from a copy of the desktop's current tokens, so it
 * starts in the desktop's active tenant and that tenant is its home. Without a desktop (standalone
 * `nevent-companion mcp`, or `serve` before a window) sessions start from the account's credential.
 *
 *   account.onDidSignIn ──> desktop session created (desktop mode)
 *   openMcpSession() ─────> session from desktop.credential (or the account's) ──> onDidCreateSession
 *   session.onDidChange ──> onDidChangeSession           moveSession(id, t) ──> that session switches
 *   closeSession(id) / account.onDidSignOut ──> session.end() ──> onDidEndSession
 */
import type { Segment } from '../../src-shared/api';
import type { SessionSnapshot } from '../../src-shared/session';
import type { Account, SignedInContext } from './account';
import type { CoreSession } from './core-session';
import { Emitter } from './emitter';
import { CoreError, type SwitchOutcome } from './tenant-session';

/** A change in the set of sessions or in one of them. */
export type SessionRegistryEvent =
  | { type: 'created'; snapshot: SessionSnapshot }
  | { type: 'changed'; snapshot: SessionSnapshot }
  | { type: 'ended'; snapshot: SessionSnapshot };

/** A segment one session wrote, in the tenant it was written in. */
export interface SegmentWrite {
  sessionId: string;
  tenantId: string;
  segment: Segment;
}

/** Registry options. */
export interface SessionRegistryOptions {
  /** Create the desktop session on every sign-in (the app and `serve`); false for standalone `mcp`. */
  desktop: boolean;
}

/** Client info recorded on a new MCP session. */
export interface McpClientInfo {
  name: string | null;
  version: string | null;
}

/** The sessions of one account. */
export class SessionRegistry {
  private readonly live = new Map<string, CoreSession>();
  private desktopSession: CoreSession | null = null;
  private readonly createdEmitter = new Emitter<SessionSnapshot>();
  private readonly changedEmitter = new Emitter<SessionSnapshot>();
  private readonly endedEmitter = new Emitter<SessionSnapshot>();
  private readonly anyEmitter = new Emitter<SessionRegistryEvent>();
  private readonly writeEmitter = new Emitter<SegmentWrite>();
  private readonly unsubscribe: (() => void)[];

  /** A session was created. */
  readonly onDidCreateSession = this.createdEmitter.event;
  /** A session's snapshot changed (switch started or ended, client info, tool calls). */
  readonly onDidChangeSession = this.changedEmitter.event;
  /** A session ended (closed, or the account signed out). */
  readonly onDidEndSession = this.endedEmitter.event;
  /** Every event above in one stream, in order. */
  readonly onDidChangeSessions = this.anyEmitter.event;
  /** Any session created or updated a segment. */
  readonly onDidWriteSegment = this.writeEmitter.event;

  constructor(
    private readonly account: Account,
    private readonly options: SessionRegistryOptions,
  ) {
    this.unsubscribe = [
      account.onDidSignIn((context) => {
        if (this.options.desktop) this.desktopSession = this.adopt(context.createSession('desktop', context.credential));
      }),
      account.onDidSignOut(() => this.endAll('signed_out')),
    ];
  }

  /** The desktop session, or null (signed out, or standalone mode). */
  get desktop(): CoreSession | null {
    return this.desktopSession;
  }

  /** Every live session, desktop first. */
  sessions(): CoreSession[] {
    return [...this.live.values()].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'desktop' ? -1 : 1));
  }

  /** Snapshots of every live session. */
  snapshots(): SessionSnapshot[] {
    return this.sessions().map((s) => s.snapshot());
  }

  /** A live session by id. */
  get(sessionId: string): CoreSession | null {
    return this.live.get(sessionId) ?? null;
  }

  /**
   * Opens an MCP session in the desktop's active tenant (or, standalone, the account's). Throws
   * `signed_out` when nobody is signed in.
   */
  openMcpSession(client?: McpClientInfo): CoreSession {
    const context = this.requireContext();
    const base = this.desktopSession?.closed === false ? this.desktopSession.credential : context.credential;
    return this.adopt(context.createSession('mcp', base, client));
  }

  /**
   * A desktop switch, from the window, the tray or the org-picker: the one path that moves the desktop
   * session and tells the account where the desktop now is (once). Choosing the tenant the desktop is
   * already in closes the picker without a request. On failure the error (a CoreError) is thrown and
   * nothing changed (the picker stays open).
   */
  async switchDesktop(tenantId: string | 'home'): Promise<SwitchOutcome> {
    const desktop = this.desktopSession;
    if (desktop === null) throw new CoreError('signed_out', 'there is no desktop session (signed out)');
    let outcome: SwitchOutcome;
    if (tenantId === 'home') outcome = await desktop.resetTenant();
    else if (desktop.activeTenantId === tenantId) outcome = { activeTenantId: tenantId, homeTenantId: desktop.homeTenantId, previousTenantId: tenantId };
    else outcome = await desktop.switchTenant(tenantId);
    this.account.chooseTenant();
    return outcome;
  }

  /** Moves one named session to another tenant (the desktop's sessions panel). */
  moveSession(sessionId: string, tenantId: string): Promise<SwitchOutcome> {
    const session = this.live.get(sessionId);
    if (session === undefined) return Promise.reject(new CoreError('not_found', `no session "${sessionId}"`, 'sessionId'));
    return session.moveTo(tenantId);
  }

  /** Ends one session; resolves to false when it did not exist. */
  closeSession(sessionId: string): boolean {
    const session = this.live.get(sessionId);
    if (session === undefined) return false;
    session.close();
    return true;
  }

  /** Ends every session and stops listening to the account. */
  dispose(): void {
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    this.endAll('closed');
    this.createdEmitter.dispose();
    this.changedEmitter.dispose();
    this.endedEmitter.dispose();
    this.anyEmitter.dispose();
    this.writeEmitter.dispose();
  }

  private requireContext(): SignedInContext {
    const context = this.account.context;
    if (context === null) throw new CoreError('signed_out', 'nobody is signed in: sign in in Nevent Companion or run `nevent-companion login`');
    return context;
  }

  private adopt(session: CoreSession): CoreSession {
    this.live.set(session.id, session);
    session.onDidChange((snapshot) => {
      this.changedEmitter.fire(snapshot);
      this.anyEmitter.fire({ type: 'changed', snapshot });
    });
    session.onDidWriteSegment(({ tenantId, value }) => this.writeEmitter.fire({ sessionId: session.id, tenantId, segment: value }));
    session.onDidEnd((snapshot) => {
      this.live.delete(session.id);
      if (session === this.desktopSession) this.desktopSession = null;
      this.endedEmitter.fire(snapshot);
      this.anyEmitter.fire({ type: 'ended', snapshot });
    });
    const snapshot = session.snapshot();
    this.createdEmitter.fire(snapshot);
    this.anyEmitter.fire({ type: 'created', snapshot });
    return session;
  }

  private endAll(reason: 'closed' | 'signed_out'): void {
    for (const session of [...this.live.values()]) session.end(reason);
  }
}
