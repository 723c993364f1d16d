/**
 * The contract every consumer of a tenant session codes against (MCP tools, IPC handlers, `serve`).
 * One implementation lives in this folder; tests use fakes of the same interface.
 *
 * Every tenant-scoped read answers with the tenant it was answered in (`Scoped.tenantId`): a call that
 * started before a switch completed runs, and reports, in the tenant it started in.
 */
import type { Capabilities, Criterion, PaidAdsStatus, PaidMediaProvider, Preview, Role, Segment, SegmentCreate, SegmentDefinition, SegmentUpdate, Tenant } from '../../src-shared/api';
import type { AppErrorData, ErrorCode } from '../../src-shared/errors';
import type { CampaignListItem, CampaignListQuery } from './campaign-list';
import type { UploadFile } from './http-client';
import type { ListPage, PagedListRequest } from './list-pager';
import type { SessionKind, SessionSnapshot } from '../../src-shared/session';

/** A value and the tenant it belongs to. */
export interface Scoped<T> {
  tenantId: string;
  value: T;
}

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

/** A page of the campaign list: the campaigns, whether more exist, how many there are (null: the API could not count). */
export interface CampaignList {
  campaigns: CampaignListItem[];
  /** Filters the tenant's table has no column for (left out of the query, said in the answer). */
  ignoredFilters: string[];
  hasMore: boolean;
  total: number | null;
}

/** Segment list query; `cursor` is opaque, from a previous answer. */
export interface SegmentQuery {
  search?: string;
  limit?: number;
  cursor?: string;
}

/**
 * Options of a segment update. `baseRevision` is the revision (`segmentRevision`) the edit started
 * from; without it the session uses the revision it last read of that segment, if any.
 */
export interface SegmentUpdateOptions {
  baseRevision?: string;
}

/**
 * One call to the Nevent API for the toolset's domain modules (src-main/core/domains/): sent with the
 * tenant's credential, renewed on 401 like every other call, the data API's `{success,data}` envelope
 * unwrapped and its `success:false` read as an error. The answer is the body as it came: each domain
 * reads it liberally itself (src-shared/api/).
 */
export interface ApiCall {
  api: 'core' | 'data';
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** A multipart file part instead of a JSON body (`POST /media/upload/resource`). */
  file?: UploadFile;
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
  /** Any other endpoint of the toolset, in this session's tenant (see `ApiCall`). */
  callApi(call: ApiCall): Promise<Scoped<unknown>>;
  /**
   * One page of a list of the toolset in this session's tenant (list-pager.ts): from the API while it
   * pages, else from the whole list kept for the walk; a cursor only continues its own listing.
   */
  pagedList<T>(request: PagedListRequest<T>): Promise<Scoped<ListPage<T>>>;

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
export type TenantScopedOperations = Pick<
  TenantSession,
  'listSegments' | 'getSegment' | 'createSegment' | 'updateSegment' | 'previewSegment' | 'segmentationCriteria' | 'listCampaigns' | 'analyticsCapabilities' | 'paidAdsStatus' | 'callApi' | 'pagedList'
>;

/** The error every core operation rejects with: a code from the shared union, a token-free message. */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly param?: string,
  ) {
    super(message);
    this.name = 'CoreError';
  }

  /** Plain data for IPC, MCP and the CLI. */
  toData(): AppErrorData {
    return this.param === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, param: this.param };
  }
}

/**
 * A segment changed since the edit started (the real API has no optimistic concurrency, so
 * the client compares revisions before writing). Nothing was written; `current` is what is stored now.
 */
export class SegmentConflictError extends CoreError {
  constructor(
    readonly current: Segment,
    readonly baseRevision: string,
  ) {
    super('conflict', `segment "${current.name}" was changed by someone else since you opened it; nothing was saved. Reload it and apply your edit again`, 'segment_id');
    this.name = 'SegmentConflictError';
  }
}
