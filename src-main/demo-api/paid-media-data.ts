/**
 * The demo's paid media per tenant and provider, consistent with the connection status the status
 * endpoint sends (a provider that is not connected has nothing): 2-5 campaigns, 1-3 ad groups each,
 * 1-3 ads per ad group, daily insights generated per entity and day (ad group days add up to their
 * campaign's), attribution from the campaigns' UTM names. Whether the tenant is in the insights pilot
 * is decided per tenant; outside it the insights reads answer 404, as the real API does.
 */
import type { PaidMediaProvider } from '../../src-shared/api';
import type { DemoTenant } from './demo-records';
import { hashString, SeededRandom } from './prng';
import type { DemoAdsStatus } from './demo-records';

/** A paid campaign as the API sends it. */
export interface DemoPaidCampaign {
  id: string;
  provider: PaidMediaProvider;
  name: string | null;
  status: string;
  objective: string | null;
  budget: { amount: number | null; currency: string | null };
  budgetType: string;
  lastSyncedAt: string | null;
  /** Not sent: when it started spending, and its UTM campaign names (attribution). */
  startedAt: string;
  utmCampaigns: string[];
}

/** An ad group (ad set) as the API sends it. */
export interface DemoAdGroup {
  id: string;
  provider: PaidMediaProvider;
  campaignId: string;
  name: string | null;
  status: string;
  lastSyncedAt: string | null;
  /** Not sent: its share of the campaign's daily delivery. */
  share: number;
}

/** An ad as the API sends it. */
export interface DemoAd {
  id: string;
  provider: PaidMediaProvider;
  campaignId: string;
  adGroupId: string;
  name: string | null;
  status: string;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmContainsMacros: boolean;
  lastSyncedAt: string | null;
}

/** One provider's account of a tenant. */
export interface DemoPaidAccount {
  provider: PaidMediaProvider;
  connected: boolean;
  inPilot: boolean;
  campaigns: DemoPaidCampaign[];
  adGroups: DemoAdGroup[];
  ads: DemoAd[];
  lastSyncAt: string | null;
}

const dayMs = 24 * 3600 * 1000;
const themes = ['Summer festival', 'Presale', 'Retargeting visitors', 'Lookalike buyers', 'Season pass', 'Last tickets'];
const objectives = ['CONVERSIONS', 'REACH', 'TRAFFIC', 'ENGAGEMENT'];
const statuses = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'PAUSED', 'ARCHIVED'];
const utmSources: Record<PaidMediaProvider, string> = { meta: 'facebook', google: 'google', tiktok: 'tiktok' };

/** Generates a tenant's account with `provider`, following its connection status. */
export function generatePaidAccount(tenant: DemoTenant, provider: PaidMediaProvider, status: DemoAdsStatus, now: Date): DemoPaidAccount {
  const rng = new SeededRandom(`paid:${tenant.id}:${provider}`);
  const inPilot = new SeededRandom(`paid-pilot:${tenant.id}`).chance(0.75);
  const account: DemoPaidAccount = { provider, connected: status.connected, inPilot, campaigns: [], adGroups: [], ads: [], lastSyncAt: status.lastSyncAt };
  if (!status.connected) return account;
  const today = Math.floor(now.getTime() / dayMs) * dayMs;
  const count = rng.int(2, 5);
  for (let c = 0; c < count; c += 1) {
    const id = `${provider === 'google' ? '' : 'camp_'}${rng.int(100000, 999999)}${c}`;
    const theme = rng.pick(themes);
    const utm = `${theme.toLowerCase().replace(/\s+/g, '_')}_${tenant.key}`.slice(0, 60);
    const campaign: DemoPaidCampaign = {
      id,
      provider,
      name: `${theme} — ${tenant.name}`,
      status: rng.pick(statuses),
      objective: rng.pick(objectives),
      budget: { amount: rng.int(5, 60) * 100, currency: 'EUR' },
      budgetType: rng.chance(0.6) ? 'DAILY' : 'LIFETIME',
      lastSyncedAt: status.lastSyncAt,
      startedAt: new Date(today - rng.int(14, 90) * dayMs).toISOString(),
      utmCampaigns: [utm],
    };
    account.campaigns.push(campaign);
    const groups = rng.int(1, 3);
    let left = 1;
    for (let g = 0; g < groups; g += 1) {
      const share = g === groups - 1 ? left : Math.round(left * (0.3 + rng.next() * 0.4) * 100) / 100;
      left = Math.round((left - share) * 100) / 100;
      const group: DemoAdGroup = { id: `ag_${id}_${g + 1}`, provider, campaignId: id, name: rng.chance(0.9) ? `${rng.pick(['Retargeting', 'Broad', 'Lookalike 1%', 'Interests: music'])} ${g + 1}` : null, status: campaign.status, lastSyncedAt: status.lastSyncAt, share };
      account.adGroups.push(group);
      const ads = rng.int(1, 3);
      for (let a = 0; a < ads; a += 1) {
        const tagged = rng.chance(0.8);
        account.ads.push({ id: `ad_${id}_${g + 1}_${a + 1}`, provider, campaignId: id, adGroupId: group.id, name: rng.chance(0.9) ? `Variant ${String.fromCharCode(65 + a)}` : null, status: group.status, utmSource: tagged ? utmSources[provider] : null, utmMedium: tagged ? 'cpc' : null, utmCampaign: tagged ? utm : null, utmContainsMacros: tagged && rng.chance(0.3), lastSyncedAt: status.lastSyncAt });
      }
    }
  }
  return account;
}

/** The campaign's delivery on one UTC day (deterministic); zero before it started or after `now`. */
export function campaignDay(campaign: DemoPaidCampaign, day: number, now: Date): { spend: number; impressions: number; reach: number; clicks: number; results: number } {
  if (day < Date.parse(campaign.startedAt.slice(0, 10)) || day > now.getTime() || campaign.status === 'ARCHIVED') return { spend: 0, impressions: 0, reach: 0, clicks: 0, results: 0 };
  const rng = new SeededRandom(hashString(`${campaign.id}:${day}`));
  const budget = (campaign.budget.amount ?? 1000) / (campaign.budgetType === 'DAILY' ? 30 : 60);
  const spend = Math.round(budget * (0.6 + rng.next() * 0.5) * 100) / 100;
  const impressions = Math.round(spend * (35 + rng.next() * 15));
  const clicks = Math.round(impressions * (0.01 + rng.next() * 0.03));
  return { spend, impressions, reach: Math.round(impressions * 0.82), clicks, results: Math.round(clicks * (0.04 + rng.next() * 0.08)) };
}

/** An insights row as the API sends it for `figures` of one entity and day. */
export function insightsRow(entityId: string, level: 'CAMPAIGN' | 'ADSET', provider: PaidMediaProvider, day: number, figures: ReturnType<typeof campaignDay>): Record<string, unknown> {
  const ratio = (a: number, b: number, digits = 4): number | null => (b === 0 ? null : Math.round((a / b) * 10 ** digits) / 10 ** digits);
  return {
    entityId,
    providerId: `${provider}_${entityId}`,
    level,
    date: new Date(day).toISOString().replace('.000Z', 'Z'),
    spend: figures.spend,
    currency: 'EUR',
    impressions: figures.impressions,
    reach: figures.reach,
    frequency: ratio(figures.impressions, figures.reach, 2),
    clicks: figures.clicks,
    ctr: ratio(figures.clicks, figures.impressions),
    cpm: ratio(figures.spend * 1000, figures.impressions, 2),
    cpc: ratio(figures.spend, figures.clicks, 3),
    results: figures.results,
    costPerResult: ratio(figures.spend, figures.results, 2),
    pixelRoas: figures.results === 0 ? null : Math.round(((figures.results * 45) / Math.max(1, figures.spend)) * 100) / 100,
    hookRate: null,
    engagementCount: Math.round(figures.clicks * 0.4),
    engagementRate: ratio(figures.clicks * 40, figures.impressions, 2),
    video3sViews: null,
    videoThruPlay: null,
    videoP25Pct: null,
    videoP50Pct: null,
    videoP75Pct: null,
    videoP100Pct: null,
  };
}

/** An ad group's share of its campaign's day (counts rounded down, spend to the cent). */
export function groupDay(group: DemoAdGroup, figures: ReturnType<typeof campaignDay>): ReturnType<typeof campaignDay> {
  return { spend: Math.round(figures.spend * group.share * 100) / 100, impressions: Math.floor(figures.impressions * group.share), reach: Math.floor(figures.reach * group.share), clicks: Math.floor(figures.clicks * group.share), results: Math.floor(figures.results * group.share) };
}

/** The UTC days (ms) from `from` to `to` (`yyyy-MM-dd`, inclusive), at most 366. */
export function daysBetween(from: string, to: string): number[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const out: number[] = [];
  for (let day = start; day <= end && out.length < 366; day += dayMs) out.push(day);
  return out;
}
