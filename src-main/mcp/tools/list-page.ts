/**
 * Paging of lists the API answers whole (paid campaigns, ad groups, ads, a parent link's user links):
 * `limit`/`cursor` over the list as it came, with the bridge's opaque cursors (page-cursor.ts), so a
 * model reads a long list a page at a time (DESIGN §4, context budget).
 */
import { z } from 'zod';
import { decodePageCursor, encodePageCursor } from '../page-cursor';

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

/** Where a page starts: read before the API is called, so a foreign cursor costs no request. */
export function pageStart(args: { cursor?: string | undefined }, kind: string, query: string): number {
  return args.cursor === undefined ? 0 : decodePageCursor(kind, args.cursor, query);
}

/** One page of `items` from `offset` (see `pageStart`); `kind` and `query` tie the next cursor to this listing. */
export function pageOfList<T>(items: readonly T[], offset: number, args: { limit?: number | undefined }, kind: string, query: string): { items: T[]; total: number; nextCursor: string | null } {
  const limit = args.limit ?? 50;
  const end = offset + limit;
  return { items: items.slice(offset, end), total: items.length, nextCursor: end < items.length ? encodePageCursor(kind, end, query) : null };
}
