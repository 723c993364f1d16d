/**
 * Short URLs of a tenant (core API `/admin/short-url…`): requests built field by field (only what the
 * caller gave is sent), answers read by src-shared/api/short-urls.ts. Click events carry personal data
 * (IP address, user agent, location down to the postcode): `clickSummary` keeps what a model needs to
 * talk about traffic and drops the rest.
 */
import {
  normalizeBulkUserLinks,
  normalizeClicks,
  normalizeDestinationPage,
  normalizeShortUrl,
  normalizeShortUrlMetrics,
  normalizeShortUrlPage,
  normalizeUserLinks,
  type ApiObject,
  type ApiPage,
  type ShortUrl,
} from '../../../src-shared/api';
import type { ListAnswer, ListPage } from './list-pager';
import type { DomainScope } from './domain-scope';
import type { Scoped, ApiCaller } from '../http/api-call';
import { countBy } from './compact';
import { definedFields, definedQuery, readApi, segment } from './api-read';

/** What a paged listing needs of a tenant: its calls and its pager. */
type ListCaller = Pick<DomainScope, 'callApi' | 'pagedList'>;

/** Filters and page of the link list (upstream's names). */
export interface ShortUrlListQuery {
  isActive?: boolean;
  search?: string;
  page: number;
  pageSize: number;
}

/** Filters and page of the destinations listing. */
export interface DestinationQuery {
  origin?: string;
  search?: string;
  page: number;
  pageSize: number;
}

/** The largest page the link listings accept (upstream's schema). */
const maxShortUrlPage = 100;

/** A page as the pager reads it (what the answer said of itself, nothing guessed). */
function listAnswer<T>(answer: Scoped<ApiPage<T>>): Scoped<ListAnswer<T>> {
  const { items, total, totalPages, page } = answer.value;
  return { tenantId: answer.tenantId, value: { items, total, totalPages, page } };
}

/** A new link (`POST /admin/short-url`). */
export interface ShortUrlCreate {
  longUrl: string;
  title?: string;
  expiresAt?: string;
  tags?: string[];
  metadata?: Record<string, unknown>;
  customShortCode?: string;
}

/** The fields of a link that change (`PUT /admin/short-url/{id}`); `expiresAt: null` removes the expiry. */
export interface ShortUrlUpdate {
  title?: string;
  expiresAt?: string | null;
  isActive?: boolean;
  tags?: string[];
  metadata?: Record<string, unknown>;
  longUrl?: string;
}

const base = '/admin/short-url';

/** `GET /admin/short-url`: one page of the tenant's links (paged here when the API answers them all at once). */
export function listShortUrls(ops: ListCaller, query: ShortUrlListQuery): Promise<Scoped<ListPage<ShortUrl>>> {
  const filters = { isActive: query.isActive, search: query.search };
  return ops.pagedList({
    listing: 'short-urls',
    query: JSON.stringify(filters),
    size: query.pageSize,
    position: { page: query.page },
    paging: 'api',
    maxPageSize: maxShortUrlPage,
    fetch: async (page, pageSize) => listAnswer(await readApi(ops, { api: 'core', method: 'GET', path: base, query: definedQuery({ ...filters, page, pageSize }) }, normalizeShortUrlPage)),
    idOf: (link) => link.id,
  });
}

/** `GET /admin/short-url/{id}`. */
export function getShortUrl(ops: ApiCaller, id: string): Promise<Scoped<ShortUrl>> {
  return readApi(ops, { api: 'core', method: 'GET', path: `${base}/${segment(id)}` }, normalizeShortUrl);
}

/** `GET /admin/short-url/{id}/metrics?days=`. */
export function shortUrlMetrics(ops: ApiCaller, id: string, days?: number): Promise<Scoped<ApiObject>> {
  return readApi(ops, { api: 'core', method: 'GET', path: `${base}/${segment(id)}/metrics`, query: definedQuery({ days }) }, normalizeShortUrlMetrics);
}

/** `GET /admin/short-url/{parentShortCode}/campaign-metrics?days=&topN=`. */
export function shortUrlCampaignMetrics(ops: ApiCaller, parentShortCode: string, options: { days?: number; topN?: number }): Promise<Scoped<ApiObject>> {
  return readApi(ops, { api: 'core', method: 'GET', path: `${base}/${segment(parentShortCode)}/campaign-metrics`, query: definedQuery({ days: options.days, topN: options.topN }) }, normalizeShortUrlMetrics);
}

/** `GET /admin/short-url/{id}/clicks?limit=`: the most recent click events. */
export function shortUrlClicks(ops: ApiCaller, id: string, limit?: number): Promise<Scoped<ApiObject[]>> {
  return readApi(ops, { api: 'core', method: 'GET', path: `${base}/${segment(id)}/clicks`, query: definedQuery({ limit }) }, normalizeClicks);
}

/** `GET /admin/short-url/{parentShortCode}/user-links`: every per-user link of a parent link. */
export function shortUrlUserLinks(ops: ApiCaller, parentShortCode: string): Promise<Scoped<ShortUrl[]>> {
  return readApi(ops, { api: 'core', method: 'GET', path: `${base}/${segment(parentShortCode)}/user-links` }, normalizeUserLinks);
}

/** `GET /admin/short-url/destinations`: links grouped by destination (paged here when the API answers them all at once). */
export function shortUrlDestinations(ops: ListCaller, query: DestinationQuery): Promise<Scoped<ListPage<ApiObject>>> {
  const filters = { origin: query.origin, search: query.search };
  return ops.pagedList({
    listing: 'short-url-destinations',
    query: JSON.stringify(filters),
    size: query.pageSize,
    position: { page: query.page },
    paging: 'api',
    maxPageSize: maxShortUrlPage,
    fetch: async (page, pageSize) => listAnswer(await readApi(ops, { api: 'core', method: 'GET', path: `${base}/destinations`, query: definedQuery({ ...filters, page, pageSize }) }, normalizeDestinationPage)),
    // A destination group is known by its key (the API's), else by where it leads.
    idOf: (destination) => String(destination.destinationKey ?? destination.displayUrl ?? JSON.stringify(destination)),
  });
}

/** `POST /admin/short-url`: a new link. */
export function createShortUrl(ops: ApiCaller, input: ShortUrlCreate): Promise<Scoped<ShortUrl>> {
  return readApi(ops, { api: 'core', method: 'POST', path: base, body: definedFields(input) }, normalizeShortUrl);
}

/** `PUT /admin/short-url/{id}` with only the given fields. */
export function updateShortUrl(ops: ApiCaller, id: string, input: ShortUrlUpdate): Promise<Scoped<ShortUrl>> {
  return readApi(ops, { api: 'core', method: 'PUT', path: `${base}/${segment(id)}`, body: definedFields(input) }, normalizeShortUrl);
}

/** `POST /admin/short-url/{parentShortCode}/user-links`: one personal link per user id. */
export function createBulkUserLinks(ops: ApiCaller, parentShortCode: string, userIds: string[]): Promise<Scoped<ReturnType<typeof normalizeBulkUserLinks>>> {
  return readApi(ops, { api: 'core', method: 'POST', path: `${base}/${segment(parentShortCode)}/user-links`, body: { parentShortCode, userIds } }, normalizeBulkUserLinks);
}

/** The fields of a click a model may see: no IP address, user agent, coordinates or postcode. */
const clickFields = ['clickedAt', 'shortCode', 'country', 'city', 'device', 'browser', 'os', 'referer', 'utmSource', 'utmMedium', 'utmCampaign', 'isPaidTraffic'] as const;

/** Click events reduced to `clickFields`, with counts by country, device and referer over all of them. */
export function clickSummary(clicks: readonly ApiObject[]): { clicks: ApiObject[]; byCountry: Record<string, number>; byDevice: Record<string, number>; byReferer: Record<string, number> } {
  const reduced = clicks.map((click) => {
    const out: ApiObject = {};
    for (const key of clickFields) if (click[key] !== null && click[key] !== undefined) out[key] = click[key];
    return out;
  });
  return { clicks: reduced, byCountry: countBy(clicks, 'country'), byDevice: countBy(clicks, 'device'), byReferer: countBy(clicks, 'referer') };
}
