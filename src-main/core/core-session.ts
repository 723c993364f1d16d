/**
 * The tenant session (DESIGN §2, seed 000): one tenant context with one credential cell shared by its
 * DataClient and PaidMediaClient, and caches of capabilities and segmentation criteria for the tenant
 * it is in.
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
import { checkSegmentDefinition } from '../../src-shared/segment-definition-check';
import { firstIssue } from '../../src-shared/zod-issue';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  changeAuthor,
  PaidMediaProviderSchema,
  SegmentCreateSchema,
  SegmentDefinitionInputSchema,
  SegmentIdSchema,
  segmentRevision,
  SegmentUpdateSchema,
  TenantIdSchema,
  withDefinitionIds,
  type Capabilities,
  type Criterion,
  type PaidAdsStatus,
  type PaidMediaProvider,
  type Preview,
  type Segment,
  type SegmentCreate,
  type SegmentDefinition,
  type SegmentUpdate,
  type SegmentUpdateBody,
  type AccessTokenClaims,
  type TokenPair,
  type Tenant,
} from '../../src-shared/api';
import type { SessionKind, SessionSnapshot } from '../../src-shared/session';
import { startedSession, transitionSession, type SessionEvent, type SessionState } from '../../src-shared/session-machine';
import { AuthorizedRequester, type Authorized } from './authorized-requester';
import { campaignCollection, campaignColumns, campaignCountFrom, campaignCountQuery, campaignListQuery, campaignsFromRows, type CampaignColumns, type CampaignListQuery } from './campaign-list';
import type { Clock } from './clock';
import { CredentialCell, tenantOf, type Credential } from './credential';
import { DataClient, PaidMediaClient, type ApiUrls } from './data-client';
import { Emitter } from './emitter';
import type { HttpClient } from './http-client';
import { SerialQueue } from './serial-queue';
import type { TokenBroker } from './token-broker';
import type { TokenVerifier } from './token-verifier';
import { TenantTokens } from './tenant-tokens';
import { ListSnapshots, pageList, type ListPage, type PagedListRequest } from './list-pager';
import type { ApiCall, CampaignList, Scoped, SegmentQuery, SegmentUpdateOptions, SwitchOutcome, TenantScopedOperations, TenantSession, TenantsView } from './tenant-session';
import { CoreError, SegmentConflictError } from './tenant-session';
import { asCoreError } from './error-data';

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
  /** The account's per-tenant token cache (DESIGN §4 "Tenant per call"); one of its own when absent. */
  tenantTokens?: TenantTokens;
  /** A scoped view's cell: the account-wide cell of its tenant, shared with every session using it. */
  cell?: CredentialCell;
  /** The tenant list the sign-in read with this access token, if it is still unclaimed (read once, not twice). */
  signInTenants?: (accessToken: string) => Tenant[] | null;
}

/** Scoped views a session keeps (least recently used dropped first; their caches go with them). */
const MAX_TENANT_VIEWS = 16;

/** Per-tenant caches; a switch replaces the whole object, so a late answer lands in a discarded one. */
class TenantCaches {
  criteria: Promise<Criterion[]> | null = null;
  capabilities: Promise<Capabilities> | null = null;
  campaignColumns: Promise<CampaignColumns | null> | null = null;
}

const DEFAULT_SEGMENT_LIMIT = 50;
const MAX_SEGMENT_LIMIT = 200;
/** Built once: a zod schema costs more to build than to run (this one was built on every list call). */
const SegmentLimitSchema = z.number().int().min(1).max(MAX_SEGMENT_LIMIT);
/** Segment revisions remembered per session (the base of an update that names none). */
const MAX_SEEN_REVISIONS = 500;

function invalidInput(error: z.ZodError, fallbackParam?: string): CoreError {
  const issue = firstIssue(error);
  return new CoreError('validation_failed', issue.message, issue.path === '' ? fallbackParam : issue.path);
}

function parseInput<T>(schema: z.ZodType<T>, value: unknown, param?: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput(parsed.error, param);
  return parsed.data;
}

/** The TenantSession implementation. */
export class CoreSession implements TenantSession {
  readonly id: string;
  readonly kind: SessionKind;
  /** The tenant of the token the session started with (its `tenantId` claim); reset returns here. */
  readonly homeTenantId: string | null;
  /** Core API + data API client; shares the credential cell with `paidMediaClient`. */
  readonly dataClient: DataClient;
  /** Paid-media client; shares the credential cell with `dataClient`. */
  readonly paidMediaClient: PaidMediaClient;

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
  private caches = new TenantCaches();
  /** Whole lists the API would not page, per listing (list-pager.ts); a switch or a write drops them. */
  private lists: ListSnapshots;
  private clientName: string | null;
  private clientVersion: string | null;
  private lastToolCall: string | null = null;
  private callCount = 0;
  /** `tenant segment` → the revision this session last read or wrote; oldest forgotten first. */
  private readonly seenRevisions = new Map<string, string>();
  private readonly tenantTokens: TenantTokens;
  /** tenant → the view calls naming it run in, with the account cell it was built on. */
  private readonly tenantViews = new Map<string, { cell: CredentialCell; view: CoreSession }>();

  /** Fires after every change of the snapshot. */
  readonly onDidChange = this.changeEmitter.event;
  /** Fires once when the session ends (closed or signed out). */
  readonly onDidEnd = this.endEmitter.event;
  /** Fires after the desktop moved this session to another tenant (`moveTo`), never for its own switches. */
  readonly onDidMove = this.moveEmitter.event;
  /** Fires after this session created or updated a segment (the window shows it without reloading). */
  readonly onDidWriteSegment = this.writeEmitter.event;

  constructor(private readonly deps: CoreSessionDeps) {
    this.id = deps.id ?? randomUUID();
    this.kind = deps.kind;
    this.cell = deps.cell ?? new CredentialCell(deps.credential);
    this.tenantTokens = deps.tenantTokens ?? new TenantTokens({ clock: deps.clock });
    this.homeTenantId = tenantOf(deps.credential);
    this.lists = new ListSnapshots(() => deps.clock.now());
    this.state = startedSession(this.homeTenantId);
    this.createdAt = new Date(deps.clock.now()).toISOString();
    this.clientName = deps.clientInfo?.name ?? null;
    this.clientVersion = deps.clientInfo?.version ?? null;
    const requester = new AuthorizedRequester(this.cell, deps.http, (refused) => this.renew(refused), () => this.abort.signal);
    this.dataClient = new DataClient(requester, deps.urls);
    this.paidMediaClient = new PaidMediaClient(requester, deps.urls);
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
    const { credential, value } = await this.dataClient.listTenants();
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
   * Runs tenant-scoped calls in `tenantId` without switching this session (DESIGN §4 "Tenant per call").
   * In the active tenant that is this session; elsewhere a view whose token comes from the account's
   * per-tenant cache: minted once (the switch endpoint, checked like a switch), renewed through the
   * broker and re-scoped like this session's own. The view keeps its own caches for that tenant.
   */
  async inTenant(tenantId: string): Promise<TenantScopedOperations> {
    this.ensureOpen();
    const parsed = TenantIdSchema.safeParse(tenantId);
    if (!parsed.success) throw new CoreError('invalid_request', `tenant_id is not a tenant id (${firstIssue(parsed.error).message}); take one from nevent_list_tenants`, 'tenant_id');
    const target = parsed.data;
    // A read captures the cell's credential when it starts, so the active tenant needs no second token.
    if (target === this.activeTenantId) return this;
    let cell: CredentialCell;
    try {
      cell = await this.tenantTokens.cell(target, () => this.mintTenantCredential(target));
    } catch (error) {
      // The tenant the call named is the culprit of a refusal: say so in the caller's own terms.
      const failure = asCoreError(error);
      const aboutTenant = failure.code === 'tenant_forbidden' || failure.code === 'tenant_not_found' || failure.param === 'tenantId';
      throw aboutTenant ? new CoreError(failure.code, failure.message, 'tenant_id') : failure;
    }
    this.ensureOpen();
    const known = this.tenantViews.get(target);
    this.tenantViews.delete(target);
    const view = known !== undefined && known.cell === cell ? known.view : this.newTenantView(cell);
    this.tenantViews.set(target, { cell, view });
    if (this.tenantViews.size > MAX_TENANT_VIEWS) this.tenantViews.delete(this.tenantViews.keys().next().value as string);
    return view;
  }

  /** A token scoped to `tenantId`, obtained and checked exactly as a switch does; nothing of this session changes. */
  private async mintTenantCredential(tenantId: string): Promise<Credential> {
    const answer = await this.dataClient.switchTenant(tenantId);
    const claims = await this.deps.verifier.verify(answer.value.accessToken, tenantId);
    return { accessToken: answer.value.accessToken, refreshToken: answer.value.refreshToken ?? answer.credential.refreshToken, claims };
  }

  private newTenantView(cell: CredentialCell): CoreSession {
    const { id: _id, clientInfo: _client, ...shared } = this.deps;
    const view = new CoreSession({ ...shared, credential: cell.current, cell, tenantTokens: this.tenantTokens, id: `${this.id}@${tenantOf(cell.current) ?? ''}` });
    // A write through the view is this session's write (the window shows it when it is the desktop's tenant).
    view.onDidWriteSegment((written) => this.writeEmitter.fire(written));
    return view;
  }

  /** Renews the current credential now (the same path a 401 takes); used by tests and the tray. */
  async refresh(): Promise<void> {
    this.ensureOpen();
    await this.renew(this.cell.current);
  }

  async listSegments(query: SegmentQuery): Promise<Scoped<{ segments: Segment[]; nextCursor: string | null }>> {
    this.ensureOpen();
    const size = query.limit === undefined ? DEFAULT_SEGMENT_LIMIT : parseInput(SegmentLimitSchema, query.limit, 'limit');
    // Every page of one walk is read with the credential captured here: one tenant, whatever happens meanwhile.
    const credential = this.cell.current;
    const search = query.search?.trim() || undefined;
    const needle = search?.toLowerCase();
    // Filtered here too: an API that ignores `search` must not widen the answer (the pager then pages the matches).
    const matches = (s: Segment): boolean => needle === undefined || s.name.toLowerCase().includes(needle) || (s.description ?? '').toLowerCase().includes(needle);
    const page = await pageList(this.lists, tenantOf(credential) ?? '', {
      listing: 'segments',
      query: search ?? '',
      size,
      position: { cursor: query.cursor },
      paging: 'api',
      maxPageSize: MAX_SEGMENT_LIMIT,
      fetch: async (pageNumber, pageSize) => {
        const answer = await this.dataClient.listSegments({ page: pageNumber, size: pageSize, ...(search === undefined ? {} : { search }) }, credential);
        return this.scoped(answer.credential, answer.value);
      },
      idOf: (segment) => segment.id,
      keep: matches,
    });
    return { tenantId: page.tenantId, value: { segments: page.value.items.map((s) => this.ownSegment(s, credential)), nextCursor: page.value.nextCursor } };
  }

  /** One page of a listing of the toolset (list-pager.ts), in this session's tenant; pages the API would not page. */
  pagedList<T>(request: PagedListRequest<T>): Promise<Scoped<ListPage<T>>> {
    this.ensureOpen();
    return pageList(this.lists, this.activeTenantId ?? '', request);
  }

  async getSegment(segmentId: string): Promise<Scoped<Segment>> {
    this.ensureOpen();
    const id = parseInput(SegmentIdSchema, segmentId, 'segment_id');
    const answer = await this.dataClient.getSegment(id);
    return this.scoped(answer.credential, this.ownSegment(answer.value, answer.credential));
  }

  async createSegment(input: SegmentCreate): Promise<Scoped<Segment>> {
    this.ensureOpen();
    const create = parseInput(SegmentCreateSchema, input);
    await this.checkDefinition(create.definition);
    // Upstream creates with status ACTIVE (else a segment may land as a draft) and names its author.
    const body = {
      name: create.name,
      ...(create.description === undefined ? {} : { description: create.description }),
      definition: withDefinitionIds(create.definition, randomUUID),
      status: 'ACTIVE' as const,
      createdBy: changeAuthor,
    };
    const answer = await this.dataClient.createSegment(body);
    this.lists.dropAll();
    return this.wrote(this.scoped(answer.credential, this.ownSegment(answer.value, answer.credential)));
  }

  /**
   * The real API has no optimistic concurrency (DESIGN §3): re-read the segment, compare its revision
   * with the one the edit started from, and write only when nothing changed in between. Both requests
   * use the credential captured here, so the check and the write belong to one tenant.
   */
  async updateSegment(segmentId: string, input: SegmentUpdate, options: SegmentUpdateOptions = {}): Promise<Scoped<Segment>> {
    this.ensureOpen();
    const id = parseInput(SegmentIdSchema, segmentId, 'segment_id');
    const update = parseInput(SegmentUpdateSchema, input);
    if (update.name === undefined && update.description === undefined && update.definition === undefined) {
      throw new CoreError('validation_failed', 'nothing to update: pass a name, a description and/or a definition', 'segment_id');
    }
    if (update.definition !== undefined) await this.checkDefinition(update.definition);
    const before = await this.dataClient.getSegment(id, this.cell.current);
    // The base is read before `ownSegment` records the revision just fetched.
    const base = options.baseRevision ?? this.seenRevisions.get(this.revisionKey(before.credential, id));
    const current = this.ownSegment(before.value, before.credential);
    if (base !== undefined && base !== segmentRevision(current)) throw new SegmentConflictError(current, base);
    const body: SegmentUpdateBody = {
      ...(update.name === undefined ? {} : { name: update.name }),
      ...(update.description === undefined ? {} : { description: update.description }),
      ...(update.definition === undefined ? {} : { definition: withDefinitionIds(update.definition, randomUUID) }),
      modifiedBy: changeAuthor,
      modifiedAt: new Date(this.deps.clock.now()).toISOString(),
    };
    const answer = await this.dataClient.updateSegment(id, body, before.credential);
    this.lists.dropAll();
    return this.wrote(this.scoped(answer.credential, this.ownSegment(answer.value, answer.credential)));
  }

  async previewSegment(definition: SegmentDefinition): Promise<Scoped<Preview>> {
    this.ensureOpen();
    const body = parseInput(SegmentDefinitionInputSchema, definition, 'definition');
    const answer = await this.dataClient.previewSegment(withDefinitionIds(body, randomUUID));
    return this.scoped(answer.credential, answer.value);
  }

  async segmentationCriteria(): Promise<Scoped<Criterion[]>> {
    this.ensureOpen();
    const caches = this.caches;
    const credential = this.cell.current;
    const pending = caches.criteria ?? this.fill(caches, 'criteria', this.dataClient.segmentationCriteria(credential).then((a) => a.value));
    return this.scoped(credential, await pending);
  }

  /**
   * Campaigns from the data API's analytics collection (the only HTTP source: see campaign-list.ts).
   * `not_available` when this tenant's analytics has no campaigns table with an id column.
   */
  async listCampaigns(query: CampaignListQuery): Promise<Scoped<CampaignList>> {
    this.ensureOpen();
    const caches = this.caches;
    const credential = this.cell.current;
    const pending = caches.campaignColumns ?? this.fill(caches, 'campaignColumns', this.campaignColumnsOf(credential));
    const columns = await pending;
    if (columns === null) {
      throw new CoreError(
        'not_available',
        'This Nevent tenant offers no campaign list over its API (no "campaigns" analytics table). Ask for a campaign by id with nevent_get_campaign_metrics, or for a month with nevent_campaign_report.',
      );
    }
    // One row more than asked says whether more exist; the count says how many (when the API can count).
    const { body, ignored } = campaignListQuery(columns, { ...query, limit: query.limit + 1 });
    const countBody = campaignCountQuery(columns, query);
    const [answer, total] = await Promise.all([
      this.dataClient.analyticsQuery(body, {}, credential),
      countBody === null ? null : this.dataClient.analyticsQuery(countBody, {}, credential).then((counted) => campaignCountFrom(counted.value.rows), () => null),
    ]);
    const campaigns = campaignsFromRows(answer.value.rows, columns);
    return this.scoped(answer.credential, { campaigns: campaigns.slice(0, query.limit), ignoredFilters: ignored, hasMore: campaigns.length > query.limit, total });
  }

  private async campaignColumnsOf(credential: Credential): Promise<CampaignColumns | null> {
    try {
      return campaignColumns((await this.dataClient.analyticsTableSchema(campaignCollection, credential)).value.columns);
    } catch (error) {
      // No such table here: a fact about the tenant (cached), not a failure.
      if (error instanceof CoreError && (error.code === 'not_found' || error.code === 'tenant_not_found')) return null;
      throw error;
    }
  }

  async analyticsCapabilities(): Promise<Scoped<Capabilities>> {
    this.ensureOpen();
    const caches = this.caches;
    const credential = this.cell.current;
    const pending = caches.capabilities ?? this.fill(caches, 'capabilities', this.dataClient.analyticsCapabilities(credential).then((a) => a.value));
    return this.scoped(credential, await pending);
  }

  async paidAdsStatus(provider: PaidMediaProvider): Promise<Scoped<PaidAdsStatus>> {
    this.ensureOpen();
    const which = parseInput(PaidMediaProviderSchema, provider, 'provider');
    const answer = await this.paidMediaClient.status(which);
    return this.scoped(answer.credential, answer.value);
  }

  async callApi(call: ApiCall): Promise<Scoped<unknown>> {
    this.ensureOpen();
    // A write may change any list this session pages itself (even one that failed may have been applied).
    // The data API only reads; a core read by POST (a quote, a preview) costs a re-read of the list, no more.
    if (call.api === 'core' && call.method !== 'GET') this.lists.dropAll();
    const answer = await this.dataClient.call(call);
    return this.scoped(answer.credential, answer.value);
  }

  close(): void {
    this.end();
  }

  /**
   * Ends the session: requests in flight are aborted and reject with `signed_out`; queued switches
   * find the session closed; listeners are dropped after one last `onDidEnd`.
   */
  end(reason: 'closed' | 'signed_out' = 'closed'): void {
    if (this.closed) return;
    const message = reason === 'signed_out' ? 'the account was signed out' : 'the session was closed';
    this.abort.abort(new CoreError('signed_out', message));
    for (const { view } of this.tenantViews.values()) view.end(reason);
    this.tenantViews.clear();
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
      this.lists = new ListSnapshots(() => this.deps.clock.now());
      this.apply({ type: 'switchSucceeded', tenantId: tenantOf(next) ?? target });
      // ----
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
    const answer = await this.dataClient.switchTenant(target);
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

  /**
   * Exchanges a refused credential's refresh token through the account's broker (shared with every
   * session holding the same token) and installs the result only if the cell still holds the refused
   * credential (a switch in between wins). Every new token must carry the session's tenant: a refresh
   * can come back in another one (a SUPERADMIN's switch is persisted server-side, NEVENT-API.md), and
   * then the session switches back before anything is answered — never an answer from the wrong tenant.
   */
  private async renew(refused: Credential): Promise<Credential> {
    if (refused.refreshToken === null) throw new CoreError('authentication_failed', 'the access token was refused and there is no refresh token to renew it; sign in again');
    const expected = tenantOf(refused);
    const pair = await this.deps.broker.refresh(refused.refreshToken, refused.accessToken);
    const claims = await this.deps.verifier.verify(pair.accessToken, null);
    let renewed: Credential = { accessToken: pair.accessToken, refreshToken: pair.refreshToken, claims };
    if (expected !== null && tenantOf(renewed) !== expected) renewed = await this.rescope(renewed, expected);
    if (!this.closed && this.cell.current === refused) this.cell.replace(renewed);
    return renewed;
  }

  /** Switches a freshly refreshed credential back to `tenantId` (checked like any switch). */
  private async rescope(fresh: Credential, tenantId: string): Promise<Credential> {
    const cameBackIn = tenantOf(fresh) ?? 'no tenant';
    try {
      const answer = await this.dataClient.switchTenant(tenantId, fresh, { renew: false });
      const claims = await this.deps.verifier.verify(answer.value.accessToken, tenantId);
      return { accessToken: answer.value.accessToken, refreshToken: answer.value.refreshToken ?? fresh.refreshToken, claims };
    } catch (error) {
      const why = error instanceof CoreError ? error.message : 'the switch failed';
      throw new CoreError('token_tenant_mismatch', `the renewed sign-in came back in tenant "${cameBackIn}" instead of "${tenantId}", and switching back failed (${why}); nothing was answered from the wrong tenant`);
    }
  }

  /**
   * The one definition check (src-shared/segment-definition-check.ts, as the window's builder and the
   * demo API run it) against this tenant's criteria, before anything is sent. When the catalogue cannot
   * be read, or lists nothing, the API decides alone.
   */
  private async checkDefinition(definition: SegmentDefinition): Promise<void> {
    const caches = this.caches;
    let criteria: Criterion[];
    try {
      criteria = await (caches.criteria ?? this.fill(caches, 'criteria', this.dataClient.segmentationCriteria(this.cell.current).then((a) => a.value)));
    } catch {
      return;
    }
    if (criteria.length === 0) return;
    const [issue] = checkSegmentDefinition(definition, criteria);
    if (issue !== undefined) throw new CoreError('validation_failed', `Invalid segment definition: definition.${issue.path}: ${issue.message}`, `definition.${issue.path}`);
  }

  private fill<K extends keyof TenantCaches>(caches: TenantCaches, key: K, pending: NonNullable<TenantCaches[K]>): NonNullable<TenantCaches[K]> {
    caches[key] = pending;
    // A failure is not cached: the next call asks again.
    (pending as Promise<unknown>).catch(() => {
      if (caches[key] === pending) caches[key] = null;
    });
    return pending;
  }

  private scoped<T>(credential: Credential, value: T): Scoped<T> {
    return { tenantId: tenantOf(credential) ?? '', value };
  }

  /**
   * Refuses an answer that names another tenant than the credential that asked (isolation; a record
   * without `tenantId` is the token's tenant's) and remembers its revision as the base of later edits.
   */
  private ownSegment(segment: Segment, credential: Credential): Segment {
    const tenant = tenantOf(credential);
    if (tenant !== null && typeof segment.tenantId === 'string' && segment.tenantId !== tenant) throw new CoreError('api_error', `the API answered with a segment of another tenant (${segment.tenantId})`);
    const key = this.revisionKey(credential, segment.id);
    this.seenRevisions.delete(key);
    this.seenRevisions.set(key, segmentRevision(segment));
    if (this.seenRevisions.size > MAX_SEEN_REVISIONS) this.seenRevisions.delete(this.seenRevisions.keys().next().value as string);
    return segment;
  }

  private revisionKey(credential: Credential, segmentId: string): string {
    return `${tenantOf(credential) ?? ''} ${segmentId}`;
  }

  private wrote(written: Scoped<Segment>): Scoped<Segment> {
    this.writeEmitter.fire(written);
    return written;
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
