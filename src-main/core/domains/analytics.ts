/**
 * The analytics domain's requests (data API; the tenant comes from the token, never from the body):
 * the capabilities (cached per tenant), queries with an optional dry run, a table's schema, the values of
 * filter fields, the monthly campaign report. Bodies are read by src-shared/api/analytics.ts.
 */
import { CapabilitiesSchema, normalizeAnalyticsResult, normalizeCampaignReport, normalizeFilterValues, normalizeTableSchema } from '../../../src-shared/api';
import type { AnalyticsColumn, AnalyticsResult, CampaignReport, Capabilities, FilterValuesResult } from '../../../src-shared/api';
import { readApi } from './api-read';
import type { ApiCaller, Scoped } from '../http/api-call';
import type { DomainScope } from './domain-scope';

/** `POST /analytics/query` (body as upstream sends it, camelCase); `dryRun` goes in the query string. */
export function queryAnalytics(tenant: ApiCaller, body: Record<string, unknown>, dryRun: boolean): Promise<Scoped<AnalyticsResult>> {
  return readApi(tenant, { api: 'data', method: 'POST', path: '/analytics/query', ...(dryRun ? { query: { dryRun: 'true' } } : {}), body }, normalizeAnalyticsResult);
}

/** `GET /analytics/schema/{table}`. */
export function analyticsTableSchema(tenant: ApiCaller, table: string): Promise<Scoped<{ table: string; columns: AnalyticsColumn[] }>> {
  return readApi(tenant, { api: 'data', method: 'GET', path: `/analytics/schema/${encodeURIComponent(table)}` }, (body) => normalizeTableSchema(body, table));
}

/** `POST /analytics/filters {collection, filters}`. */
export function analyticsFilterValues(tenant: ApiCaller, collection: string, filters: readonly Record<string, unknown>[]): Promise<Scoped<FilterValuesResult[]>> {
  return readApi(tenant, { api: 'data', method: 'POST', path: '/analytics/filters', body: { collection, filters } }, normalizeFilterValues);
}

/** `POST /analytics/campaign-report {year, month}`: the tenant's campaigns of one month. */
export function campaignReport(tenant: ApiCaller, year: number, month: number): Promise<Scoped<CampaignReport>> {
  return readApi(tenant, { api: 'data', method: 'POST', path: '/analytics/campaign-report', body: { year, month } }, normalizeCampaignReport);
}

/** `GET /analytics/capabilities` (large: the tools summarize it), read once per tenant and session. */
export async function analyticsCapabilities(scope: DomainScope): Promise<Scoped<Capabilities>> {
  const capabilities = await scope.cached('capabilities', async () => (await readApi(scope, { api: 'data', method: 'GET', path: '/analytics/capabilities' }, (body) => CapabilitiesSchema.parse(body))).value);
  return { tenantId: scope.tenantId ?? '', value: capabilities };
}
