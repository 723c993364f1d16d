/**
 * The analytics domain's requests (data API; the tenant comes from the token, never from the body):
 * queries with an optional dry run, a table's schema, the values of filter fields, the monthly campaign
 * report. Bodies are read by src-shared/api/analytics.ts.
 */
import { normalizeAnalyticsResult, normalizeCampaignReport, normalizeFilterValues, normalizeTableSchema } from '../../../src-shared/api';
import type { AnalyticsColumn, AnalyticsResult, CampaignReport, FilterValuesResult } from '../../../src-shared/api';
import { readScoped } from './read-scoped';
import type { ApiCaller } from './read-scoped';
import type { Scoped } from '../tenant-session';

/** `POST /analytics/query` (body as upstream sends it, camelCase); `dryRun` goes in the query string. */
export function queryAnalytics(tenant: ApiCaller, body: Record<string, unknown>, dryRun: boolean): Promise<Scoped<AnalyticsResult>> {
  return readScoped(tenant, { api: 'data', method: 'POST', path: '/analytics/query', ...(dryRun ? { query: { dryRun: 'true' } } : {}), body }, normalizeAnalyticsResult);
}

/** `GET /analytics/schema/{table}`. */
export function analyticsTableSchema(tenant: ApiCaller, table: string): Promise<Scoped<{ table: string; columns: AnalyticsColumn[] }>> {
  return readScoped(tenant, { api: 'data', method: 'GET', path: `/analytics/schema/${encodeURIComponent(table)}` }, (body) => normalizeTableSchema(body, table));
}

/** `POST /analytics/filters {collection, filters}`. */
export function analyticsFilterValues(tenant: ApiCaller, collection: string, filters: readonly Record<string, unknown>[]): Promise<Scoped<FilterValuesResult[]>> {
  return readScoped(tenant, { api: 'data', method: 'POST', path: '/analytics/filters', body: { collection, filters } }, normalizeFilterValues);
}

/** `POST /analytics/campaign-report {year, month}`: the tenant's campaigns of one month. */
export function campaignReport(tenant: ApiCaller, year: number, month: number): Promise<Scoped<CampaignReport>> {
  return readScoped(tenant, { api: 'data', method: 'POST', path: '/analytics/campaign-report', body: { year, month } }, normalizeCampaignReport);
}
