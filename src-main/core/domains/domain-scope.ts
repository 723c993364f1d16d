/**
 * What a session lends the domain code of one call (the session's tenant-scope.ts implements it): the
 * API in the call's tenant, paging, a cache of that tenant that a switch drops, and a way to say a
 * segment was written. Domain modules know what the API offers; this is all they know of sessions.
 */
import type { Segment } from '../../../src-shared/api';
import type { ApiCaller, Scoped } from '../http/api-call';
import type { ListPage, PagedListRequest } from './list-pager';
import type { SegmentRevisions } from './segment-revisions';

/** One call's tenant, as domain code sees it. */
export interface DomainScope extends ApiCaller {
  /** The tenant every request of the call goes to (null: the token names none). */
  readonly tenantId: string | null;
  /** One page of a listing in the call's tenant (list-pager.ts). */
  pagedList<T>(request: PagedListRequest<T>): Promise<Scoped<ListPage<T>>>;
  /** The tenant's value under `key`, loaded once while the session stays in the tenant; a failed load is not kept. */
  cached<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** The segment revisions the session has seen (the base of conflict checks). */
  readonly revisions: SegmentRevisions;
  /** A segment was created or updated in this call's tenant (lists kept for walks are dropped; the window is told). */
  announceWrite(written: Scoped<Segment>): Scoped<Segment>;
  /** The session's clock (timestamps the call writes). */
  now(): number;
}
