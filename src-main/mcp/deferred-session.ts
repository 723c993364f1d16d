/**
 * A tenant session that is still being opened: standalone `nevent-companion mcp` answers `initialize`
 * at once and signs in meanwhile (start-up), so the MCP server is built on this stand-in.
 *
 *   spawn ─> serve stdio (initialize answered) ─────────────> tools/call ─> gate ─> the real session
 *      └──> sign in (token check, tenant lookup) ─ opened ──────────────────────┘
 *                                                └ failed ─> every call: that failure, as authentication_error
 *
 * `gate()` is what the server awaits before any check of a call (its `unavailable` hook): null once the
 * session is open (synchronously, so the hot path pays nothing), the sign-in failure once it failed, a
 * promise while it is pending. Every operation also waits, so nothing can reach a session that is not there.
 */
import type { AppErrorData } from '../../src-shared/errors';
import type { SessionSnapshot } from '../../src-shared/session';
import type { ApiCall, SegmentQuery, SegmentUpdateOptions, SwitchOutcome, TenantScopedOperations, TenantSession } from '../core/tenant-session';
import { CoreError } from '../core/tenant-session';


/** How opening the session ended: the session, or the error every tool call answers with. */
export type OpenedSession = { ok: true; session: TenantSession } | { ok: false; failure: AppErrorData };

interface PendingSubscription {
  attach: (session: TenantSession) => () => void;
  detach: (() => void) | null;
  cancelled: boolean;
}

/** Stands in for the session `opening` resolves to (or answers every call with its failure). */
export class DeferredSession implements TenantSession {
  readonly kind = 'mcp' as const;
  /** Resolves once the sign-in has ended, either way (never rejects). */
  readonly settled: Promise<OpenedSession>;
  private outcome: OpenedSession | null = null;
  private clientInfo: { name: string | null; version: string | null } | null = null;
  private pendingSubscriptions: PendingSubscription[] = [];
  private closed = false;

  constructor(opening: Promise<OpenedSession>) {
    this.settled = opening.catch((): OpenedSession => ({ ok: false, failure: { code: 'internal_error', message: 'the sign-in stopped unexpectedly' } }));
    void this.settled.then((outcome) => {
      this.outcome = outcome;
      if (!outcome.ok) return;
      const { session } = outcome;
      if (this.clientInfo !== null) session.setClientInfo(this.clientInfo);
      // Listeners added before the sign-in ended move onto the session (their unsubscribe still works).
      for (const entry of this.pendingSubscriptions) if (!entry.cancelled) entry.detach = entry.attach(session);
      this.pendingSubscriptions = [];
      if (this.closed) session.close();
    });
  }

  /** null when calls may run; the sign-in failure; or a promise of either while signing in. */
  gate(): AppErrorData | null | Promise<AppErrorData | null> {
    if (this.outcome !== null) return this.outcome.ok ? null : this.outcome.failure;
    return this.settled.then((outcome) => (outcome.ok ? null : outcome.failure));
  }

  get id(): string {
    return this.outcome?.ok === true ? this.outcome.session.id : 'signing-in';
  }

  snapshot(): SessionSnapshot {
    if (this.outcome?.ok === true) return this.outcome.session.snapshot();
    // Before the sign-in: nothing is known yet (the server reads this only after `gate()`).
    return { id: this.id, kind: 'mcp', clientName: this.clientInfo?.name ?? null, clientVersion: this.clientInfo?.version ?? null, activeTenantId: null, homeTenantId: null, role: null, switchingTo: null, lastSwitchError: null, lastSwitchTarget: null, createdAt: new Date(0).toISOString(), lastToolCall: null, callCount: 0 };
  }

  onDidChange(listener: (snapshot: SessionSnapshot) => void): () => void {
    return this.subscribe((session) => session.onDidChange(listener));
  }

  onDidMove(listener: (outcome: SwitchOutcome) => void): () => void {
    return this.subscribe((session) => session.onDidMove(listener));
  }

  setClientInfo(info: { name: string | null; version: string | null }): void {
    this.clientInfo = info;
    if (this.outcome?.ok === true) this.outcome.session.setClientInfo(info);
  }

  recordToolCall(toolName: string): void {
    if (this.outcome?.ok === true) this.outcome.session.recordToolCall(toolName);
  }

  listTenants = () => this.opened().then((s) => s.listTenants());
  switchTenant = (tenantId: string) => this.opened().then((s) => s.switchTenant(tenantId));
  resetTenant = () => this.opened().then((s) => s.resetTenant());
  listSegments = (query: SegmentQuery) => this.opened().then((s) => s.listSegments(query));
  getSegment = (segmentId: string) => this.opened().then((s) => s.getSegment(segmentId));
  createSegment: TenantSession['createSegment'] = (input) => this.opened().then((s) => s.createSegment(input));
  updateSegment = (segmentId: string, input: Parameters<TenantSession['updateSegment']>[1], options?: SegmentUpdateOptions) => this.opened().then((s) => s.updateSegment(segmentId, input, options));
  previewSegment: TenantSession['previewSegment'] = (definition) => this.opened().then((s) => s.previewSegment(definition));
  segmentationCriteria = () => this.opened().then((s) => s.segmentationCriteria());
  listCampaigns: TenantSession['listCampaigns'] = (query) => this.opened().then((s) => s.listCampaigns(query));
  analyticsCapabilities = () => this.opened().then((s) => s.analyticsCapabilities());
  paidAdsStatus: TenantSession['paidAdsStatus'] = (provider) => this.opened().then((s) => s.paidAdsStatus(provider));
  callApi = (call: ApiCall) => this.opened().then((s) => s.callApi(call));
  pagedList: TenantSession['pagedList'] = (request) => this.opened().then((s) => s.pagedList(request));
  openScope = (tenantId?: string): Promise<TenantScopedOperations> => this.opened().then((s) => s.openScope(tenantId));

  /** Closes the session now, or as soon as the sign-in hands it over. */
  close(): void {
    this.closed = true;
    if (this.outcome?.ok === true) this.outcome.session.close();
  }

  private async opened(): Promise<TenantSession> {
    const outcome = this.outcome ?? (await this.settled);
    if (!outcome.ok) throw new CoreError(outcome.failure.code, outcome.failure.message, outcome.failure.param);
    return outcome.session;
  }

  /** Subscribes now, or once the session is there; the returned function unsubscribes in both cases. */
  private subscribe(attach: (session: TenantSession) => () => void): () => void {
    if (this.outcome?.ok === true) return attach(this.outcome.session);
    const entry: PendingSubscription = { attach, detach: null, cancelled: false };
    this.pendingSubscriptions.push(entry);
    return () => {
      entry.cancelled = true;
      entry.detach?.();
    };
  }
}
