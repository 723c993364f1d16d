/**
 * Short URLs (`/admin/short-url…` on the core API, NEVENT-API.md "Other HTTP domains"). A link record
 * needs only its id; everything else (`shortCode`, `shortUrl`, `longUrl`, `clickCount`, `isParent`,
 * `parentShortCode`, `userId`, …) is kept as sent, nullable fields included. Pages come as
 * `{items, total, page, pageSize, totalPages}` (a Spring `{content, totalElements}` or a bare array is
 * read too); per-user links and clicks as bare arrays (or wrapped).
 */
import { z } from 'zod';
import { countOrNull } from './common';
import { isApiObject, listAt, numberOrNull, objectAt, recordWithId, unwrapObject, type ApiObject, type ApiRecord } from './records';

/** A short link as the API sent it. */
export type ShortUrl = ApiRecord;

/** One page of a listing: the records and where the page sits, as far as the answer says (null: not said). */
export interface ApiPage<T> {
  items: T[];
  total: number | null;
  page: number | null;
  pageSize: number | null;
  totalPages: number | null;
}

/** One short link (bare, or wrapped in `{shortUrl}` / `{data}`). */
export function normalizeShortUrl(body: unknown): ShortUrl {
  return recordWithId(unwrapObject(body, ['shortUrl', 'data']), '(root)', 'the short URL');
}

/**
 * A page of records read by `item` (`items`, `content` or `data`; a bare array is the whole list, as an
 * API that ignores paging sends it). Counts are read liberally (`countOrNull`): an odd number is never fatal.
 */
export function normalizeApiPage<T>(body: unknown, item: (raw: unknown, path: string) => T, what: string): ApiPage<T> {
  const list = listAt(body, ['items', 'content', 'data'], what);
  const meta = isApiObject(body) ? body : {};
  const items = list.map((raw, i) => item(raw, `items[${i}]`));
  return {
    items,
    total: countOrNull(meta.total ?? meta.totalElements),
    page: countOrNull(meta.page ?? meta.number),
    pageSize: countOrNull(meta.pageSize ?? meta.size),
    totalPages: countOrNull(meta.totalPages),
  };
}

/** `GET /admin/short-url`: a page of links. */
export function normalizeShortUrlPage(body: unknown): ApiPage<ShortUrl> {
  return normalizeApiPage(body, (raw, path) => recordWithId(raw, path, 'a short URL'), 'the short URL list');
}

/** `GET /admin/short-url/{parentShortCode}/user-links`: the per-user links of a parent link. */
export function normalizeUserLinks(body: unknown): ShortUrl[] {
  return listAt(body, ['links', 'userLinks', 'items', 'data'], 'the user links').map((raw, i) => recordWithId(raw, `[${i}]`, 'a user link'));
}

/** `GET /admin/short-url/{id}/clicks`: click events (no id needed: each is kept as sent). */
export function normalizeClicks(body: unknown): ApiObject[] {
  return listAt(body, ['clicks', 'items', 'data'], 'the click list').map((raw, i) => objectAt(raw, `[${i}]`, 'a click'));
}

/** `GET /admin/short-url/destinations`: destinations (links grouped by where they lead), as sent. */
export function normalizeDestinationPage(body: unknown): ApiPage<ApiObject> {
  return normalizeApiPage(body, (raw, path) => objectAt(raw, path, 'a destination'), 'the destination list');
}

/** Metrics answers (`…/metrics`, `…/campaign-metrics`): an object, every field as sent. */
export function normalizeShortUrlMetrics(body: unknown): ApiObject {
  return objectAt(unwrapObject(body, ['data']), '(root)', 'the short URL metrics');
}

/** `POST /admin/short-url/{parentShortCode}/user-links`: how many were asked for and made, and the links. */
export function normalizeBulkUserLinks(body: unknown): ApiObject & { createdLinks: ShortUrl[]; totalRequested: number | null; totalCreated: number } {
  const answer = objectAt(unwrapObject(body, ['data']), '(root)', 'the bulk result');
  const created = Array.isArray(answer.createdLinks) ? answer.createdLinks.map((raw, i) => recordWithId(raw, `createdLinks[${i}]`, 'a created link')) : [];
  return { ...answer, createdLinks: created, totalRequested: numberOrNull(answer.totalRequested), totalCreated: numberOrNull(answer.totalCreated) ?? created.length };
}

/** Origins the destinations listing filters by (upstream's values). */
export const ShortUrlOriginSchema = z.enum(['ALL', 'MANUAL', 'CAMPAIGN', 'ASSISTANT']);

/** A short code as the API makes them (6-8 alphanumerics); custom ones follow the same rule. */
export const ShortCodeSchema = z.string().regex(/^[A-Za-z0-9]{6,8}$/, 'a short code is 6-8 letters or digits');

/** What a short link is addressed by in a path: its id (24-hex upstream, any URL-safe id accepted). */
export const ShortUrlIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'a short URL id may contain only letters, digits, "-" and "_"');

/** A parent link's short code as a path segment (upstream: at least one character). */
export const ParentShortCodeSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'a short code may contain only letters, digits, "-" and "_"');
