/**
 * Paid media of the token's tenant beyond the status (core API `/api/ads/{provider}/…`), in the real
 * shapes: bare arrays for lists, daily insights rows, objects with nullable blocks. Insights reads
 * (health, insights, comparative stats, targeting, creative) answer 404 `{message: "HTTP 404"}` for a
 * tenant outside the insights pilot, as the real API does; an unknown id is a 404 too.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { PaidMediaProviderSchema, type PaidMediaProvider } from '../../../src-shared/api';
import { authenticateScoped, type DemoContext } from '../demo-context';
import { badRequest, notFound } from '../http-error';
import { campaignDay, daysBetween, generatePaidAccount, groupDay, insightsRow, type DemoAdGroup, type DemoPaidAccount, type DemoPaidCampaign } from '../paid-media-data';
import { PerTenant } from '../per-tenant';
import { parseOrThrow } from '../request-body';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are yyyy-MM-dd');
const WindowQuery = z.object({ from: day.optional(), to: day.optional() });
const dayMs = 24 * 3600 * 1000;

/** Registers the paid-media routes beyond the status (campaign-routes.ts). */
export function registerPaidMediaRoutes(app: Hono, deps: DemoContext): void {
  const store = new PerTenant(deps.directory, (tenant) => {
    const accounts = {} as Record<PaidMediaProvider, DemoPaidAccount>;
    for (const provider of PaidMediaProviderSchema.options) accounts[provider] = generatePaidAccount(tenant, provider, deps.data.adsStatus(tenant.id, provider), deps.now());
    return { tenant, accounts };
  });
  const accountOf = async (c: Context): Promise<{ tenantId: string; account: DemoPaidAccount }> => {
    const caller = await authenticateScoped(c, deps);
    const provider = PaidMediaProviderSchema.safeParse(c.req.param('provider'));
    if (!provider.success) throw notFound(`Unknown paid-media provider "${c.req.param('provider')}" (expected meta, google or tiktok)`);
    return { tenantId: caller.tenantId, account: store.of(caller.tenantId).accounts[provider.data] };
  };
  const gate = (account: DemoPaidAccount): void => {
    if (!account.connected || !account.inPilot) throw notFound('HTTP 404');
  };
  const campaignOf = (account: DemoPaidAccount, id: string): DemoPaidCampaign => {
    const found = account.campaigns.find((x) => x.id === id);
    if (found === undefined) throw notFound('HTTP 404');
    return found;
  };
  const groupOf = (account: DemoPaidAccount, id: string): DemoAdGroup => {
    const found = account.adGroups.find((x) => x.id === id);
    if (found === undefined) throw notFound('HTTP 404');
    return found;
  };
  const windowOf = (c: Context): number[] => {
    const asked = parseOrThrow(WindowQuery, c.req.query());
    const to = asked.to ?? deps.now().toISOString().slice(0, 10);
    const from = asked.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 6 * dayMs).toISOString().slice(0, 10);
    if (from > to) throw badRequest('from must not be after to', 'from');
    return daysBetween(from, to);
  };
  const campaignRecord = ({ startedAt: _s, utmCampaigns: _u, ...sent }: DemoPaidCampaign): Record<string, unknown> => sent;
  const groupRecord = ({ share: _s, ...sent }: DemoAdGroup): Record<string, unknown> => sent;

  app.get('/api/ads/:provider/health', async (c) => {
    const { tenantId, account } = await accountOf(c);
    gate(account);
    const throttled = account.campaigns.length >= 5;
    return c.json({
      provider: account.provider,
      tenantId,
      lastSuccessfulSyncAt: account.lastSyncAt,
      lastSuccessfulInsightsAt: account.lastSyncAt,
      throttle: { isThrottled: throttled, nextAttemptAt: throttled ? new Date(deps.now().getTime() + 3600_000).toISOString() : null, reason: throttled ? 'ACCOUNT_UTIL' : null, lastAccountUtilPct: throttled ? 96 : 20 + account.campaigns.length * 10, consecutiveHits: throttled ? 2 : 0 },
      featureGate: { isInsightsEnabled: true, isInTenantAllowlist: true },
      tier: 'STANDARD',
      backfillEnabled: true,
    });
  });

  app.get('/api/ads/:provider/campaigns', async (c) => {
    const { account } = await accountOf(c);
    return c.json(account.campaigns.map(campaignRecord));
  });

  app.get('/api/ads/:provider/campaigns/:campaignId/insights', async (c) => {
    const { account } = await accountOf(c);
    gate(account);
    const campaign = campaignOf(account, c.req.param('campaignId'));
    const now = deps.now();
    const rows = windowOf(c)
      .map((d) => ({ d, figures: campaignDay(campaign, d, now) }))
      .filter(({ figures }) => figures.impressions > 0)
      .map(({ d, figures }) => insightsRow(campaign.id, 'CAMPAIGN', account.provider, d, figures));
    return c.json(rows);
  });

  app.get('/api/ads/:provider/attribution', async (c) => {
    const { account } = await accountOf(c);
    const now = deps.now();
    return c.json(
      account.campaigns.map((campaign) => {
        const days = daysBetween(campaign.startedAt.slice(0, 10), now.toISOString().slice(0, 10));
        const results = days.reduce((sum, d) => sum + campaignDay(campaign, d, now).results, 0);
        return { campaignId: campaign.id, provider: account.provider, campaignName: campaign.name, status: campaign.status, utmCampaigns: campaign.utmCampaigns, ticketsSold: results, revenue: results === 0 ? null : results * 45, budget: campaign.budget, budgetType: campaign.budgetType };
      }),
    );
  });

  app.get('/api/ads/:provider/ad-groups', async (c) => {
    const { account } = await accountOf(c);
    const campaignId = c.req.query('campaignId');
    return c.json(account.adGroups.filter((g) => campaignId === undefined || g.campaignId === campaignId).map(groupRecord));
  });

  app.get('/api/ads/:provider/ad-groups/:adGroupId/insights', async (c) => {
    const { account } = await accountOf(c);
    gate(account);
    const group = groupOf(account, c.req.param('adGroupId'));
    const campaign = campaignOf(account, group.campaignId);
    const now = deps.now();
    const rows = windowOf(c)
      .map((d) => ({ d, figures: groupDay(group, campaignDay(campaign, d, now)) }))
      .filter(({ figures }) => figures.impressions > 0)
      .map(({ d, figures }) => insightsRow(group.id, 'ADSET', account.provider, d, figures));
    return c.json(rows);
  });

  app.get('/api/ads/:provider/ad-groups/:adGroupId/comparative-stats', async (c) => {
    const { account } = await accountOf(c);
    gate(account);
    const group = groupOf(account, c.req.param('adGroupId'));
    const campaign = campaignOf(account, group.campaignId);
    const days = windowOf(c);
    const now = deps.now();
    const siblings = account.adGroups.filter((g) => g.campaignId === group.campaignId);
    const totals = (g: DemoAdGroup) => days.map((d) => groupDay(g, campaignDay(campaign, d, now))).reduce((a, b) => ({ spend: a.spend + b.spend, impressions: a.impressions + b.impressions, reach: a.reach + b.reach, clicks: a.clicks + b.clicks, results: a.results + b.results }));
    const metrics = (t: ReturnType<typeof totals>) => ({ costPerResult: t.results === 0 ? null : t.spend / t.results, cpm: t.impressions === 0 ? null : (t.spend * 1000) / t.impressions, frequency: t.reach === 0 ? null : t.impressions / t.reach, ctr: t.impressions === 0 ? null : t.clicks / t.impressions });
    const mine = metrics(totals(group));
    const all = siblings.map((g) => metrics(totals(g)));
    const block = (key: keyof typeof mine) => {
      const value = mine[key];
      const values = all.map((m) => m[key]).filter((v): v is number => v !== null);
      if (siblings.length < 2 || value === null || values.length === 0) return null;
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const round = (n: number) => Math.round(n * 1000) / 1000;
      return { value: round(value), campaignMean: round(mean), ratioVsMean: mean === 0 ? null : round(value / mean) };
    };
    return c.json({ adGroupId: group.id, campaignId: campaign.id, siblingsInCampaign: siblings.length - 1, costPerResult: block('costPerResult'), cpm: block('cpm'), frequency: block('frequency'), ctr: block('ctr') });
  });

  app.get('/api/ads/:provider/ad-groups/:adGroupId/targeting', async (c) => {
    const { account } = await accountOf(c);
    gate(account);
    const group = groupOf(account, c.req.param('adGroupId'));
    const broad = (group.name ?? '').startsWith('Broad');
    return c.json({
      adSetId: group.id,
      ageRange: broad ? null : '18-44',
      genders: broad ? null : 'ALL',
      geoSummary: { countries: ['ES'], cities: broad ? [] : ['Madrid', 'Barcelona'], regions: [], zips: [], places: [], locationTypes: ['home'] },
      topInterests: broad ? [] : [{ id: 'i1', name: 'Live music' }, { id: 'i2', name: 'Festivals' }],
      totalInterests: broad ? 0 : 4,
      topBehaviors: [],
      totalBehaviors: 0,
      placements: account.provider === 'meta' ? ['facebook', 'instagram'] : [],
      automaticPlacements: account.provider !== 'meta',
      advantagePlus: account.provider === 'meta' ? { advantageAudience: broad, expandAge: false, expandGender: false, expandGeo: false } : null,
      customAudiences: (group.name ?? '').startsWith('Retargeting') ? [{ id: `ca_${group.id}`, name: 'Website visitors 30d', subtype: 'WEBSITE', approximateCountLowerBound: 12000, retentionDays: 30 }] : [],
      excludedCustomAudiences: [],
      bidStrategy: 'LOWEST_COST_WITHOUT_CAP',
      promotedObject: account.provider === 'meta' ? { pixelId: `px_${group.campaignId}`, pageId: null, customEventType: 'PURCHASE' } : null,
      targetingSyncedAt: group.lastSyncedAt,
    });
  });

  app.get('/api/ads/:provider/ads', async (c) => {
    const { account } = await accountOf(c);
    const campaignId = c.req.query('campaignId');
    const adGroupId = c.req.query('adGroupId');
    return c.json(account.ads.filter((a) => (campaignId === undefined || a.campaignId === campaignId) && (adGroupId === undefined || a.adGroupId === adGroupId)));
  });

  app.get('/api/ads/:provider/ads/:adId/creative', async (c) => {
    const { account } = await accountOf(c);
    gate(account);
    const ad = account.ads.find((a) => a.id === c.req.param('adId'));
    if (ad === undefined) throw notFound('HTTP 404');
    const campaign = campaignOf(account, ad.campaignId);
    const expires = Math.floor(deps.now().getTime() / 1000) + 3600;
    return c.json({
      adId: ad.id,
      body: `${campaign.name ?? 'Tickets'}: tickets on sale now.`,
      title: campaign.name,
      description: ad.name === null ? null : `${ad.name} · book before it sells out`,
      callToAction: 'SHOP_NOW',
      clickUrl: `https://nevent.es/e/${campaign.id}`,
      utmSource: ad.utmSource,
      utmMedium: ad.utmMedium,
      utmCampaign: ad.utmCampaign,
      imageUrl: `https://media.demo.nevent.local/creative/${ad.id}.jpg?X-Amz-Expires=3600&X-Amz-Date=${expires}`,
      videoUrl: null,
      videoThumbnailUrl: null,
      videoThumbnailHdUrl: null,
      previewShareableLink: null,
      hasDca: false,
      dca: null,
    });
  });
}
