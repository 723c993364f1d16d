/**
 * The contract every consumer of a tenant session codes against (MCP tools, IPC handlers, `serve`).
 * One implementation lives in this folder; tests use fakes of the same interface.
 *
 * Every tenant-scoped read answers with the tenant it was answered in (`Scoped.tenantId`): a call that
 * started before a switch completed runs, and reports, in the tenant it started in.
 */
import type { Capabilities, Criterion, PaidAdsStatus, PaidMediaProvider, Preview, Role, Segment, SegmentCreate, SegmentDefinition, SegmentUpdate, Tenant } from '../../../src-shared/api';
import type { CampaignList, CampaignListQuery } from '../domains/campaign-list';
import type { SegmentQuery, SegmentUpdateOptions } from '../domains/segments';
import type { ApiCall, Scoped } from '../http/api-call';
import type { ListPage, PagedListRequest } from '../domains/list-pager';
import type { SessionKind, SessionSnapshot } from '../../../src-shared/session';

/** Result of a switch, reset or move. */
export interface SwitchOutcome {
  activeTenantId: string;
  homeTenantId: string | null;
  previousTenantId: string | null;
}

/** The tenants a session's user may see, with where the session is. */
export interface TenantsView {
  tenants: Tenant[];
  /** The token's role; null when the token carries none. */
  role: Role | null;
  homeTenantId: string | null;
  activeTenantId: string | null;
}

/** One tenant context. */
export interface TenantSession {
  readonly id: string;
  readonly kind: SessionKind;
  snapshot(): SessionSnapshot;
  /** Fires after every change of the snapshot; returns the unsubscribe function. */
  onDidChange(listener: (snapshot: SessionSnapshot) => void): () => void;
  /** Fires after the desktop moved this session to another tenant (never for the session's own switches). */
  onDidMove(listener: (outcome: SwitchOutcome) => void): () => void;
  /** Records the MCP client's name/version from `initialize`. */
  setClientInfo(info: { name: string | null; version: string | null }): void;
  /** Counts a tool call for the snapshot (`lastToolCall`, `callCount`); the MCP bridge calls it. */
  recordToolCall(toolName: string): void;

  listTenants(): Promise<TenantsView>;
  switchTenant(tenantId: string): Promise<SwitchOutcome>;
  resetTenant(): Promise<SwitchOutcome>;

  /**
   * The scope one call runs in (docs/tenant-isolation.md): its tenant and
   * credential are fixed here, when the call starts — the tenant named, else the session's active tenant
   * at this moment — and every request the call makes through it uses that credential; a later switch of
   * this session never changes it. A named tenant other than the active one runs with a token scoped to it
   * (minted through the switch endpoint, checked like a switch, cached per account) without moving this
   * session. Rejects like a switch (`tenant_forbidden`, `tenant_not_found`; `invalid_request` for a
   * malformed id, before any request).
   */
  openScope(tenantId?: string): Promise<TenantScopedOperations>;

  /** Ends the session: pending work is rejected with `signed_out`, listeners are dropped. */
  close(): void;
}

/** What a call runs against: the tenant-scoped reads and writes, all in the one tenant the call was fixed to. */
export interface TenantScopedOperations {
  listSegments(query: SegmentQuery): Promise<Scoped<{ segments: Segment[]; nextCursor: string | null }>>;
  getSegment(segmentId: string): Promise<Scoped<Segment>>;
  createSegment(input: SegmentCreate): Promise<Scoped<Segment>>;
  /** Re-reads, compares with the base revision (a change → `conflict` with the current segment), writes. */
  updateSegment(segmentId: string, input: SegmentUpdate, options?: SegmentUpdateOptions): Promise<Scoped<Segment>>;
  previewSegment(definition: SegmentDefinition): Promise<Scoped<Preview>>;
  segmentationCriteria(): Promise<Scoped<Criterion[]>>;
  /** Campaigns from the data API's analytics (`not_available` where the tenant has none to list). */
  listCampaigns(query: CampaignListQuery): Promise<Scoped<CampaignList>>;
  analyticsCapabilities(): Promise<Scoped<Capabilities>>;
  paidAdsStatus(provider: PaidMediaProvider): Promise<Scoped<PaidAdsStatus>>;
  /** Any other endpoint of the toolset, in the call's tenant (see `ApiCall`). */
  callApi(call: ApiCall): Promise<Scoped<unknown>>;
  /**
   * One page of a list of the toolset in the call's tenant (list-pager.ts): from the API while it
   * pages, else from the whole list kept for the walk; a cursor only continues its own listing.
   */
  pagedList<T>(request: PagedListRequest<T>): Promise<Scoped<ListPage<T>>>;
}

/** Every operation of a scope by name; `satisfies` keeps the list and the interface the same. */
const scopedOperationNames = {
  listSegments: true,
  getSegment: true,
  createSegment: true,
  updateSegment: true,
  previewSegment: true,
  segmentationCriteria: true,
  listCampaigns: true,
  analyticsCapabilities: true,
  paidAdsStatus: true,
  callApi: true,
  pagedList: true,
} as const satisfies Record<keyof TenantScopedOperations, true>;

/**
 * A session's tenant-scoped operations where each one is a call of its own: it opens its scope when it
 * starts, in the tenant active at that moment, so a switch never redirects an operation already running
 * (the window's reads and writes; tests). The session itself offers only `openScope`.
 */
export function activeTenant(session: Pick<TenantSession, 'openScope'>): TenantScopedOperations {
  const operations: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of Object.keys(scopedOperationNames) as (keyof TenantScopedOperations)[]) {
    operations[name] = async (...args) => {
      const scope = await session.openScope();
      return (scope[name] as (...given: unknown[]) => Promise<unknown>).apply(scope, args);
    };
  }
  return operations as unknown as TenantScopedOperations;
}
