/**
 * The list inputs the tools share, and paging of lists an endpoint always answers whole (paid campaigns,
 * ad groups, ads, a parent link's user links, the media library): `limit`/`cursor` over the session's
 * snapshot of the list (src-main/core/domains/list-pager.ts), so a model reads a long list a page at a time and
 * every record exactly once (every byte of an answer is context a model pays for).
 */
import { z } from 'zod';
import type { ListPage } from '../../core/domains/list-pager';
import type { TenantScopedOperations } from '../../core/session/tenant-session';
import type { Scoped } from '../../core/http/api-call';

/** A page size input: its bounds are advertised by the schema, so the description says only the default. */
export function pageSizeInput(max: number, fallback: number): z.ZodOptional<z.ZodNumber> {
  return z.number().int().min(1).max(max).optional().describe(`Default ${fallback}.`);
}

/** A 0-based page number input (lists the API pages by number). */
export const pageNumberInput = z.number().int().min(0).max(100_000).optional().describe('From 0.');

/** The `cursor` input of every cursor-paged list: the one shared line. */
export const cursorInput = z.string().max(512).optional().describe('From next_cursor.');

/** The `limit` and `cursor` inputs of a paged list tool. */
export const listPageInput = {
  limit: pageSizeInput(200, 50),
  cursor: cursorInput,
};

/** What a whole list is paged with: the listing and query a cursor belongs to, and each record's id. */
export interface WholeListSpec<T> {
  listing: string;
  query: string;
  idOf(item: T): string;
}

/** One page (`limit`, `cursor`) of a list the endpoint answers whole, read by `read` only when a page needs it. */
export function pageOfWholeList<T>(tenant: Pick<TenantScopedOperations, 'pagedList'>, spec: WholeListSpec<T>, args: { limit?: number | undefined; cursor?: string | undefined }, read: () => Promise<Scoped<T[]>>): Promise<Scoped<ListPage<T>>> {
  const size = args.limit ?? 50;
  return tenant.pagedList<T>({
    listing: spec.listing,
    query: spec.query,
    size,
    position: { cursor: args.cursor },
    paging: 'none',
    maxPageSize: size,
    fetch: async () => {
      const answer = await read();
      return { tenantId: answer.tenantId, value: { items: answer.value } };
    },
    idOf: spec.idOf,
  });
}

/**
 * The page fields of an answer paged by number (upstream's `page`/`pageSize` tools): the page to ask for
 * next (null on the last) and a `notice` when the list changed under the walk (list-pager.ts). Without a
 * total, a full page is taken to have a next one.
 */
export function pageFields(page: ListPage<unknown>): { total: number | null; page: number; pageSize: number; totalPages: number | null; next_page: number | null; notice?: string } {
  const more = page.totalPages !== null ? page.page + 1 < page.totalPages : page.total !== null ? (page.page + 1) * page.size < page.total : page.items.length >= page.size;
  return { total: page.total, page: page.page, pageSize: page.size, totalPages: page.totalPages, next_page: more ? page.page + 1 : null, ...(page.notice === null ? {} : { notice: page.notice }) };
}
