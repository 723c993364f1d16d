/**
 * The paid-media tools against real-shaped answers (test/fixtures/nevent-api/core.ads.*): paths under
 * `/api/ads/{provider}/` with the provider's ids encoded, the window sent as `from`/`to`, totals whose
 * rates come from the sums, lists paged by limit/cursor, and the insights pilot's 404 told apart from an
 * unknown record on the gated reads only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiCall } from '../../../src-main/core/http/api-call';
import { CoreError } from '../../../src-main/core/common/core-error';
import { insightsTotals, insightsWindow } from '../../../src-main/core/domains/paid-media';
import { loadNeventCorpus } from '../../helpers/nevent-fixtures';
import { connect, failure, ok, type Harness } from './harness';

const corpus = await loadNeventCorpus();
const body = (file: string, index = 0): unknown => corpus.files.find((f) => f.file === file)?.cases[index]?.body;

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function withRoutes(routes: Record<string, (call: ApiCall) => unknown>): Promise<{ h: Harness; sent: ApiCall[] }> {
  const sent: ApiCall[] = [];
  const apiRoutes = Object.fromEntries(Object.entries(routes).map(([key, answer]) => [key, (call: ApiCall) => (sent.push(call), answer(call))]));
  h = await connect('READ_ONLY', { apiRoutes });
  return { h, sent };
}

const notFound = (): never => {
  throw new CoreError('not_found', 'HTTP 404');
};

describe('the window and totals', () => {
  it('fills the last 7 days up to today and refuses a reversed window', () => {
    const now = new Date('2026-05-20T15:00:00Z');
    expect(insightsWindow({}, now)).toEqual({ from: '2026-05-14', to: '2026-05-20' });
    expect(insightsWindow({ to: '2026-05-10' }, now)).toEqual({ from: '2026-05-04', to: '2026-05-10' });
    expect(insightsWindow({ from: '2026-05-01', to: '2026-05-31' }, now)).toEqual({ from: '2026-05-01', to: '2026-05-31' });
    expect(() => insightsWindow({ from: '2026-06-01', to: '2026-05-01' }, now)).toThrow(/after/);
  });

  it('computes rates from the sums, not as averages of daily rates', () => {
    const totals = insightsTotals([
      { spend: 10, impressions: 1000, clicks: 10, results: 1, currency: 'EUR' },
      { spend: 30, impressions: 1000, clicks: 30, results: 3, currency: 'EUR' },
    ]);
    expect(totals).toEqual({ days: 2, spend: 40, currency: 'EUR', impressions: 2000, clicks: 40, results: 4, ctr: 0.02, cpc: 1, costPerResult: 10 });
    expect(insightsTotals([])).toMatchObject({ days: 0, spend: null, ctr: null });
  });
});

describe('reads', () => {
  it('sends the window, answers rows without empty fields and totals', async () => {
    const { h, sent } = await withRoutes({ 'core GET /api/ads/meta/campaigns/camp_1/insights': () => body('core.ads.campaign-insights.json') });
    const out = ok(await h.call('nevent_get_paid_campaign_insights', { provider: 'meta', campaignId: 'camp_1', from: '2026-05-01', to: '2026-05-31' }));
    expect(sent[0]?.query).toEqual({ from: '2026-05-01', to: '2026-05-31' });
    expect(out).toMatchObject({ from: '2026-05-01', to: '2026-05-31', count: 1, totals: { spend: 123.45, impressions: 5000, clicks: 210, ctr: 0.042 } });
    const [row] = out.rows as Record<string, unknown>[];
    expect(row).toMatchObject({ entityId: 'camp_1', spend: 123.45 });
    expect(row).not.toHaveProperty('hookRate');
  });

  it('reads each list, pages it, and filters by the ids given', async () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ id: `ad_${i}`, provider: 'meta', campaignId: 'camp_1', adGroupId: 'ag_1', name: null }));
    const { h, sent } = await withRoutes({
      'core GET /api/ads/google/campaigns': () => body('core.ads.campaigns.json', 1),
      'core GET /api/ads/meta/ad-groups': () => body('core.ads.ad-groups.json'),
      'core GET /api/ads/meta/ads': () => many,
      'core GET /api/ads/meta/attribution': () => body('core.ads.attribution.json'),
    });
    const campaigns = ok(await h.call('nevent_list_paid_campaigns', { provider: 'google' }));
    expect(campaigns).toMatchObject({ count: 1, total: 1, next_cursor: null, campaigns: [{ id: '1234567890', status: 'ENDED', budgetType: 'UNKNOWN' }] });
    expect(ok(await h.call('nevent_list_paid_ad_groups', { provider: 'meta', campaignId: 'camp_1' })).adGroups).toEqual([{ id: 'ag_1', provider: 'meta', campaignId: 'camp_1', name: 'Retargeting - Website Visitors', status: 'ACTIVE', lastSyncedAt: '2026-05-15T09:00:00Z' }]);
    const first = ok(await h.call('nevent_list_paid_ads', { provider: 'meta', adGroupId: 'ag_1', limit: 5 }));
    expect(first).toMatchObject({ count: 5, total: 7 });
    const second = ok(await h.call('nevent_list_paid_ads', { provider: 'meta', adGroupId: 'ag_1', limit: 5, cursor: first.next_cursor }));
    expect((second.ads as { id: string }[]).map((a) => a.id)).toEqual(['ad_5', 'ad_6']);
    expect(ok(await h.call('nevent_paid_attribution', { provider: 'meta' }))).toMatchObject({ count: 1, attribution: [{ campaignId: 'camp_1', ticketsSold: 142, revenue: 8520 }] });
    // The second page of ads comes from the list the first page read (the API answers it whole): one request.
    expect(sent.map((c) => c.query)).toEqual([undefined, { campaignId: 'camp_1' }, { adGroupId: 'ag_1' }, undefined]);
    // A cursor of another listing (other ad group) is refused before any request.
    expect(failure(await h.call('nevent_list_paid_ads', { provider: 'meta', adGroupId: 'ag_2', cursor: first.next_cursor })).code).toBe('invalid_request');
    expect(sent).toHaveLength(4);
  });

  it('reads health, comparative stats, targeting and creative as sent', async () => {
    const { h } = await withRoutes({
      'core GET /api/ads/meta/health': () => body('core.ads.health.json'),
      'core GET /api/ads/meta/ad-groups/ag_1/comparative-stats': () => body('core.ads.ad-group-comparative-stats.json'),
      'core GET /api/ads/meta/ad-groups/ag_1/targeting': () => body('core.ads.ad-group-targeting.json'),
      'core GET /api/ads/meta/ads/ad_1/creative': () => body('core.ads.ad-creative.json'),
      'core GET /api/ads/meta/ad-groups/ag_1/insights': () => body('core.ads.ad-group-insights.json'),
    });
    expect(ok(await h.call('nevent_paid_ads_health', { provider: 'meta' })).health).toMatchObject({ throttle: { isThrottled: false }, featureGate: { isInsightsEnabled: true } });
    expect(ok(await h.call('nevent_get_paid_ad_group_comparative_stats', { provider: 'meta', adGroupId: 'ag_1' })).stats).toMatchObject({ siblingsInCampaign: 2, ctr: { ratioVsMean: 1.158 } });
    expect(ok(await h.call('nevent_get_paid_ad_group_targeting', { provider: 'meta', adGroupId: 'ag_1' })).targeting).toMatchObject({ ageRange: '25-54', placements: ['facebook', 'instagram'] });
    const creative = ok(await h.call('nevent_get_paid_ad_creative', { provider: 'meta', adId: 'ad_1' })).creative as Record<string, unknown>;
    expect(creative).toMatchObject({ callToAction: 'SHOP_NOW', hasDca: false });
    expect(creative).not.toHaveProperty('videoUrl');
    expect(ok(await h.call('nevent_get_paid_ad_group_insights', { provider: 'meta', adGroupId: 'ag_1', to: '2026-05-10' }))).toMatchObject({ from: '2026-05-04', to: '2026-05-10', count: 1 });
  });
});

describe('the insights pilot and bad input', () => {
  it('turns a 404 into feature_gate_not_enrolled on the gated reads only', async () => {
    const { h } = await withRoutes({
      'core GET /api/ads/tiktok/health': notFound,
      'core GET /api/ads/tiktok/campaigns/c1/insights': notFound,
      'core GET /api/ads/tiktok/ads/a1/creative': notFound,
      'core GET /api/ads/tiktok/campaigns': notFound,
    });
    for (const [name, args] of [['nevent_paid_ads_health', {}], ['nevent_get_paid_campaign_insights', { campaignId: 'c1' }], ['nevent_get_paid_ad_creative', { adId: 'a1' }]] as const) {
      expect(failure(await h.call(name, { provider: 'tiktok', ...args }))).toMatchObject({ type: 'invalid_request', code: 'feature_gate_not_enrolled' });
    }
    expect(failure(await h.call('nevent_list_paid_campaigns', { provider: 'tiktok' }))).toMatchObject({ type: 'not_found', code: 'not_found' });
  });

  it('passes other failures through unchanged', async () => {
    const { h } = await withRoutes({
      'core GET /api/ads/meta/ads/ad_1/creative': () => {
        throw new CoreError('api_error', 'HTTP 500');
      },
    });
    expect(failure(await h.call('nevent_get_paid_ad_creative', { provider: 'meta', adId: 'ad_1' }))).toMatchObject({ code: 'api_error', message: 'HTTP 500' });
  });

  it.each(
    [
      ['nevent_list_paid_campaigns', 'provider', { provider: 'facebook' }],
      ['nevent_list_paid_campaigns', 'provider', { provider: 'META' }],
      ['nevent_get_paid_campaign_insights', 'campaignId', { provider: 'meta', campaignId: '../../segments' }],
      ['nevent_get_paid_campaign_insights', 'from', { provider: 'meta', campaignId: 'c1', from: '1 May 2026' }],
      ['nevent_get_paid_ad_group_targeting', 'adGroupId', { provider: 'meta', adGroupId: 'x'.repeat(10_000) }],
      ['nevent_get_paid_ad_creative', 'adId', { provider: 'meta', adId: ['ad_1'] }],
      ['nevent_list_paid_ads', 'limit', { provider: 'meta', limit: 0 }],
    ] as const,
  )('%s with a bad %s (case %#): invalid input, nothing sent', async (name, param, args) => {
    const { h, sent } = await withRoutes({});
    expect(failure(await h.call(name, args))).toMatchObject({ type: 'invalid_request', code: 'validation_failed', param });
    expect(sent).toEqual([]);
  });

  it('a reversed window is refused before anything is sent', async () => {
    const { h, sent } = await withRoutes({});
    expect(failure(await h.call('nevent_get_paid_ad_group_insights', { provider: 'meta', adGroupId: 'ag_1', from: '2026-06-01', to: '2026-05-01' }))).toMatchObject({ code: 'invalid_request', param: 'from' });
    expect(sent).toEqual([]);
  });
});
