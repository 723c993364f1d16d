/**
 * A call's tenant (docs/tenant-isolation.md). A scope is created when a call starts and pins
 * the credential the call runs with — the tenant the call named, or the session's active tenant at that
 * moment — and every request of the call goes out with that credential. It is what tenant-scoped code
 * calls the API through:
 *
 *   session.openScope(tenant_id?) ──> TenantScope (tenantId, pinned credential)
 *      ├─ data, callApi ─ every request with the pinned credential (AuthorizedRequester)
 *      │     └─ 401 ─> renew *that* credential (same tenant, checked) ─> kept at home when still unchanged there
 *      ├─ cached ─────── the tenant's caches in the session that opened it (criteria, capabilities, …)
 *      ├─ revisions ──── the segment revisions that session has seen (conflict checks)
 *      └─ announceWrite ─ a segment was written (the window shows it without reloading)
 *
 * The scope is the `DomainScope` the domain modules (domains/) run on, and it offers a call's
 * operations (`TenantScopedOperations`) by handing itself to them: what the API offers lives there.
 *
 * Nothing can move a scope: a switch replaces the session's credential and caches, never a scope's. A
 * credential that can no longer be used — the session ended, a renewal refused or come back elsewhere —
 * fails the call before anything more is sent, never with another tenant's token. The one exception is a
 * per-tenant credential whose own refresh token the API refused: that credential alone is over, and a new
 * one is obtained for the same tenant (`CredentialHome.reissue`), or the call fails.
 */
import type { Capabilities, Criterion, PaidAdsStatus, PaidMediaProvider, Preview, Segment, SegmentCreate, SegmentDefinition, SegmentUpdate } from '../../../src-shared/api';
import type { ApiCall, Scoped } from '../http/api-call';
import { AuthorizedRequester } from '../tokens/authorized-requester';
import type { Clock } from '../common/clock';
import { CoreError } from '../common/core-error';
import { tenantOf, type Credential, type CredentialCell } from '../tokens/credential';
import type { CredentialRenewer } from '../tokens/credential-renewal';
import { DataClient, type ApiUrls } from '../tokens/data-client';
import { analyticsCapabilities } from '../domains/analytics';
import { listCampaigns, type CampaignList, type CampaignListQuery } from '../domains/campaign-list';
import type { DomainScope } from '../domains/domain-scope';
import { paidAdsStatus } from '../domains/paid-media';
import type { SegmentRevisions } from '../domains/segment-revisions';
import { createSegment, getSegment, listSegments, previewSegment, segmentationCriteria, updateSegment, type SegmentQuery, type SegmentUpdateOptions } from '../domains/segments';
import type { HttpClient } from '../http/http-client';
import { ListSnapshots, pageList, type ListPage, type PagedListRequest } from '../domains/list-pager';
import type { TenantScopedOperations } from './tenant-session';

/** Per-tenant caches of one session; a switch replaces the session's object, so a late answer lands in a discarded one. */
export class TenantCaches {
  private readonly values = new Map<string, Promise<unknown>>();
  /** Whole lists the API would not page, kept for the walks over them (list-pager.ts); a write drops them. */
  readonly lists = new ListSnapshots();

  /** The value under `key`, loaded once; a failed load is not kept (the next call asks again). */
  cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const kept = this.values.get(key) as Promise<T> | undefined;
    if (kept !== undefined) return kept;
    const pending = load();
    this.values.set(key, pending);
    pending.catch(() => {
      if (this.values.get(key) === pending) this.values.delete(key);
    });
    return pending;
  }
}

/** Where a scope's credential came from, and where its renewal is kept for later calls. */
export interface CredentialHome {
  /** The session's own cell, or the account's cell of that tenant (tenant-tokens.ts). */
  readonly cell: CredentialCell;
  /** The tenant's caches in the session that opened the scope. */
  readonly caches: TenantCaches;
  /**
   * For a per-tenant credential only: a new home in the same tenant after the API refused the
   * credential's own refresh token (the cached entry is evicted and minted again).
   */
  readonly reissue?: () => Promise<CredentialHome>;
}

/** What a session lends every scope it opens. */
export interface ScopeHost {
  readonly urls: ApiUrls;
  readonly http: HttpClient;
  readonly clock: Clock;
  /** The session's: aborted when it ends, which fails every request of its calls before it is sent. */
  readonly signal: AbortSignal;
  readonly renewer: CredentialRenewer;
  readonly revisions: SegmentRevisions;
  announceWrite(written: Scoped<Segment>): void;
}

function isRefusedRefresh(error: unknown): boolean {
  return error instanceof CoreError && error.code === 'refresh_failed';
}

/** One call's tenant: the credential pinned when the call started, and what the call reaches through it. */
export class TenantScope implements DomainScope, TenantScopedOperations {
  /** The tenant of the pinned credential: every request and answer of the call is in it. */
  readonly tenantId: string | null;
  /** The API client (any call, switch, list tenants) with the pinned credential. */
  readonly data: DataClient;
  private home: CredentialHome;

  constructor(
    private readonly host: ScopeHost,
    home: CredentialHome,
  ) {
    this.home = home;
    const pinned = home.cell.current;
    this.tenantId = tenantOf(pinned);
    const requester = new AuthorizedRequester(pinned, host.http, (refused) => this.renew(refused), host.signal);
    this.data = new DataClient(requester, host.urls);
  }

  /** The credential the call sends with: the pinned one, or its renewal (same tenant). */
  get credential(): Credential {
    return this.data.credential;
  }

  /** The tenant's caches in the session that opened the scope. */
  get cache(): TenantCaches {
    return this.home.caches;
  }

  /** The segment revisions the session has seen. */
  get revisions(): SegmentRevisions {
    return this.host.revisions;
  }

  now(): number {
    return this.host.clock.now();
  }

  cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.cache.cached(key, load);
  }

  /** A segment was created or updated in this call's tenant. */
  announceWrite(written: Scoped<Segment>): Scoped<Segment> {
    this.cache.lists.dropAll();
    this.host.announceWrite(written);
    return written;
  }

  async callApi(call: ApiCall): Promise<Scoped<unknown>> {
    // A write may change any list the session pages itself (even one that failed may have been applied).
    // The data API only reads; a core read by POST (a quote, a preview) costs a re-read of the list, no more.
    if (call.api === 'core' && call.method !== 'GET') this.cache.lists.dropAll();
    const answer = await this.data.call(call);
    return { tenantId: tenantOf(answer.credential) ?? '', value: answer.value };
  }

  /** One page of a listing, in this call's tenant: from the API while it pages, else from the whole list kept for the walk. */
  pagedList<T>(request: PagedListRequest<T>): Promise<Scoped<ListPage<T>>> {
    return pageList(this.cache.lists, this.tenantId ?? '', request, () => this.host.clock.now());
  }

  // The call's operations, as the domain modules carry them out in this scope.

  listSegments(query: SegmentQuery): Promise<Scoped<{ segments: Segment[]; nextCursor: string | null }>> {
    return listSegments(this, query);
  }

  getSegment(segmentId: string): Promise<Scoped<Segment>> {
    return getSegment(this, segmentId);
  }

  createSegment(input: SegmentCreate): Promise<Scoped<Segment>> {
    return createSegment(this, input);
  }

  updateSegment(segmentId: string, input: SegmentUpdate, options?: SegmentUpdateOptions): Promise<Scoped<Segment>> {
    return updateSegment(this, segmentId, input, options);
  }

  previewSegment(definition: SegmentDefinition): Promise<Scoped<Preview>> {
    return previewSegment(this, definition);
  }

  segmentationCriteria(): Promise<Scoped<Criterion[]>> {
    return segmentationCriteria(this);
  }

  listCampaigns(query: CampaignListQuery): Promise<Scoped<CampaignList>> {
    return listCampaigns(this, query);
  }

  analyticsCapabilities(): Promise<Scoped<Capabilities>> {
    return analyticsCapabilities(this);
  }

  paidAdsStatus(provider: PaidMediaProvider): Promise<Scoped<PaidAdsStatus>> {
    return paidAdsStatus(this, provider);
  }

  /**
   * Renews the pinned credential after a 401, for this tenant only: the renewal is kept at home when home
   * still holds the refused credential (a switch there since wins), and a result in another tenant is refused.
   */
  private async renew(refused: Credential): Promise<Credential> {
    let renewed: Credential;
    try {
      renewed = await this.host.renewer.renew(refused);
    } catch (error) {
      const reissue = this.home.reissue;
      if (reissue === undefined || !isRefusedRefresh(error) || !this.host.renewer.isTenantScoped(refused.refreshToken)) throw error;
      // The API refused this tenant's own refresh token: that credential is over, not the account.
      this.home = await reissue();
      renewed = this.home.cell.current;
    }
    if (this.tenantId !== null && tenantOf(renewed) !== this.tenantId) {
      throw new CoreError('token_tenant_mismatch', `the renewed token is for tenant "${tenantOf(renewed) ?? 'none'}", not "${this.tenantId ?? 'none'}" where this call started; nothing more was sent`);
    }
    this.home.cell.replaceIf(refused, renewed);
    return renewed;
  }
}
