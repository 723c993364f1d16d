/**
 * The tenant session: one tenant context — the desktop's, or one MCP connection's —
 * with one credential cell and the caches of the tenant it is in. It does not send tenant-scoped
 * requests itself: every call opens a scope (tenant-scope.ts) that pins the credential the call runs
 * with, so a switch here never redirects a call already running (docs/tenant-isolation.md).
 *
 * Switch (serialized per session):
 *
 *   switchRequested ─> POST /users/tenant ─> verify token (tenant, exp, iss, signature) ─┐
 *        │                   │ fails                 │ fails                                │ all awaits done
 *        │                   v                       v                                      v
 *        │            switchFailed: token, tenant, caches untouched         one synchronous step:
 *        │                                                                   cell.replace + new caches
 *        └─ state `switching` (snapshot.switchingTo = to)                    + state active(claim)
 *
 * `activeTenantId` is always the `tenantId` claim of the credential in the cell: there is no second copy
 * that could drift from the token.
 */
import { randomUUID } from 'node:crypto';
import { firstIssue } from '../../src-shared/zod-issue';
import {
  TenantIdSchema,
  type AccessTokenClaims,
  type Capabilities,
  type Criterion,
  type PaidAdsStatus,
  type PaidMediaProvider,
  type Preview,
  type Segment,
  type SegmentCreate,
  type SegmentDefinition,
  type SegmentUpdate,
  type Tenant,
  type TokenPair,
} from '../../src-shared/api';
import type { SessionKind, SessionSnapshot } from '../../src-shared/session';
import { startedSession, transitionSession, type SessionEvent, type SessionState } from '../../src-shared/session-machine';
import { AuthorizedRequester, type Authorized } from './authorized-requester';
import type { CampaignListQuery } from './campaign-list';
import type { ListPage, PagedListRequest } from './list-pager';
import type { Clock } from './clock';
import { CredentialCell, tenantOf, type Credential } from './credential';
import { CredentialRenewer } from './credential-renewal';
import { DataClient, type ApiUrls } from './data-client';
import { Emitter } from './emitter';
import { asCoreError } from './error-data';
import type { HttpClient } from './http-client';
import { obtainScopedToken, PersistedTenant, type ScopedTokenDeps } from './scoped-token';
import { SegmentRevisions } from './segment-revisions';
import { SerialQueue } from './serial-queue';
import { parseInput } from './tenant-operations';
import { TenantCaches, TenantScope, type CredentialHome, type ScopeHost } from './tenant-scope';
import type { ApiCall, CampaignList, Scoped, SegmentQuery, SegmentUpdateOptions, SwitchOutcome, TenantSession, TenantsView } from './tenant-session';
import { CoreError } from './tenant-session';
import { TenantTokens } from './tenant-tokens';
import type { TokenBroker } from './token-broker';
import type { TokenVerifier } from './token-verifier';

/** What a session needs; assembled by the registry. */
export interface CoreSessionDeps {
  kind: SessionKind;
  credential: Credential;
  urls: ApiUrls;
  http: HttpClient;
  verifier: TokenVerifier;
  broker: TokenBroker;
  clock: Clock;
  id?: string;
  clientInfo?: { name: string | null; version: string | null };
  /** Where refused state transitions are reported (never silently dropped). */
  log?: (message: string) => void;
  /** The account's per-tenant token cache (docs/tenant-isolation.md); one of its own when absent. */
  tenantTokens?: TenantTokens;
  /** The tenant the API has persisted for a SUPERADMIN, shared by the account's sessions; one of its own when absent. */
  persistedTenant?: PersistedTenant;
  /** The tenant list the sign-in read with this access token, if it is still unclaimed (read once, not twice). */
  signInTenants?: (accessToken: string) => Tenant[] | null;
}

/** Named tenants a session keeps caches for (least recently used dropped first; their caches go with them). */
const MAX_TENANT_HOMES = 16;

/** The TenantSession implementation. */
export class CoreSession implements TenantSession {
  readonly id: string;
  readonly kind: SessionKind;
  /** The tenant of the token the session started with (its `tenantId` claim); reset returns here. */
  readonly homeTenantId: string | null;

  private readonly cell: CredentialCell;
  private readonly queue = new SerialQueue();
  /** Rejects the switch in flight with `cancelled` (set only while one runs). */
  private cancelInFlightSwitch: (() => void) | null = null;
  private readonly abort = new AbortController();
  private readonly changeEmitter = new Emitter<SessionSnapshot>();
  private readonly endEmitter = new Emitter<SessionSnapshot>();
  private readonly moveEmitter = new Emitter<SwitchOutcome>();
  private readonly writeEmitter = new Emitter<Scoped<Segment>>();
  private readonly createdAt: string;
  private state: SessionState;
  /** The active tenant's caches; a switch replaces the object (calls pinned before keep the old one). */
  private caches = new TenantCaches();
  private clientName: string | null;
  private clientVersion: string | null;
  private lastToolCall: string | null = null;
  private callCount = 0;
  private readonly tenantTokens: TenantTokens;
  private readonly persisted: PersistedTenant;
  private readonly scopedTokens: ScopedTokenDeps;
  /** Named tenant → the account cell its calls run with, and this session's caches of that tenant. */
  private readonly tenantHomes = new Map<string, CredentialHome>();
  /** What this session lends the scopes of its calls. */
  private readonly host: ScopeHost;

  /** Fires after every change of the snapshot. */
  readonly onDidChange = this.changeEmitter.event;
  /** Fires once when the session ends (closed or signed out). */
  readonly onDidEnd = this.endEmitter.event;
  /** Fires after the desktop moved this session to another tenant (`moveTo`), never for its own switches. */
  readonly onDidMove = this.moveEmitter.event;
  /** Fires after a call of this session created or updated a segment (the window shows it without reloading). */
  readonly onDidWriteSegment = this.writeEmitter.event;

  constructor(private readonly deps: CoreSessionDeps) {
    this.id = deps.id ?? randomUUID();
    this.kind = deps.kind;
    this.cell = new CredentialCell(deps.credential);
    this.tenantTokens = deps.tenantTokens ?? new TenantTokens({ clock: deps.clock });
    this.homeTenantId = tenantOf(deps.credential);
    this.persisted = deps.persistedTenant ?? new PersistedTenant(this.homeTenantId);
    this.state = startedSession();
    this.createdAt = new Date(deps.clock.now()).toISOString();
    this.clientName = deps.clientInfo?.name ?? null;
    this.clientVersion = deps.clientInfo?.version ?? null;
    const signal = this.abort.signal;
    this.scopedTokens = {
      verifier: deps.verifier,
      persisted: this.persisted,
      // A token just obtained is sent as it is: a refusal of it is a failure, never a renewal.
      clientFor: (credential) => new DataClient(new AuthorizedRequester(credential, deps.http, () => Promise.reject(new CoreError('authentication_failed', 'a token just obtained was refused')), signal), deps.urls),
      ...(deps.log === undefined ? {} : { log: deps.log }),
    };
    this.host = {
      urls: deps.urls,
      http: deps.http,
      clock: deps.clock,
      signal,
      renewer: new CredentialRenewer({ ...this.scopedTokens, broker: deps.broker }),
      revisions: new SegmentRevisions(),
      announceWrite: (written) => {
        if (!this.closed) this.writeEmitter.fire(written);
      },
    };
  }

  /** The tenant of the token in the cell right now. */
  get activeTenantId(): string | null {
    return tenantOf(this.cell.current);
  }

  /** The credential in force (tests and the registry copy it; never leaves the main process). */
  get credential(): Credential {
    return this.cell.current;
  }

  /** True once the session has ended. */
  get closed(): boolean {
    return this.abort.signal.aborted;
  }

  /** The state machine's current state (active, switching or ended). */
  get sessionState(): SessionState {
    return this.state;
  }

  snapshot(): SessionSnapshot {
    const claims = this.cell.current.claims;
    return {
      id: this.id,
      kind: this.kind,
      clientName: this.clientName,
      clientVersion: this.clientVersion,
      activeTenantId: this.activeTenantId,
      homeTenantId: this.homeTenantId,
      role: claims.role ?? null,
      switchingTo: this.state.type === 'switching' ? this.state.to : null,
      lastSwitchError: this.state.type === 'ended' ? null : (this.state.lastFailure?.error ?? null),
      lastSwitchTarget: this.state.type === 'ended' ? null : (this.state.lastFailure?.to ?? null),
      createdAt: this.createdAt,
      lastToolCall: this.lastToolCall,
      callCount: this.callCount,
    };
  }

  setClientInfo(info: { name: string | null; version: string | null }): void {
    this.clientName = info.name;
    this.clientVersion = info.version;
    this.changed();
  }

  /** Counts a tool call for the snapshot (`lastToolCall`, `callCount`); the MCP bridge calls it. */
  recordToolCall(name: string): void {
    this.lastToolCall = name;
    this.callCount += 1;
    this.changed();
  }

  async listTenants(): Promise<TenantsView> {
    this.ensureOpen();
    const early = this.deps.signInTenants?.(this.cell.current.accessToken) ?? null;
    if (early !== null) return { tenants: early, role: this.cell.current.claims.role ?? null, homeTenantId: this.homeTenantId, activeTenantId: this.activeTenantId };
    const { credential, value } = await this.activeScope().data.listTenants();
    return { tenants: value, role: credential.claims.role ?? null, homeTenantId: this.homeTenantId, activeTenantId: tenantOf(credential) };
  }

  async switchTenant(tenantId: string): Promise<SwitchOutcome> {
    const target = parseInput(TenantIdSchema, tenantId, 'tenantId');
    return this.queue.run(() => this.runSwitch(target));
  }

  /** The desktop's sessions panel moves this session: a switch the session did not ask for, announced as such. */
  async moveTo(tenantId: string): Promise<SwitchOutcome> {
    const outcome = await this.switchTenant(tenantId);
    this.moveEmitter.fire(outcome);
    return outcome;
  }

  resetTenant(): Promise<SwitchOutcome> {
    if (this.homeTenantId === null) {
      return Promise.reject(new CoreError('no_home_tenant', 'this session started with a token that names no tenant (no tenantId claim), so there is no home tenant to return to'));
    }
    return this.switchTenant(this.homeTenantId);
  }

  /**
   * The scope one call runs in (docs/tenant-isolation.md), with its credential pinned now:
   * - no tenant named, or the active one named: the session's credential as it is at this moment;
   * - another tenant: the account's per-tenant credential (tenant-tokens.ts), minted once through the
   *   switch endpoint and checked like a switch, without moving this session.
   * A later switch of this session changes neither. Rejects like a switch for an unreachable tenant
   * (`tenant_forbidden`, `tenant_not_found`, naming `tenant_id`); `invalid_request` for a malformed id.
   */
  async openScope(tenantId?: string): Promise<TenantScope> {
    this.ensureOpen();
    // Pinned before any await: what "the active tenant when the call started" means.
    const active = this.activeScope();
    if (tenantId === undefined) return active;
    const parsed = TenantIdSchema.safeParse(tenantId);
    if (!parsed.success) throw new CoreError('invalid_request', `tenant_id is not a tenant id (${firstIssue(parsed.error).message}); take one from nevent_list_tenants`, 'tenant_id');
    const target = parsed.data;
    if (target === active.tenantId) return active;
    const home = await this.tenantHome(target);
    this.ensureOpen();
    return new TenantScope(this.host, home);
  }

  /** A scope pinned to the session's credential as it is now, with the active tenant's caches. */
  private activeScope(): TenantScope {
    return new TenantScope(this.host, { cell: this.cell, caches: this.caches });
  }

  /** The home of a named tenant's calls: the account's cell of that tenant (minted when none), and this session's caches of it. */
  private async tenantHome(target: string): Promise<CredentialHome> {
    let cell: CredentialCell;
    try {
      cell = await this.tenantTokens.cell(target, () => this.mintTenantCredential(target));
    } catch (error) {
      // The tenant the call named is the culprit of a refusal: say so in the caller's own terms.
      const failure = asCoreError(error);
      const aboutTenant = failure.code === 'tenant_forbidden' || failure.code === 'tenant_not_found' || failure.param === 'tenantId';
      throw aboutTenant ? new CoreError(failure.code, failure.message, 'tenant_id') : failure;
    }
    const known = this.tenantHomes.get(target);
    this.tenantHomes.delete(target);
    const home: CredentialHome =
      known !== undefined && known.cell === cell
        ? known
        : {
            cell,
            caches: new TenantCaches(),
            // Its own refresh token refused: this entry alone is over; the next one is minted for the same tenant.
            reissue: () => {
              this.tenantTokens.evict(target, cell);
              return this.tenantHome(target);
            },
          };
    this.tenantHomes.set(target, home);
    if (this.tenantHomes.size > MAX_TENANT_HOMES) this.tenantHomes.delete(this.tenantHomes.keys().next().value as string);
    return home;
  }

  /**
   * A token scoped to `tenantId`, obtained and checked exactly as a switch does (and, for a SUPERADMIN,
   * the persisted tenant put back); nothing of this session changes. When the switch answer carries a
   * refresh token of its own, that token is marked as the tenant's: its refusal ends this credential only.
   */
  private async mintTenantCredential(tenantId: string): Promise<Credential> {
    const via = this.activeScope().data;
    const minted = await obtainScopedToken(via, tenantId, this.scopedTokens, { renew: true });
    if (minted.refreshToken !== null && minted.refreshToken !== via.credential.refreshToken) this.deps.broker.markTenantScoped(minted.refreshToken);
    return minted;
  }

  /** Renews the current credential now (the same path a 401 takes); used by tests and the tray. */
  async refresh(): Promise<void> {
    this.ensureOpen();
    const current = this.cell.current;
    const renewed = await this.host.renewer.renew(current);
    if (!this.closed) this.cell.replaceIf(current, renewed);
  }

  // The session's own tenant-scoped operations (the window's): each one is a call in the active tenant.

  async listSegments(query: SegmentQuery): Promise<Scoped<{ segments: Segment[]; nextCursor: string | null }>> {
    return (await this.openScope()).listSegments(query);
  }

  async getSegment(segmentId: string): Promise<Scoped<Segment>> {
    return (await this.openScope()).getSegment(segmentId);
  }

  async createSegment(input: SegmentCreate): Promise<Scoped<Segment>> {
    return (await this.openScope()).createSegment(input);
  }

  /** Re-reads, compares with the base revision (the real API has no optimistic concurrency), writes: one tenant throughout. */
  async updateSegment(segmentId: string, input: SegmentUpdate, options: SegmentUpdateOptions = {}): Promise<Scoped<Segment>> {
    return (await this.openScope()).updateSegment(segmentId, input, options);
  }

  async previewSegment(definition: SegmentDefinition): Promise<Scoped<Preview>> {
    return (await this.openScope()).previewSegment(definition);
  }

  async segmentationCriteria(): Promise<Scoped<Criterion[]>> {
    return (await this.openScope()).segmentationCriteria();
  }

  /** Campaigns from the data API's analytics collection (`not_available` where the tenant has none to list). */
  async listCampaigns(query: CampaignListQuery): Promise<Scoped<CampaignList>> {
    return (await this.openScope()).listCampaigns(query);
  }

  async analyticsCapabilities(): Promise<Scoped<Capabilities>> {
    return (await this.openScope()).analyticsCapabilities();
  }

  async paidAdsStatus(provider: PaidMediaProvider): Promise<Scoped<PaidAdsStatus>> {
    return (await this.openScope()).paidAdsStatus(provider);
  }

  async callApi(call: ApiCall): Promise<Scoped<unknown>> {
    return (await this.openScope()).callApi(call);
  }

  /** One page of a listing of the toolset (list-pager.ts), in the active tenant; pages the API would not page. */
  async pagedList<T>(request: PagedListRequest<T>): Promise<Scoped<ListPage<T>>> {
    return (await this.openScope()).pagedList(request);
  }

  close(): void {
    this.end();
  }

  /**
   * Ends the session: requests in flight are aborted and reject with `signed_out` (calls pinned to
   * other tenants included: they share this session's signal); queued switches find the session
   * closed; listeners are dropped after one last `onDidEnd`.
   */
  end(reason: 'closed' | 'signed_out' = 'closed'): void {
    if (this.closed) return;
    const message = reason === 'signed_out' ? 'the account was signed out' : 'the session was closed';
    this.abort.abort(new CoreError('signed_out', message));
    this.tenantHomes.clear();
    this.apply({ type: 'ended', reason });
    const last = this.snapshot();
    this.endEmitter.fire(last);
    this.changeEmitter.dispose();
    this.endEmitter.dispose();
    this.moveEmitter.dispose();
    this.writeEmitter.dispose();
  }

  private async runSwitch(target: string): Promise<SwitchOutcome> {
    this.ensureOpen();
    const previousTenantId = this.activeTenantId;
    // Switches are serialized by the queue, so a refusal here is a bug: it is logged and reported.
    if (!this.apply({ type: 'switchRequested', to: target })) throw new CoreError('internal_error', 'the session cannot switch now');
    this.changed();
    // The person may give up waiting (`cancelSwitch`): the race settles at once, the request's late
    // answer is dropped unread, and the session stays in the tenant it was in.
    const cancelled = new Promise<never>((_resolve, reject) => {
      this.cancelInFlightSwitch = () => reject(new CoreError('cancelled', `the switch to tenant ${target} was cancelled; still in ${previousTenantId ?? 'no tenant'}`));
    });
    try {
      const { answer, claims } = await Promise.race([this.switchCall(target), cancelled]);
      this.ensureOpen();
      // ---- one synchronous step: nothing below awaits, so no reader can see a half-switched session.
      const next: Credential = { accessToken: answer.value.accessToken, refreshToken: answer.value.refreshToken ?? answer.credential.refreshToken, claims };
      this.cell.replace(next);
      this.caches = new TenantCaches();
      this.apply({ type: 'switchSucceeded' });
      // ----
      // A session's switch is a choice: for a SUPERADMIN the API persisted it, and it stays.
      this.persisted.noteSwitch(tenantOf(next));
      this.changed();
      return { activeTenantId: tenantOf(next) ?? target, homeTenantId: this.homeTenantId, previousTenantId };
    } catch (error) {
      const failure = this.closed ? new CoreError('signed_out', 'the session ended during the switch') : asCoreError(error);
      if (!this.closed) {
        this.apply(failure.code === 'cancelled' ? { type: 'switchCancelled' } : { type: 'switchFailed', error: failure.toData() });
        this.changed();
      }
      throw failure;
    } finally {
      this.cancelInFlightSwitch = null;
    }
  }

  /** The switch request and the check of its token (what a cancel stops waiting for). */
  private async switchCall(target: string): Promise<{ answer: Authorized<TokenPair>; claims: AccessTokenClaims }> {
    const answer = await this.activeScope().data.switchTenant(target);
    return { answer, claims: await this.deps.verifier.verify(answer.value.accessToken, target) };
  }

  /**
   * Stops waiting for the switch in flight, if any: it fails with `cancelled` and the session stays in
   * its tenant. The API may still carry the switch out; its answer is never installed. False when no
   * switch was in flight.
   */
  cancelSwitch(): boolean {
    const cancel = this.cancelInFlightSwitch;
    if (cancel === null) return false;
    cancel();
    return true;
  }

  /** Every state change goes through the machine; a refused event is logged with its reason (never dropped silently). */
  private apply(event: SessionEvent): boolean {
    const result = transitionSession(this.state, event);
    if (result.ok) {
      this.state = result.state;
      return true;
    }
    this.deps.log?.(`session ${this.id}: refused ${result.rejection.event} in ${result.rejection.from}: ${result.rejection.reason}`);
    return false;
  }

  private ensureOpen(): void {
    if (this.closed) throw new CoreError('signed_out', 'this session has ended');
  }

  private changed(): void {
    if (!this.closed) this.changeEmitter.fire(this.snapshot());
  }
}
