/**
 * Paging lists the Nevent API may not page. The real `GET /segments` answers a plain array of every
 * segment and ignores `page`/`size` (upstream sends neither), so asking it for "page 2" returns the first
 * records again and a cursor walk never ends. Every list answer is therefore checked, and one that ignored
 * paging is paged here, over what came back:
 *
 *   first page ─> API page 0 of n ─┬─ more than n records ───────────────┐ the API ignored paging
 *                                  ├─ a record the local filter drops ───┤ the API ignored the search
 *                                  │                                      v
 *                                  │                     snapshot: the whole list, kept per tenant and
 *                                  │                     listing (10 min, or until a write or a switch);
 *                                  │                     every page is a slice of it; the cursor carries
 *                                  │                     the snapshot's fingerprint
 *                                  └─ otherwise the API pages: next cursor = page n+1, with this
 *                                     page's fingerprint (the same page answered twice = ignored paging,
 *                                     then the whole list is loaded and paged here from where the walk is)
 *
 * So every record is reached exactly once and every walk ends. A cursor names its tenant, its listing and
 * its query: used anywhere else it is refused. A snapshot that is gone (a write dropped it, it expired) is
 * read again, and when the list is not the same any more the walk stops with `conflict` rather than
 * repeat or skip records silently. Lists paged by page number (upstream's `page`/`pageSize` tools) say so
 * in a `notice` instead, since a page number cannot carry a fingerprint.
 */
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Scoped } from '../http/api-call';
import { CoreError } from '../common/core-error';

/** One page as the API answered it; the metadata only when the answer had it. */
export interface ListAnswer<T> {
  items: T[];
  /** Records in the whole list. */
  total?: number | null;
  totalPages?: number | null;
  /** The page number the answer says it is. */
  page?: number | null;
}

/** Where a page starts: a cursor from a previous answer (none: the first page), or a page number. */
export type ListPosition = { cursor?: string | undefined } | { page: number };

/** A listing to page (built by the session for segments, by the domain modules for the rest). */
export interface PagedListRequest<T> {
  /** What is listed (`segments`, `short-urls`…): a cursor continues only the listing that made it. */
  listing: string;
  /** The filters of this listing as one string (a cursor continues only the same query). */
  query: string;
  /** Records per page. */
  size: number;
  position: ListPosition;
  /** `api`: the endpoint takes page and size; `none`: it always answers the whole list. */
  paging: 'api' | 'none';
  /** The largest page the endpoint accepts (used to read the whole list through its pages). */
  maxPageSize: number;
  /** Reads one page (page numbers from 0). */
  fetch(page: number, size: number): Promise<Scoped<ListAnswer<T>>>;
  idOf(item: T): string;
  /** Records the listing keeps (a search the API may not apply); all by default. */
  keep?(item: T): boolean;
}

/** One page of a listing. */
export interface ListPage<T> {
  items: T[];
  /** Continues this listing; null on the last page. */
  nextCursor: string | null;
  /** The page number (0-based) of a page asked by number or through an API-paged cursor; else the offset's page. */
  page: number;
  size: number;
  /** Records in the whole list, when known. */
  total: number | null;
  totalPages: number | null;
  /** Said when the list changed under a walk by page number (records may have moved between pages). */
  notice: string | null;
}

/** How long a snapshot serves its pages before the list is read again (and compared). */
export const snapshotLifetimeMs = 10 * 60 * 1000;
/** Listings a session keeps snapshots of (the least recently used dropped first). */
const maxSnapshots = 16;
/** Pages read at most to load a whole list through an API that pages it (a bound, not a promise). */
const maxPagesToLoad = 200;

const CursorSchema = z.object({
  v: z.literal(1),
  /** listing */
  k: z.string().max(64),
  /** tenant */
  t: z.string().max(128),
  /** query fingerprint */
  q: z.string().max(32),
  /** page size of the walk */
  n: z.number().int().min(1).max(10_000),
  /** snapshot: offset and the snapshot's fingerprint */
  o: z.number().int().min(0).max(100_000_000).optional(),
  f: z.string().max(32).optional(),
  /** API paging: next page, the last page's fingerprint, the total the first page reported */
  p: z.number().int().min(0).max(1_000_000).optional(),
  h: z.string().max(32).optional(),
  c: z.number().int().min(0).optional(),
});
type Cursor = z.infer<typeof CursorSchema>;

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(raw: string): Cursor {
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
  } catch {
    throw new CoreError('invalid_request', 'this cursor was not handed out by this listing; list again without cursor', 'cursor');
  }
}

/** A short fingerprint of strings in order (ids of a page, a whole list; a query). */
function fingerprint(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('base64url').slice(0, 16);
}

interface Snapshot {
  items: unknown[];
  fingerprint: string;
  takenAt: number;
}

/** The snapshots of one session's tenant caches; `dropAll` on every write. Times come from the caller's clock. */
export class ListSnapshots {
  private readonly snapshots = new Map<string, Snapshot>();
  /** Fingerprints of snapshots a write dropped, so a walk by page number can say the list moved. */
  private readonly dropped = new Map<string, string>();
  /** Fingerprints of API pages served by number (`key page size`), to catch the same page answered twice. */
  private readonly apiPages = new Map<string, string>();

  /** A write happened: every list may have changed. */
  dropAll(): void {
    for (const [key, snapshot] of this.snapshots) this.remember(this.dropped, key, snapshot.fingerprint);
    this.snapshots.clear();
    this.apiPages.clear();
  }

  /** The snapshot of `key` while it is fresh at `now`. */
  fresh(key: string, now: number): Snapshot | null {
    const snapshot = this.snapshots.get(key);
    if (snapshot === undefined) return null;
    if (now - snapshot.takenAt > snapshotLifetimeMs) {
      this.snapshots.delete(key);
      return null;
    }
    return snapshot;
  }

  /** Keeps `items` as the snapshot of `key`; answers it and whether it differs from one a write dropped. */
  take(key: string, items: unknown[], ids: readonly string[], now: number): { snapshot: Snapshot; movedSinceDrop: boolean } {
    const snapshot: Snapshot = { items, fingerprint: fingerprint(ids), takenAt: now };
    this.remember(this.snapshots, key, snapshot);
    const before = this.dropped.get(key);
    this.dropped.delete(key);
    return { snapshot, movedSinceDrop: before !== undefined && before !== snapshot.fingerprint };
  }

  apiPage(key: string): string | undefined {
    return this.apiPages.get(key);
  }

  noteApiPage(key: string, ids: string): void {
    this.remember(this.apiPages, key, ids);
  }

  private remember<V>(map: Map<string, V>, key: string, value: V): void {
    map.delete(key);
    map.set(key, value);
    // Snapshots hold whole lists: few of them; the fingerprints are small.
    const bound = map === (this.snapshots as Map<string, unknown>) ? maxSnapshots : maxSnapshots * 8;
    if (map.size > bound) map.delete(map.keys().next().value as string);
  }
}

/**
 * Answers one page of `request` in `tenantId` (the tenant the call runs in, known before it sends
 * anything), from `snapshots` or the API; `now` is the session's clock. See the module comment for the rules.
 */
export async function pageList<T>(snapshots: ListSnapshots, tenantId: string, request: PagedListRequest<T>, now: () => number): Promise<Scoped<ListPage<T>>> {
  const queryId = fingerprint([request.query]);
  const key = `${tenantId}\u0000${request.listing}\u0000${request.query}`;
  const walk = { request, tenantId, key, snapshots, now };
  if ('page' in request.position) return pageByNumber(walk, request.position.page);
  const raw = request.position.cursor;
  if (raw === undefined) return firstPage(walk, queryId);
  const cursor = decodeCursor(raw);
  if (cursor.k !== request.listing) throw new CoreError('invalid_request', `this cursor continues another listing (${cursor.k}), not ${request.listing}; list again without cursor`, 'cursor');
  if (cursor.t !== tenantId) throw new CoreError('invalid_request', `this cursor belongs to a listing in another tenant (${cursor.t}), not ${tenantId}; list again without cursor`, 'cursor');
  if (cursor.q !== queryId) throw new CoreError('invalid_request', 'this cursor belongs to the same listing with other filters (search…); list again without cursor, or repeat the filters it was made with', 'cursor');
  return cursor.f !== undefined ? fromSnapshotCursor(walk, cursor) : fromApiCursor(walk, cursor, queryId);
}

interface Walk<T> {
  request: PagedListRequest<T>;
  tenantId: string;
  key: string;
  snapshots: ListSnapshots;
  now: () => number;
}

/** The answer must come from the tenant the listing runs in (a switch in between moves a session's calls). */
async function fetchIn<T>(walk: Walk<T>, page: number, size: number): Promise<ListAnswer<T>> {
  const answer = await walk.request.fetch(page, size);
  if (answer.tenantId !== walk.tenantId) throw new CoreError('conflict', `the listing moved to tenant ${answer.tenantId} while it ran in ${walk.tenantId}; list again`, 'tenant_id');
  return answer.value;
}

const idsOf = <T>(walk: Walk<T>, items: readonly T[]): string[] => items.map((item) => walk.request.idOf(item));
const kept = <T>(walk: Walk<T>, items: T[]): T[] => (walk.request.keep === undefined ? items : items.filter((item) => walk.request.keep?.(item) === true));

function hasMore(answer: ListAnswer<unknown>, page: number, size: number): boolean {
  if (typeof answer.totalPages === 'number') return page + 1 < answer.totalPages;
  if (typeof answer.total === 'number') return (page + 1) * size < answer.total;
  return answer.items.length >= size;
}

/** Every record of the listing: one answer when the API ignores paging, else its pages (same page twice ends it). */
async function loadAll<T>(walk: Walk<T>): Promise<T[]> {
  const { request } = walk;
  const size = request.maxPageSize;
  if (request.paging === 'none') return kept(walk, (await fetchIn(walk, 0, size)).items);
  const all: T[] = [];
  let previous: string | null = null;
  for (let page = 0; page < maxPagesToLoad; page += 1) {
    const answer = await fetchIn(walk, page, size);
    if (answer.items.length > size) return kept(walk, answer.items);
    const ids = fingerprint(idsOf(walk, answer.items));
    if (answer.items.length > 0 && ids === previous) return kept(walk, all);
    all.push(...answer.items);
    if (!hasMore(answer, page, size) || answer.items.length === 0) return kept(walk, all);
    previous = ids;
  }
  throw new CoreError('api_error', `the ${request.listing} list is longer than ${maxPagesToLoad * size} records and the API does not filter it; narrow it (search) to list it`);
}

/** Keeps the whole list as this listing's snapshot. */
function snapshotOf<T>(walk: Walk<T>, items: T[]): { snapshot: Snapshot; movedSinceDrop: boolean } {
  return walk.snapshots.take(walk.key, items, idsOf(walk, items), walk.now());
}

/** A page of a snapshot from `offset`, with the cursor that continues it. */
function sliceOf<T>(walk: Walk<T>, snapshot: Snapshot, offset: number, size: number, queryId: string): ListPage<T> {
  const items = snapshot.items.slice(offset, offset + size) as T[];
  const end = offset + items.length;
  const nextCursor = end < snapshot.items.length ? encodeCursor({ v: 1, k: walk.request.listing, t: walk.tenantId, q: queryId, n: size, o: end, f: snapshot.fingerprint }) : null;
  const total = snapshot.items.length;
  return { items, nextCursor, page: Math.floor(offset / size), size, total, totalPages: Math.ceil(total / size), notice: null };
}

async function firstPage<T>(walk: Walk<T>, queryId: string): Promise<Scoped<ListPage<T>>> {
  const { request } = walk;
  const size = request.size;
  if (request.paging === 'none') return { tenantId: walk.tenantId, value: sliceOf(walk, snapshotOf(walk, await loadAll(walk)).snapshot, 0, size, queryId) };
  const answer = await fetchIn(walk, 0, size);
  const keptItems = kept(walk, answer.items);
  if (answer.items.length > size || keptItems.length < answer.items.length) {
    // The API ignored the page size (it sent everything) or the search (records that do not match): page it here.
    const all = answer.items.length > size ? keptItems : await loadAll(walk);
    return { tenantId: walk.tenantId, value: sliceOf(walk, snapshotOf(walk, all).snapshot, 0, size, queryId) };
  }
  const more = hasMore(answer, 0, size);
  const total = typeof answer.total === 'number' ? answer.total : null;
  const nextCursor = more ? encodeCursor({ v: 1, k: request.listing, t: walk.tenantId, q: queryId, n: size, p: 1, h: fingerprint(idsOf(walk, answer.items)), ...(total === null ? {} : { c: total }) }) : null;
  return { tenantId: walk.tenantId, value: { items: answer.items, nextCursor, page: 0, size, total, totalPages: answer.totalPages ?? null, notice: null } };
}

async function fromSnapshotCursor<T>(walk: Walk<T>, cursor: Cursor): Promise<Scoped<ListPage<T>>> {
  let snapshot = walk.snapshots.fresh(walk.key, walk.now());
  if (snapshot === null || snapshot.fingerprint !== cursor.f) {
    const before = snapshot?.items.length;
    snapshot = snapshotOf(walk, await loadAll(walk)).snapshot;
    if (snapshot.fingerprint !== cursor.f) {
      const now = snapshot.items.length;
      throw new CoreError('conflict', `the ${walk.request.listing} list changed since this walk began (something was created, changed or removed${before === undefined ? '' : `; ${before} records then`}, ${now} now): list again without cursor to see every record once`, 'cursor');
    }
  }
  const offset = cursor.o ?? 0;
  if (offset >= snapshot.items.length && snapshot.items.length > 0) throw new CoreError('invalid_request', `this cursor points past the end of the list (${snapshot.items.length} records); the listing is complete`, 'cursor');
  return { tenantId: walk.tenantId, value: sliceOf(walk, snapshot, offset, walk.request.size, cursor.q) };
}

async function fromApiCursor<T>(walk: Walk<T>, cursor: Cursor, queryId: string): Promise<Scoped<ListPage<T>>> {
  const page = cursor.p ?? 0;
  const size = cursor.n;
  const answer = await fetchIn(walk, page, size);
  const ids = fingerprint(idsOf(walk, answer.items));
  const keptItems = kept(walk, answer.items);
  const repeated = answer.items.length > 0 && ids === cursor.h;
  if (answer.items.length > size || repeated || keptItems.length < answer.items.length) {
    // The API stopped paging (or never did: the same page twice). Every record before this page was
    // answered already, page by page; the rest comes from the whole list.
    const all = answer.items.length > size ? keptItems : await loadAll(walk);
    const snapshot = snapshotOf(walk, all).snapshot;
    const offset = page * size;
    if (offset >= snapshot.items.length) return { tenantId: walk.tenantId, value: { items: [], nextCursor: null, page, size, total: snapshot.items.length, totalPages: Math.ceil(snapshot.items.length / size), notice: null } };
    return { tenantId: walk.tenantId, value: sliceOf(walk, snapshot, offset, size, queryId) };
  }
  const total = typeof answer.total === 'number' ? answer.total : null;
  if (cursor.c !== undefined && total !== null && total !== cursor.c) {
    throw new CoreError('conflict', `the ${walk.request.listing} list changed since this walk began (${cursor.c} records then, ${total} now), so records may have moved between pages: list again without cursor to see every record once`, 'cursor');
  }
  const more = hasMore(answer, page, size) && answer.items.length > 0;
  const nextCursor = more ? encodeCursor({ v: 1, k: walk.request.listing, t: walk.tenantId, q: queryId, n: size, p: page + 1, h: ids, ...(cursor.c === undefined ? {} : { c: cursor.c }) }) : null;
  return { tenantId: walk.tenantId, value: { items: answer.items, nextCursor, page, size, total, totalPages: answer.totalPages ?? null, notice: null } };
}

/** Upstream's page-number tools: page `page` of `size`, from the API while it pages, else from a snapshot. */
async function pageByNumber<T>(walk: Walk<T>, page: number): Promise<Scoped<ListPage<T>>> {
  const { request } = walk;
  const size = request.size;
  const fromSnapshot = (snapshot: Snapshot, movedSinceDrop: boolean): Scoped<ListPage<T>> => {
    const total = snapshot.items.length;
    const items = snapshot.items.slice(page * size, (page + 1) * size) as T[];
    const notice = movedSinceDrop && page > 0 ? `The list changed since earlier pages were read (something was created, changed or removed): records may have moved between pages. Read it again from page 0 to see every record once.` : null;
    return { tenantId: walk.tenantId, value: { items, nextCursor: null, page, size, total, totalPages: Math.ceil(total / size), notice } };
  };
  // Page 0 starts a walk: always read afresh (as a first cursor page is); later pages continue the snapshot.
  const held = page > 0 ? walk.snapshots.fresh(walk.key, walk.now()) : null;
  if (held !== null) return fromSnapshot(held, false);
  if (request.paging === 'none') {
    const taken = snapshotOf(walk, await loadAll(walk));
    return fromSnapshot(taken.snapshot, taken.movedSinceDrop);
  }
  const answer = await fetchIn(walk, page, size);
  const ids = fingerprint(idsOf(walk, answer.items));
  const previous = page > 0 ? walk.snapshots.apiPage(`${walk.key}\u0000${page - 1}\u0000${size}`) : undefined;
  const wrongPage = page > 0 && typeof answer.page === 'number' && answer.page !== page;
  if (answer.items.length > size || wrongPage || (answer.items.length > 0 && previous === ids)) {
    const all = answer.items.length > size ? answer.items : await loadAll(walk);
    const taken = snapshotOf(walk, all);
    return fromSnapshot(taken.snapshot, taken.movedSinceDrop);
  }
  walk.snapshots.noteApiPage(`${walk.key}\u0000${page}\u0000${size}`, ids);
  const total = typeof answer.total === 'number' ? answer.total : null;
  const totalPages = typeof answer.totalPages === 'number' ? answer.totalPages : total === null ? null : Math.ceil(total / size);
  return { tenantId: walk.tenantId, value: { items: answer.items, nextCursor: null, page, size, total, totalPages, notice: null } };
}
