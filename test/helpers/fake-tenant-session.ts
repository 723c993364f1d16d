/**
 * The one in-memory TenantSession for unit tests (the MCP tools' and the desktop service's): a small
 * tenant tree with memberships in every status, segments and campaigns per tenant, and the switch/reset
 * contract (refusals change nothing, and say why in the snapshot, as the core's session machine does).
 */
import { isSwitchableStatus, segmentRevision } from '../../src-shared/api';
import type { Capabilities, Criterion, PaidAdsStatus, PaidMediaProvider, Preview, Role, Segment, SegmentCreate, SegmentDefinition, SegmentUpdate, Tenant } from '../../src-shared/api';
import type { AppErrorData } from '../../src-shared/errors';
import type { SessionKind, SessionSnapshot } from '../../src-shared/session';
import type { CampaignListItem, CampaignListQuery, CampaignList } from '../../src-main/core/domains/campaign-list';
import { SegmentConflictError } from '../../src-main/core/domains/segments';
import { CoreError } from '../../src-main/core/common/core-error';
import type { SwitchOutcome, TenantScopedOperations, TenantSession, TenantsView } from '../../src-main/core/session/tenant-session';
import type { SegmentQuery, SegmentUpdateOptions } from '../../src-main/core/domains/segments';
import type { ApiCall, Scoped } from '../../src-main/core/http/api-call';
import { TenantIdSchema } from '../../src-shared/api';
import { ListSnapshots, pageList, type ListPage, type PagedListRequest } from '../../src-main/core/domains/list-pager';
import { fakeJwtShape } from './tokens';

/**
 * The fake's tenants, as the real API lists them: root (home, the only one with a role and a slug) →
 * child-a (no status: active), child-b (INVITED), child-c (SUSPENDED).
 */
export const fakeTenants: Tenant[] = [
  { id: 'tenant-root', name: 'Root Org', slug: 'root', parentId: null, level: 0, role: 'OWNER', status: 'ACTIVE' },
  { id: 'tenant-a', name: 'Child A', parentId: 'tenant-root', level: 1 },
  { id: 'tenant-b', name: 'Child B', parentId: 'tenant-root', level: 1, status: 'INVITED', statusReason: 'Invitation not accepted yet' },
  { id: 'tenant-c', name: 'Child C', parentId: 'tenant-root', level: 1, status: 'SUSPENDED', statusReason: 'Membership suspended' },
];

/** A fake access token that must never appear in any tool result. */
export const fakeSecretToken = fakeJwtShape({ sub: 'secret' }, 'secret-signature', 'RS256');

const hex = (n: number): string => n.toString(16).padStart(24, '0');

function seedSegments(tenantId: string, offset: number): Segment[] {
  return [0, 1].map((i) => ({
    id: hex(offset + i + 1),
    name: `${tenantId} segment ${i + 1}`,
    description: null,
    definition: { stanzas: [{ id: 's1', criteria: [{ id: 'c1', criterion_id: 'country', operator: 'is', value: ['ES'] }] }] },
    status: 'ACTIVE',
    tenantId,
    createdAt: '2026-01-01T00:00:00.000Z',
    modifiedAt: '2026-01-01T00:00:00.000Z',
    estimatedCount: 100 * (i + 1),
  }));
}

/** Options of the fake. */
export interface FakeSessionOptions {
  id?: string;
  kind?: SessionKind;
  role?: Role;
  homeTenantId?: string | null;
  activeTenantId?: string;
  /** The tenants it can see (default `fakeTenants`). */
  tenants?: Tenant[];
  /** Two seeded segments per tenant (default true). */
  seedSegments?: boolean;
  /** Puts this token into every value it answers with: whoever passes values on must drop it. */
  tokenInValues?: string;
  /** Answers for `callApi`, keyed `api METHOD /path` (e.g. `data POST /segments/execute`); the active tenant is passed. */
  apiRoutes?: Record<string, (call: ApiCall, tenantId: string) => unknown>;
}

/** In-memory TenantSession. `calls` records every method call, `failNext` makes the next call reject. */
export class FakeTenantSession implements TenantSession {
  readonly id: string;
  readonly kind: SessionKind;
  readonly calls: string[] = [];
  failNext: Error | null = null;
  /** Makes the next tenant-scoped read leak a token into its error message (redaction test). */
  leakTokenInNextError = false;
  closed = false;
  private readonly role: Role;
  private readonly homeTenantId: string | null;
  private activeTenantId: string;
  private clientName: string | null = null;
  private clientVersion: string | null = null;
  private readonly listeners = new Set<(snapshot: SessionSnapshot) => void>();
  private readonly moveListeners = new Set<(outcome: SwitchOutcome) => void>();
  private readonly writeListeners = new Set<(written: Scoped<Segment>) => void>();
  private readonly tenants: Tenant[];
  private readonly tokenInValues: string | undefined;
  private readonly apiRoutes: Record<string, (call: ApiCall, tenantId: string) => unknown>;
  private lastFailure: { to: string; error: AppErrorData } | null = null;
  /** Tenant id → its segments. */
  readonly segments = new Map<string, Segment[]>();
  private nextSegment = 100;
  private writes = 0;
  /** The real pager over the fake's answers: lists the fake's routes do not page are paged as the core does. */
  private readonly lists = new ListSnapshots();

  constructor(options: FakeSessionOptions = {}) {
    this.id = options.id ?? 'session-1';
    this.kind = options.kind ?? 'mcp';
    this.role = options.role ?? 'OWNER';
    this.tenants = options.tenants ?? fakeTenants;
    this.tokenInValues = options.tokenInValues;
    this.apiRoutes = options.apiRoutes ?? {};
    const root = this.tenants[0]?.id ?? 'tenant-root';
    this.homeTenantId = options.homeTenantId === undefined ? root : options.homeTenantId;
    this.activeTenantId = options.activeTenantId ?? this.homeTenantId ?? root;
    this.tenants.forEach((tenant, index) => this.segments.set(tenant.id, options.seedSegments === false ? [] : seedSegments(tenant.id, index * 10)));
  }

  /** The tenant it is in now. */
  get active(): string {
    return this.activeTenantId;
  }

  snapshot(): SessionSnapshot {
    return {
      id: this.id,
      kind: this.kind,
      clientName: this.clientName,
      clientVersion: this.clientVersion,
      activeTenantId: this.activeTenantId,
      homeTenantId: this.homeTenantId,
      role: this.role,
      switchingTo: null,
      lastSwitchError: this.lastFailure?.error ?? null,
      lastSwitchTarget: this.lastFailure?.to ?? null,
      createdAt: '2026-01-01T00:00:00.000Z',
      lastToolCall: this.lastToolCall,
      callCount: this.callCount,
    };
  }

  onDidChange(listener: (snapshot: SessionSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onDidMove(listener: (outcome: SwitchOutcome) => void): () => void {
    this.moveListeners.add(listener);
    return () => this.moveListeners.delete(listener);
  }

  /** Like `CoreSession.onDidWriteSegment`: after a create or an update. */
  onDidWriteSegment(listener: (written: Scoped<Segment>) => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  setClientInfo(info: { name: string | null; version: string | null }): void {
    this.clientName = info.name;
    this.clientVersion = info.version;
    this.emit();
  }

  /** Tool calls the bridge counted (name of the last one and how many). */
  lastToolCall: string | null = null;
  callCount = 0;

  recordToolCall(toolName: string): void {
    this.lastToolCall = toolName;
    this.callCount += 1;
    this.emit();
  }

  /** The desktop's sessions panel moves this session (as `CoreSession.moveTo`): a switch, announced as a move. */
  async moveTo(tenantId: string): Promise<SwitchOutcome> {
    const outcome = await this.switchTenant(tenantId);
    for (const listener of [...this.moveListeners]) listener(outcome);
    return outcome;
  }

  async listTenants(): Promise<TenantsView> {
    this.enter('listTenants');
    return { tenants: this.tenants, role: this.role, homeTenantId: this.homeTenantId, activeTenantId: this.activeTenantId };
  }

  async switchTenant(tenantId: string): Promise<SwitchOutcome> {
    this.enter(`switchTenant:${tenantId}`);
    const tenant = this.tenants.find((t) => t.id === tenantId);
    const refusal =
      tenant === undefined
        ? new CoreError('tenant_not_found', `Tenant ${tenantId} does not exist or is not visible to you.`)
        : !isSwitchableStatus(tenant.status)
          ? new CoreError('tenant_forbidden', `You cannot switch to ${tenant.name}: membership is ${tenant.status ?? 'unknown'}.`)
          : null;
    if (refusal !== null) {
      this.lastFailure = { to: tenantId, error: refusal.toData() };
      this.emit();
      throw refusal;
    }
    const previousTenantId = this.activeTenantId;
    this.activeTenantId = tenantId;
    this.lastFailure = null;
    this.emit();
    return { activeTenantId: tenantId, homeTenantId: this.homeTenantId, previousTenantId };
  }

  async resetTenant(): Promise<SwitchOutcome> {
    this.enter('resetTenant');
    if (this.homeTenantId === null) throw new CoreError('no_home_tenant', 'This session started without a tenant, so there is no home tenant to return to.');
    return this.switchTenant(this.homeTenantId);
  }

  async listSegments(query: SegmentQuery): Promise<Scoped<{ segments: Segment[]; nextCursor: string | null }>> {
    this.enter('listSegments');
    const all = (this.segments.get(this.activeTenantId) ?? []).filter((s) => query.search === undefined || s.name.toLowerCase().includes(query.search.toLowerCase()));
    const start = query.cursor === undefined ? 0 : Number(query.cursor);
    const limit = query.limit ?? 50;
    const page = all.slice(start, start + limit);
    const nextCursor = start + limit < all.length ? String(start + limit) : null;
    return this.scoped({ segments: page, nextCursor });
  }

  async getSegment(segmentId: string): Promise<Scoped<Segment>> {
    this.enter('getSegment');
    const segment = this.segments.get(this.activeTenantId)?.find((s) => s.id === segmentId);
    if (segment === undefined) throw new CoreError('not_found', `Segment ${segmentId} was not found in tenant ${this.activeTenantId}.`, 'segment_id');
    return this.scoped(segment);
  }

  async createSegment(input: SegmentCreate): Promise<Scoped<Segment>> {
    this.enter('createSegment');
    this.nextSegment += 1;
    const segment: Segment = { id: hex(this.nextSegment), name: input.name, description: input.description ?? null, definition: input.definition, status: 'ACTIVE', tenantId: this.activeTenantId, createdAt: '2026-01-02T00:00:00.000Z', modifiedAt: '2026-01-02T00:00:00.000Z' };
    this.segments.get(this.activeTenantId)?.push(segment);
    return this.wrote(segment);
  }

  async updateSegment(segmentId: string, input: SegmentUpdate, options: SegmentUpdateOptions = {}): Promise<Scoped<Segment>> {
    this.enter('updateSegment');
    const list = this.segments.get(this.activeTenantId) ?? [];
    const index = list.findIndex((s) => s.id === segmentId);
    const current = list[index];
    if (current === undefined) throw new CoreError('not_found', `Segment ${segmentId} was not found in tenant ${this.activeTenantId}.`, 'segment_id');
    if (options.baseRevision !== undefined && options.baseRevision !== segmentRevision(current)) throw new SegmentConflictError(current, options.baseRevision);
    this.writes += 1;
    const updated: Segment = { ...current, ...input, modifiedAt: `2026-01-03T00:00:00.${String(this.writes).padStart(3, '0')}Z` };
    list[index] = updated;
    return this.wrote(updated);
  }

  async previewSegment(definition: SegmentDefinition): Promise<Scoped<Preview>> {
    this.enter('previewSegment');
    return this.scoped({ estimated_fan_count: 42 * definition.stanzas.length, sample_fans: [{ fan_id: 'fan-1', first_name: 'Ana' }] });
  }

  async segmentationCriteria(): Promise<Scoped<Criterion[]>> {
    this.enter('segmentationCriteria');
    return this.scoped([{ id: 'country', type: 'profile_property', label: 'Country', operators: ['is', 'is_not', 'is_set', 'is_not_set'], valueType: 'ENTITY', options: [{ value: 'ES', label: 'Spain' }] }]);
  }

  async listCampaigns(query: CampaignListQuery): Promise<Scoped<CampaignList>> {
    this.enter('listCampaigns');
    const all: CampaignListItem[] = [
      { id: `${this.activeTenantId}-c1`, name: 'Spring sale', status: 'EXECUTED', channel: 'EMAIL', created_at: '2026-01-01T00:00:00.000Z' },
      { id: `${this.activeTenantId}-c2`, name: 'Reminder', status: 'DRAFT', channel: 'SMS', created_at: '2026-01-02T00:00:00.000Z' },
    ];
    const filtered = all.filter((c) => (query.status === undefined || c.status === query.status) && (query.channel === undefined || c.channel === query.channel));
    return this.scoped({ campaigns: filtered.slice(0, query.limit), ignoredFilters: [], hasMore: filtered.length > query.limit, total: filtered.length });
  }

  async analyticsCapabilities(): Promise<Scoped<Capabilities>> {
    this.enter('analyticsCapabilities');
    return this.scoped({ tables: [{ name: 'campaigns', description: 'Sent campaigns', timeField: 'executed_at', fields: [{ name: 'status', type: 'STRING' }] }] });
  }

  async paidAdsStatus(provider: PaidMediaProvider): Promise<Scoped<PaidAdsStatus>> {
    this.enter(`paidAdsStatus:${provider}`);
    return this.scoped({ connected: provider === 'meta', provider: provider.toUpperCase(), accountId: provider === 'meta' ? 'act_1' : null, accountName: null, lastSyncAt: null });
  }

  async callApi(call: ApiCall): Promise<Scoped<unknown>> {
    const key = `${call.api} ${call.method} ${call.path}`;
    this.enter(`callApi:${key}`);
    const route = this.apiRoutes[key];
    if (route === undefined) throw new CoreError('not_available', `The fake has no answer for ${key}.`);
    if (call.api === 'core' && call.method !== 'GET') this.lists.dropAll();
    return this.scoped(await route(call, this.activeTenantId));
  }

  async pagedList<T>(request: PagedListRequest<T>): Promise<Scoped<ListPage<T>>> {
    this.enter(`pagedList:${request.listing}`);
    return pageList(this.lists, this.activeTenantId, request, () => Date.now());
  }

  /**
   * The fake's call scope: the tenant is fixed now — the one named (with the same checks a switch makes),
   * else the active one — and every call through the scope runs as if this session were in it (each fake
   * method reads the tenant synchronously, before it returns), whatever is switched meanwhile.
   */
  async openScope(tenantId?: string): Promise<TenantScopedOperations> {
    const pinned = tenantId ?? this.activeTenantId;
    if (tenantId !== undefined) {
      this.enter(`openScope:${tenantId}`);
      if (!TenantIdSchema.safeParse(tenantId).success) throw new CoreError('invalid_request', 'tenant_id is not a tenant id', 'tenant_id');
      const tenant = this.tenants.find((t) => t.id === tenantId);
      if (tenant === undefined) throw new CoreError('tenant_not_found', `Tenant ${tenantId} does not exist or is not visible to you.`, 'tenant_id');
      if (!isSwitchableStatus(tenant.status)) throw new CoreError('tenant_forbidden', `No access to ${tenant.name}: membership is ${tenant.status ?? 'unknown'}.`, 'tenant_id');
    }
    const inTenant = <A extends unknown[], R>(run: (...args: A) => Promise<R>) => (...args: A): Promise<R> => {
      const active = this.activeTenantId;
      this.activeTenantId = pinned;
      try {
        return run(...args);
      } finally {
        this.activeTenantId = active;
      }
    };
    return {
      listSegments: inTenant((q: SegmentQuery) => this.listSegments(q)),
      getSegment: inTenant((id: string) => this.getSegment(id)),
      createSegment: inTenant((input: SegmentCreate) => this.createSegment(input)),
      updateSegment: inTenant((id: string, input: SegmentUpdate, options?: SegmentUpdateOptions) => this.updateSegment(id, input, options)),
      previewSegment: inTenant((definition: SegmentDefinition) => this.previewSegment(definition)),
      segmentationCriteria: inTenant(() => this.segmentationCriteria()),
      listCampaigns: inTenant((query: CampaignListQuery) => this.listCampaigns(query)),
      analyticsCapabilities: inTenant(() => this.analyticsCapabilities()),
      paidAdsStatus: inTenant((provider: PaidMediaProvider) => this.paidAdsStatus(provider)),
      callApi: inTenant((call: ApiCall) => this.callApi(call)),
      pagedList: inTenant(<T,>(request: PagedListRequest<T>) => this.pagedList(request)) as TenantScopedOperations['pagedList'],
    };
  }

  close(): void {
    this.closed = true;
    this.listeners.clear();
  }

  private enter(call: string): void {
    this.calls.push(call);
    if (this.leakTokenInNextError) {
      this.leakTokenInNextError = false;
      throw new CoreError('api_error', `upstream said: bad token ${fakeSecretToken} (Bearer ${fakeSecretToken})`);
    }
    const failure = this.failNext;
    if (failure !== null) {
      this.failNext = null;
      throw failure;
    }
  }

  private wrote(segment: Segment): Scoped<Segment> {
    this.lists.dropAll();
    for (const listener of [...this.writeListeners]) listener({ tenantId: this.activeTenantId, value: segment });
    return this.scoped(segment);
  }

  private scoped<T>(value: T): Scoped<T> {
    const token = this.tokenInValues;
    if (token === undefined) return { tenantId: this.activeTenantId, value };
    const withToken = (item: unknown): unknown => (typeof item === 'object' && item !== null ? { ...item, accessToken: token } : item);
    return { tenantId: this.activeTenantId, value: (Array.isArray(value) ? value.map(withToken) : withToken(value)) as T };
  }

  private emit(): void {
    const snapshot = this.snapshot();
    for (const listener of [...this.listeners]) listener(snapshot);
  }
}
