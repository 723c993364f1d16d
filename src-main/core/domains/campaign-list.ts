/**
 * The campaign list, from the best source the real API offers. Nevent AI reads campaigns from its own
 * database; the public HTTP API has no list endpoint (docs/upstream-toolset.md §3). What it does have is
 * the data API's analytics collection `campaigns`, so the list is an analytics query on it:
 *
 *   GET /analytics/schema/campaigns ─> which columns exist ─> POST /analytics/query {collection: campaigns,
 *        │ 404 / no id column                                 dimensions: the known columns, filters, sort, limit}
 *        └─> `not_available`, saying what to use instead
 *
 * The columns are read once per tenant and session (a table that is not there is a fact about the tenant).
 *
 * Column names vary between answers (`campaign_id` or `id`, `created_at` or `createdAt`): each field of
 * the result is taken from the first column of its list that the table has.
 */
import type { AnalyticsColumn, AnalyticsRow } from '../../../src-shared/api';
import type { Scoped } from '../http/api-call';
import { CoreError } from '../common/core-error';
import { analyticsTableSchema, queryAnalytics } from './analytics';
import type { DomainScope } from './domain-scope';

/** The analytics collection the campaign list reads. */
export const campaignCollection = 'campaigns';

/** Result fields and the column names that may hold them, in order of preference. */
const fieldColumns = {
  id: ['campaign_id', 'id', '_id', 'campaignId'],
  name: ['name', 'campaign_name', 'campaignName'],
  status: ['status', 'campaign_status'],
  channel: ['channel', 'campaign_channel'],
  created_at: ['created_at', 'createdAt', 'creation_date'],
  executed_at: ['executed_at', 'executedAt', 'sent_at', 'sentAt'],
} as const;

/** A result field of the campaign list. */
export type CampaignField = keyof typeof fieldColumns;

/** Which column holds which field in this tenant's table. */
export type CampaignColumns = Partial<Record<CampaignField, string>>;

/** The query options of `nevent_list_campaigns` (upstream's names). */
export interface CampaignListQuery {
  status?: string;
  channel?: string;
  dateFrom?: string;
  dateTo?: string;
  limit: number;
  sort: 'createdAt' | 'executedAt' | 'name';
  sortOrder: 'asc' | 'desc';
}

/** A campaign as the list answers it: the fields the table has. */
export type CampaignListItem = Partial<Record<CampaignField, string | number | null>> & { id: string };

/** Maps the table's columns to the list's fields; null when the table has no id column (no usable list). */
export function campaignColumns(columns: readonly AnalyticsColumn[]): CampaignColumns | null {
  const names = new Set(columns.map((c) => c.name));
  const mapping: CampaignColumns = {};
  for (const [field, candidates] of Object.entries(fieldColumns) as [CampaignField, readonly string[]][]) {
    const found = candidates.find((name) => names.has(name));
    if (found !== undefined) mapping[field] = found;
  }
  return mapping.id === undefined ? null : mapping;
}

/** The analytics query for the list. Filters on columns the table lacks are left out (and reported). */
export function campaignListQuery(columns: CampaignColumns, query: CampaignListQuery): { body: Record<string, unknown>; ignored: string[] } {
  const filters: { field: string; operator: string; value: unknown }[] = [];
  const ignored: string[] = [];
  const filterOn = (field: CampaignField, operator: string, value: string | undefined, param: string): void => {
    if (value === undefined) return;
    const column = columns[field];
    if (column === undefined) ignored.push(param);
    else filters.push({ field: column, operator, value });
  };
  filterOn('status', 'eq', query.status, 'status');
  filterOn('channel', 'eq', query.channel, 'channel');
  filterOn('created_at', 'gte', query.dateFrom, 'date_from');
  filterOn('created_at', 'lte', query.dateTo, 'date_to');
  const sortField: CampaignField = query.sort === 'name' ? 'name' : query.sort === 'executedAt' ? 'executed_at' : 'created_at';
  const sortColumn = columns[sortField] ?? columns.created_at ?? columns.id;
  const body: Record<string, unknown> = {
    collection: campaignCollection,
    dimensions: Object.values(columns).map((field) => ({ field })),
    limit: query.limit,
    ...(filters.length === 0 ? {} : { filters }),
    ...(sortColumn === undefined ? {} : { sort: { field: sortColumn, order: query.sortOrder } }),
  };
  return { body, ignored };
}

/**
 * The analytics query that counts the campaigns `campaignListQuery` lists (same filters, no limit): the
 * list answers how many there are, not only how many it shows.
 */
export function campaignCountQuery(columns: CampaignColumns, query: CampaignListQuery): Record<string, unknown> | null {
  if (columns.id === undefined) return null;
  const { body } = campaignListQuery(columns, query);
  return { collection: campaignCollection, metrics: [{ field: columns.id, operation: 'count', alias: 'total' }], ...(body.filters === undefined ? {} : { filters: body.filters }) };
}

/** The count a `campaignCountQuery` answered (its one row's `total`), or null when it says none. */
export function campaignCountFrom(rows: readonly AnalyticsRow[]): number | null {
  const total = rows[0]?.total;
  return typeof total === 'number' && Number.isSafeInteger(total) && total >= 0 ? total : null;
}

/** Reads the rows back into list items; rows without an id are left out. */
export function campaignsFromRows(rows: readonly AnalyticsRow[], columns: CampaignColumns): CampaignListItem[] {
  const out: CampaignListItem[] = [];
  for (const row of rows) {
    const rawId = columns.id === undefined ? undefined : row[columns.id];
    if (typeof rawId !== 'string' && typeof rawId !== 'number') continue;
    const item: CampaignListItem = { id: String(rawId) };
    for (const [field, column] of Object.entries(columns) as [CampaignField, string][]) {
      if (field === 'id') continue;
      const value = row[column];
      if (typeof value === 'string' || typeof value === 'number') item[field] = value;
      else if (value === null) item[field] = null;
    }
    out.push(item);
  }
  return out;
}

/** A page of the campaign list: the campaigns, whether more exist, how many there are (null: the API could not count). */
export interface CampaignList {
  campaigns: CampaignListItem[];
  /** Filters the tenant's table has no column for (left out of the query, said in the answer). */
  ignoredFilters: string[];
  hasMore: boolean;
  total: number | null;
}

/**
 * Campaigns from the data API's analytics collection (the only HTTP source: see above).
 * `not_available` when this tenant's analytics has no campaigns table with an id column.
 */
export async function listCampaigns(scope: DomainScope, query: CampaignListQuery): Promise<Scoped<CampaignList>> {
  const columns = await scope.cached('campaignColumns', () => campaignColumnsOf(scope));
  if (columns === null) {
    throw new CoreError(
      'not_available',
      'This Nevent tenant offers no campaign list over its API (no "campaigns" analytics table). Ask for a campaign by id with nevent_get_campaign_metrics, or for a month with nevent_campaign_report.',
    );
  }
  // One row more than asked says whether more exist; the count says how many (when the API can count).
  const { body, ignored } = campaignListQuery(columns, { ...query, limit: query.limit + 1 });
  const countBody = campaignCountQuery(columns, query);
  const [answer, total] = await Promise.all([
    queryAnalytics(scope, body, false),
    countBody === null ? null : queryAnalytics(scope, countBody, false).then((counted) => campaignCountFrom(counted.value.rows), () => null),
  ]);
  const campaigns = campaignsFromRows(answer.value.rows, columns);
  return { tenantId: answer.tenantId, value: { campaigns: campaigns.slice(0, query.limit), ignoredFilters: ignored, hasMore: campaigns.length > query.limit, total } };
}

async function campaignColumnsOf(scope: DomainScope): Promise<CampaignColumns | null> {
  try {
    return campaignColumns((await analyticsTableSchema(scope, campaignCollection)).value.columns);
  } catch (error) {
    // No such table here: a fact about the tenant (cached), not a failure.
    if (error instanceof CoreError && (error.code === 'not_found' || error.code === 'tenant_not_found')) return null;
    throw error;
  }
}
