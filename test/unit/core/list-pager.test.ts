/**
 * The pager over lists the API may not page (src-main/core/domains/list-pager.ts), against APIs that behave as
 * real ones do: a plain array of everything whatever is asked (the real `GET /segments`), a Spring page
 * that pages, one that honors the size but not the page (the same page for every number), one that pages
 * but ignores the search. Every walk reaches every record exactly once and ends; bad cursors and lists
 * that change under a walk get a clear answer.
 */
import { describe, expect, it } from 'vitest';
import { ListSnapshots, pageList, snapshotLifetimeMs, type ListAnswer, type ListPosition, type PagedListRequest } from '../../../src-main/core/domains/list-pager';
import { CoreError } from '../../../src-main/core/common/core-error';

interface Row {
  id: string;
  name: string;
}

type Behaviour = 'ignores-paging' | 'pages' | 'honors-size-only' | 'pages-ignores-search' | 'ignores-paging-spring';

/** An API over `rows` that behaves as `behaviour` says; `requests` counts what it was asked. */
function fakeApi(rows: Row[], behaviour: Behaviour, search?: string) {
  const requests: Array<{ page: number; size: number }> = [];
  const matching = (): Row[] => (search === undefined || behaviour === 'pages-ignores-search' || behaviour.startsWith('ignores') ? rows : rows.filter((r) => r.name.includes(search)));
  const fetch = async (page: number, size: number): Promise<{ tenantId: string; value: ListAnswer<Row> }> => {
    requests.push({ page, size });
    const all = matching();
    switch (behaviour) {
      case 'ignores-paging':
        return { tenantId: 't1', value: { items: [...all] } };
      case 'ignores-paging-spring':
        return { tenantId: 't1', value: { items: [...all], total: all.length, totalPages: 1, page: 0 } };
      case 'honors-size-only':
        return { tenantId: 't1', value: { items: all.slice(0, size) } };
      case 'pages':
      case 'pages-ignores-search':
        return { tenantId: 't1', value: { items: all.slice(page * size, (page + 1) * size), total: all.length, totalPages: Math.ceil(all.length / size), page } };
    }
  };
  return { fetch, requests };
}

const rowsOf = (n: number, prefix = 'r'): Row[] => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, name: i % 3 === 0 ? `fizz ${i}` : `row ${i}` }));

function request(fetch: PagedListRequest<Row>['fetch'], position: ListPosition, options: { size?: number; search?: string; listing?: string; paging?: 'api' | 'none' } = {}): PagedListRequest<Row> {
  const search = options.search;
  return {
    listing: options.listing ?? 'rows',
    query: search ?? '',
    size: options.size ?? 50,
    position,
    paging: options.paging ?? 'api',
    maxPageSize: 200,
    fetch,
    idOf: (row) => row.id,
    ...(search === undefined ? {} : { keep: (row: Row) => row.name.includes(search) }),
  };
}

/** Follows `next_cursor` to the end (bounded: a walk that does not end fails the test). */
async function walk(snapshots: ListSnapshots, fetch: PagedListRequest<Row>['fetch'], options: { size?: number; search?: string } = {}): Promise<{ ids: string[]; pages: number[] }> {
  const ids: string[] = [];
  const pages: number[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i += 1) {
    const page = await pageList(snapshots, 't1', request(fetch, { cursor }, options), now);
    ids.push(...page.value.items.map((r) => r.id));
    pages.push(page.value.items.length);
    if (page.value.nextCursor === null) return { ids, pages };
    cursor = page.value.nextCursor;
  }
  throw new Error('the walk did not end');
}

/** The sessions' clock in these tests (moved by hand where a snapshot must expire). */
let clockMs = 1_000_000;
const now = (): number => clockMs;

describe('a cursor walk reaches every record exactly once and ends', () => {
  it.each<[Behaviour, number, number]>([
    ['ignores-paging', 137, 50],
    ['ignores-paging-spring', 137, 50],
    ['pages', 137, 50],
    ['honors-size-only', 50, 50],
    ['honors-size-only', 120, 50],
    ['pages', 100, 50],
    ['ignores-paging', 50, 50],
    ['ignores-paging', 0, 50],
  ])('%s, %i records, pages of %i', async (behaviour, count, size) => {
    const rows = rowsOf(count);
    const api = fakeApi(rows, behaviour);
    const { ids, pages } = await walk(new ListSnapshots(), api.fetch, { size });
    // An API that honors the size but not the page answers page 2 like page 1: caught, and the rest is read
    // in one page of the endpoint's largest size.
    expect(ids).toEqual(rows.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    // Every page but the last is full: the size promised.
    expect(pages.slice(0, -1).every((n) => n === size)).toBe(true);
  });

  it('pages an API that ignores paging from the list it answered once (one request for the whole walk)', async () => {
    const api = fakeApi(rowsOf(137), 'ignores-paging');
    await walk(new ListSnapshots(), api.fetch, { size: 50 });
    expect(api.requests).toHaveLength(1);
  });

  it.each<Behaviour>(['ignores-paging', 'pages-ignores-search', 'pages'])('filters here what the API did not (%s): pages of the size promised, matches only', async (behaviour) => {
    const rows = rowsOf(300);
    const api = fakeApi(rows, behaviour, 'fizz');
    const { ids, pages } = await walk(new ListSnapshots(), api.fetch, { size: 30, search: 'fizz' });
    expect(ids).toEqual(rows.filter((r) => r.name.includes('fizz')).map((r) => r.id));
    expect(pages.slice(0, -1).every((n) => n === 30)).toBe(true);
  });

  it('a list read whole by design (no page parameters) is paged from one read', async () => {
    const api = fakeApi(rowsOf(12), 'ignores-paging');
    const snapshots = new ListSnapshots();
    const first = await pageList(snapshots, 't1', request(api.fetch, { cursor: undefined }, { size: 5, paging: 'none' }), now);
    const second = await pageList(snapshots, 't1', request(api.fetch, { cursor: first.value.nextCursor ?? undefined }, { size: 5, paging: 'none' }), now);
    expect([...first.value.items, ...second.value.items].map((r) => r.id)).toEqual(rowsOf(10).map((r) => r.id));
    expect(first.value.total).toBe(12);
    expect(api.requests).toHaveLength(1);
  });
});

describe('cursors from elsewhere, past the end, and lists that change', () => {
  async function firstCursor(snapshots: ListSnapshots, behaviour: Behaviour = 'ignores-paging'): Promise<string> {
    const page = await pageList(snapshots, 't1', request(fakeApi(rowsOf(120), behaviour).fetch, { cursor: undefined }), now);
    if (page.value.nextCursor === null) throw new Error('no cursor');
    return page.value.nextCursor;
  }

  const refusal = async (promise: Promise<unknown>): Promise<CoreError> => {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    return error as CoreError;
  };

  it('refuses a cursor of another tenant, another listing or another search, and one it never made, before any request', async () => {
    const snapshots = new ListSnapshots();
    const cursor = await firstCursor(snapshots);
    const api = fakeApi(rowsOf(120), 'ignores-paging');
    const otherTenant = await refusal(pageList(snapshots, 't2', request(api.fetch, { cursor }), now));
    expect(otherTenant).toMatchObject({ code: 'invalid_request', param: 'cursor' });
    expect(otherTenant.message).toContain('another tenant');
    expect((await refusal(pageList(snapshots, 't1', request(api.fetch, { cursor }, { listing: 'images' }), now))).message).toContain('another listing');
    expect((await refusal(pageList(snapshots, 't1', request(api.fetch, { cursor }, { search: 'fizz' }), now))).message).toContain('other filters');
    expect(await refusal(pageList(snapshots, 't1', request(api.fetch, { cursor: 'not-a-cursor' }), now))).toMatchObject({ code: 'invalid_request', param: 'cursor' });
    const forged = Buffer.from(JSON.stringify({ v: 1, k: 'rows', t: 't1', q: 'x', n: 5, o: -1, f: 'abc' })).toString('base64url');
    expect(await refusal(pageList(snapshots, 't1', request(api.fetch, { cursor: forged }), now))).toMatchObject({ code: 'invalid_request' });
    expect(api.requests).toHaveLength(0);
  });

  it('says a cursor points past the end', async () => {
    const snapshots = new ListSnapshots();
    const cursor = await firstCursor(snapshots);
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const past = Buffer.from(JSON.stringify({ ...decoded, o: 500 })).toString('base64url');
    const error = await refusal(pageList(snapshots, 't1', request(fakeApi(rowsOf(120), 'ignores-paging').fetch, { cursor: past }), now));
    expect(error).toMatchObject({ code: 'invalid_request', param: 'cursor' });
    expect(error.message).toContain('past the end');
  });

  it('stops a walk with conflict when a write changed the list between pages, never repeating or skipping silently', async () => {
    const rows = rowsOf(120);
    const api = fakeApi(rows, 'ignores-paging');
    const snapshots = new ListSnapshots();
    const first = await pageList(snapshots, 't1', request(api.fetch, { cursor: undefined }), now);
    rows.unshift({ id: 'new', name: 'created meanwhile' });
    snapshots.dropAll(); // what every write of the session does
    const error = await refusal(pageList(snapshots, 't1', request(api.fetch, { cursor: first.value.nextCursor ?? undefined }), now));
    expect(error).toMatchObject({ code: 'conflict', param: 'cursor' });
    expect(error.message).toMatch(/changed since this walk began.*list again without cursor/);
  });

  it('continues after a write that did not change this list, and after the snapshot expired unchanged', async () => {
    const rows = rowsOf(120);
    const api = fakeApi(rows, 'ignores-paging');
    const snapshots = new ListSnapshots();
    const first = await pageList(snapshots, 't1', request(api.fetch, { cursor: undefined }), now);
    snapshots.dropAll();
    const second = await pageList(snapshots, 't1', request(api.fetch, { cursor: first.value.nextCursor ?? undefined }), now);
    clockMs += snapshotLifetimeMs + 1;
    const third = await pageList(snapshots, 't1', request(api.fetch, { cursor: second.value.nextCursor ?? undefined }), now);
    expect([...first.value.items, ...second.value.items, ...third.value.items].map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(third.value.nextCursor).toBeNull();
  });

  it('stops a walk over an API that pages when its total changed between pages', async () => {
    const rows = rowsOf(120);
    const api = fakeApi(rows, 'pages');
    const snapshots = new ListSnapshots();
    const first = await pageList(snapshots, 't1', request(api.fetch, { cursor: undefined }), now);
    rows.splice(3, 1);
    const error = await refusal(pageList(snapshots, 't1', request(api.fetch, { cursor: first.value.nextCursor ?? undefined }), now));
    expect(error).toMatchObject({ code: 'conflict', param: 'cursor' });
    expect(error.message).toContain('120 records then, 119 now');
  });

  it('refuses an answer from another tenant than the walk runs in', async () => {
    const fetch = async (): Promise<{ tenantId: string; value: ListAnswer<Row> }> => ({ tenantId: 'elsewhere', value: { items: rowsOf(3) } });
    expect(await refusal(pageList(new ListSnapshots(), 't1', request(fetch, { cursor: undefined }), now))).toMatchObject({ code: 'conflict' });
  });
});

describe('lists paged by number (upstream page/pageSize tools)', () => {
  it.each<Behaviour>(['ignores-paging', 'pages', 'honors-size-only'])('page after page reaches every record once and the last page is known (%s)', async (behaviour) => {
    const rows = rowsOf(45);
    const api = fakeApi(rows, behaviour);
    const snapshots = new ListSnapshots();
    const ids: string[] = [];
    for (let page = 0; page < 10; page += 1) {
      const answer = await pageList(snapshots, 't1', request(api.fetch, { page }, { size: 20 }), now);
      ids.push(...answer.value.items.map((r) => r.id));
      if (answer.value.items.length < 20 || (answer.value.totalPages !== null && page + 1 >= answer.value.totalPages)) break;
    }
    expect(ids).toEqual(rows.map((r) => r.id));
  });

  it('says so when the list changed between pages (a write dropped the snapshot)', async () => {
    const rows = rowsOf(45);
    const api = fakeApi(rows, 'ignores-paging');
    const snapshots = new ListSnapshots();
    const first = await pageList(snapshots, 't1', request(api.fetch, { page: 0 }, { size: 20 }), now);
    expect(first.value).toMatchObject({ total: 45, totalPages: 3, notice: null });
    rows.unshift({ id: 'new', name: 'created meanwhile' });
    snapshots.dropAll();
    const second = await pageList(snapshots, 't1', request(api.fetch, { page: 1 }, { size: 20 }), now);
    expect(second.value.notice).toMatch(/changed since earlier pages.*page 0/);
    expect(second.value.total).toBe(46);
  });

  it('page 0 reads the list afresh (a new walk sees what changed); later pages continue the same list', async () => {
    const rows = rowsOf(45);
    const api = fakeApi(rows, 'ignores-paging');
    const snapshots = new ListSnapshots();
    expect((await pageList(snapshots, 't1', request(api.fetch, { page: 0 }, { size: 20 }), now)).value.total).toBe(45);
    rows.push({ id: 'added', name: 'added by someone else' });
    // The walk in progress keeps its list: page 2 ends where page 0 said.
    expect((await pageList(snapshots, 't1', request(api.fetch, { page: 2 }, { size: 20 }), now)).value.items.map((r) => r.id)).toEqual(['r40', 'r41', 'r42', 'r43', 'r44']);
    // A new walk sees the new record.
    expect((await pageList(snapshots, 't1', request(api.fetch, { page: 0 }, { size: 20 }), now)).value.total).toBe(46);
    expect(api.requests).toHaveLength(2);
  });
});
