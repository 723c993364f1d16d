/**
 * Paid media beyond the connection status (core API `/api/ads/{provider}/…`): campaigns, ad groups, ads,
 * attribution, and the insights reads. The core API answers 404 (not 403) on the insights reads when
 * the tenant is not in the provider's insights pilot; on those reads (`gated`) a 404 becomes
 * `feature_gate_not_enrolled`, so a model does not go looking for a campaign that exists.
 *
 *   tool ──> paid-media.ts ──callApi──> GET /api/ads/{provider}/… ──> reader (src-shared/api/paid-media.ts)
 *                                          └── 404 on a gated read ──> feature_gate_not_enrolled
 */
import {
  normalizePaidEntities,
  normalizePaidObject,
  normalizePaidRows,
  PaidAdsStatusSchema,
  PaidMediaProviderSchema,
  unwrapDataEnvelope,
  type ApiObject,
  type ApiRecord,
  type PaidAdsStatus,
  type PaidMediaProvider,
} from '../../../src-shared/api';
import { parseInput } from '../common/input-check';
import type { Scoped, ApiCaller } from '../http/api-call';
import { CoreError } from '../common/core-error';
import { compact, sumOf } from './compact';
import { definedQuery, readApi, segment } from './api-read';

/** A date window of the insights reads (`yyyy-MM-dd`, both ends included). */
export interface InsightsWindow {
  from: string;
  to: string;
}

const dayMs = 24 * 3600 * 1000;

/** The window asked for, the missing ends filled as upstream does: the last 7 days up to `now`. */
export function insightsWindow(asked: { from?: string; to?: string }, now: Date): InsightsWindow {
  const to = asked.to ?? now.toISOString().slice(0, 10);
  const from = asked.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 6 * dayMs).toISOString().slice(0, 10);
  if (from > to) throw new CoreError('invalid_request', `from (${from}) is after to (${to})`, 'from');
  return { from, to };
}

function path(provider: PaidMediaProvider, rest: string): string {
  return `/api/ads/${provider}/${rest}`;
}

/** Reads a gated endpoint: its 404 means "not in the insights pilot". */
async function gated<T>(provider: PaidMediaProvider, read: () => Promise<Scoped<T>>): Promise<Scoped<T>> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof CoreError && error.code === 'not_found') {
      throw new CoreError('feature_gate_not_enrolled', `this tenant is not enrolled in the ${provider} insights pilot (or the id is unknown): the API answered 404. Campaign lists and attribution still work.`);
    }
    throw error;
  }
}

/** `GET …/status`: whether the tenant's account at `provider` is connected (a `{success, data}` envelope is unwrapped if one comes). */
export function paidAdsStatus(ops: ApiCaller, provider: PaidMediaProvider): Promise<Scoped<PaidAdsStatus>> {
  const which = parseInput(PaidMediaProviderSchema, provider, 'provider');
  return readApi(ops, { api: 'core', method: 'GET', path: path(which, 'status') }, (body) => PaidAdsStatusSchema.parse(unwrapDataEnvelope(body)));
}

/** `GET …/health` (gated): sync and throttle signals of the connection. */
export function paidAdsHealth(ops: ApiCaller, provider: PaidMediaProvider): Promise<Scoped<ApiObject>> {
  return gated(provider, () => readApi(ops, { api: 'core', method: 'GET', path: path(provider, 'health') }, (body) => normalizePaidObject(body, 'the paid ads health')));
}

/** `GET …/campaigns`. */
export function listPaidCampaigns(ops: ApiCaller, provider: PaidMediaProvider): Promise<Scoped<ApiRecord[]>> {
  return readApi(ops, { api: 'core', method: 'GET', path: path(provider, 'campaigns') }, (body) => normalizePaidEntities(body, 'campaigns'));
}

/** `GET …/campaigns/{campaignId}/insights?from=&to=` (gated): daily rows. */
export function paidCampaignInsights(ops: ApiCaller, provider: PaidMediaProvider, campaignId: string, window: InsightsWindow): Promise<Scoped<ApiObject[]>> {
  return gated(provider, () => readApi(ops, { api: 'core', method: 'GET', path: path(provider, `campaigns/${segment(campaignId)}/insights`), query: { ...window } }, (body) => normalizePaidRows(body, 'rows')));
}

/** `GET …/attribution`: tickets and revenue per paid campaign. */
export function paidAttribution(ops: ApiCaller, provider: PaidMediaProvider): Promise<Scoped<ApiObject[]>> {
  return readApi(ops, { api: 'core', method: 'GET', path: path(provider, 'attribution') }, (body) => normalizePaidRows(body, 'attribution'));
}

/** `GET …/ad-groups?campaignId=`. */
export function listPaidAdGroups(ops: ApiCaller, provider: PaidMediaProvider, campaignId?: string): Promise<Scoped<ApiRecord[]>> {
  return readApi(ops, { api: 'core', method: 'GET', path: path(provider, 'ad-groups'), query: definedQuery({ campaignId }) }, (body) => normalizePaidEntities(body, 'adGroups'));
}

/** `GET …/ad-groups/{adGroupId}/insights?from=&to=` (gated): daily rows. */
export function paidAdGroupInsights(ops: ApiCaller, provider: PaidMediaProvider, adGroupId: string, window: InsightsWindow): Promise<Scoped<ApiObject[]>> {
  return gated(provider, () => readApi(ops, { api: 'core', method: 'GET', path: path(provider, `ad-groups/${segment(adGroupId)}/insights`), query: { ...window } }, (body) => normalizePaidRows(body, 'rows')));
}

/** `GET …/ad-groups/{adGroupId}/comparative-stats?from=&to=` (gated): the ad group against its siblings. */
export function paidAdGroupComparativeStats(ops: ApiCaller, provider: PaidMediaProvider, adGroupId: string, window: InsightsWindow): Promise<Scoped<ApiObject>> {
  return gated(provider, () => readApi(ops, { api: 'core', method: 'GET', path: path(provider, `ad-groups/${segment(adGroupId)}/comparative-stats`), query: { ...window } }, (body) => normalizePaidObject(body, 'the comparative stats')));
}

/** `GET …/ad-groups/{adGroupId}/targeting` (gated). */
export function paidAdGroupTargeting(ops: ApiCaller, provider: PaidMediaProvider, adGroupId: string): Promise<Scoped<ApiObject>> {
  return gated(provider, () => readApi(ops, { api: 'core', method: 'GET', path: path(provider, `ad-groups/${segment(adGroupId)}/targeting`) }, (body) => normalizePaidObject(body, 'the targeting')));
}

/** `GET …/ads?campaignId=&adGroupId=`. */
export function listPaidAds(ops: ApiCaller, provider: PaidMediaProvider, filter: { campaignId?: string; adGroupId?: string }): Promise<Scoped<ApiRecord[]>> {
  return readApi(ops, { api: 'core', method: 'GET', path: path(provider, 'ads'), query: definedQuery({ campaignId: filter.campaignId, adGroupId: filter.adGroupId }) }, (body) => normalizePaidEntities(body, 'ads'));
}

/** `GET …/ads/{adId}/creative` (gated): texts, call to action, UTMs, media URLs (pre-signed, ~1 h). */
export function paidAdCreative(ops: ApiCaller, provider: PaidMediaProvider, adId: string): Promise<Scoped<ApiObject>> {
  return gated(provider, () => readApi(ops, { api: 'core', method: 'GET', path: path(provider, `ads/${segment(adId)}/creative`) }, (body) => normalizePaidObject(body, 'the ad creative')));
}

/** Totals of daily insights rows, with the rates recomputed from them (a model should not average rates). */
export interface InsightsTotals {
  days: number;
  spend: number | null;
  currency: string | null;
  impressions: number | null;
  clicks: number | null;
  results: number | null;
  ctr: number | null;
  cpc: number | null;
  costPerResult: number | null;
}

/** Sums daily rows into totals; rates are ratios of the sums, not averages of daily rates. */
export function insightsTotals(rows: readonly ApiObject[]): InsightsTotals {
  const spend = sumOf(rows, 'spend');
  const impressions = sumOf(rows, 'impressions');
  const clicks = sumOf(rows, 'clicks');
  const results = sumOf(rows, 'results');
  const ratio = (a: number | null, b: number | null): number | null => (a === null || b === null || b === 0 ? null : Math.round((a / b) * 10_000) / 10_000);
  const currency = rows.map((r) => r.currency).find((c): c is string => typeof c === 'string') ?? null;
  return { days: rows.length, spend, currency, impressions, clicks, results, ctr: ratio(clicks, impressions), cpc: ratio(spend, clicks), costPerResult: ratio(spend, results) };
}

/** Daily rows without their empty fields (video counters of a non-video ad, …). */
export function compactRows(rows: readonly ApiObject[]): ApiObject[] {
  return rows.map((row) => compact(row));
}
