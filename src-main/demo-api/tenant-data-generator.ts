/**
 * Generates one tenant's demo data: 3-6 segments from templates, 10-30 campaigns, paid-ads status per
 * provider and analytics capabilities. Deterministic (seeded by the tenant id); fans come later, lazily.
 */
import type { Campaign, Capabilities, Criterion, PaidAdsStatus, PaidMediaProvider, Segment, SegmentDefinition, Tenant } from '../../src-shared/api';
import { CampaignChannelSchema, CampaignStatusSchema } from '../../src-shared/api';
import { criteriaCatalogue } from './criteria-catalogue';
import type { DemoFan } from './fans';
import { SeededRandom } from './prng';

/** One tenant's data. */
export interface TenantData {
  tenant: Tenant;
  criteria: Criterion[];
  segments: Map<string, Segment>;
  campaigns: Campaign[];
  ads: Record<PaidMediaProvider, PaidAdsStatus>;
  capabilities: Capabilities;
  /** Ids for new segments continue this tenant's own sequence. */
  idRandom: SeededRandom;
  fans?: DemoFan[];
}

const dataEpoch = Date.UTC(2026, 0, 1);
const dayMs = 24 * 3600 * 1000;
const segmentTemplates: { name: string; description: string; definition: SegmentDefinition }[] = [
  { name: 'VIP fans', description: 'Spent over 500 EUR and came to at least 5 events', definition: { stanzas: [{ criteria: [{ criterion_id: 'total_spent', operator: 'gte', value: 500 }] }, { criteria: [{ criterion_id: 'events_attended', operator: 'gte', value: 5 }] }] } },
  { name: 'Local fans', description: 'Living in Madrid or Barcelona', definition: { stanzas: [{ criteria: [{ criterion_id: 'city', operator: 'is', value: ['madrid', 'barcelona'] }] }] } },
  { name: 'Newsletter subscribers', description: 'Opted in to the newsletter', definition: { stanzas: [{ criteria: [{ criterion_id: 'newsletter_opt_in', operator: 'is_true' }] }] } },
  { name: 'Lapsed buyers', description: 'No purchase since mid-2025', definition: { stanzas: [{ criteria: [{ criterion_id: 'last_purchase_at', operator: 'before', value: '2025-06-01' }] }] } },
  { name: 'Rock and techno lovers', description: 'Rock or techno as favourite genre, app users or young', definition: { stanzas: [{ criteria: [{ criterion_id: 'favourite_genre', operator: 'is', value: ['rock', 'techno'] }] }, { criteria: [{ criterion_id: 'has_app', operator: 'is_true' }, { criterion_id: 'age', operator: 'lt', value: 30 }] }] } },
  { name: 'Young app users', description: 'Under 25 with the mobile app', definition: { stanzas: [{ criteria: [{ criterion_id: 'age', operator: 'lt', value: 25 }] }, { criteria: [{ criterion_id: 'has_app', operator: 'is_true' }] }] } },
  { name: 'Everyone', description: 'All fans', definition: { stanzas: [] } },
];
const campaignThemes = ['Spring presale', 'Summer festival launch', 'Last tickets', 'Members early access', 'Autumn season', 'New Year party', 'Fan survey', 'Merch drop', 'Weekend reminder', 'VIP upgrade'];
const providers: readonly PaidMediaProvider[] = ['meta', 'google', 'tiktok'];
const providerNames: Record<PaidMediaProvider, string> = { meta: 'Meta Ads', google: 'Google Ads', tiktok: 'TikTok Ads' };

function isoDaysBefore(days: number, hour = 9): string {
  return new Date(dataEpoch - days * dayMs + hour * 3600 * 1000).toISOString();
}

/** Generates a tenant's data from a seed derived from its id: same tenant, same data, every run. */
export function generateTenantData(tenant: Tenant): TenantData {
  const rng = new SeededRandom(`tenant:${tenant.id}`);
  const criteria = criteriaCatalogue(tenant);
  const segments = new Map<string, Segment>();
  const templates = [...segmentTemplates];
  const segmentCount = rng.int(3, 6);
  for (let i = 0; i < segmentCount; i += 1) {
    const template = templates.splice(rng.int(0, templates.length - 1), 1)[0];
    if (template === undefined) break;
    const created = rng.int(60, 400);
    const id = rng.hex(24);
    segments.set(id, {
      id,
      name: template.name,
      description: template.description,
      definition: structuredClone(template.definition),
      version: rng.int(1, 4),
      tenantId: tenant.id,
      createdAt: isoDaysBefore(created),
      updatedAt: isoDaysBefore(rng.int(1, created)),
    });
  }
  const segmentIds = [...segments.keys()];
  const campaignCount = rng.int(10, 30);
  const campaigns: Campaign[] = [];
  for (let i = 0; i < campaignCount; i += 1) {
    const status = rng.pick(CampaignStatusSchema.options);
    const createdDaysAgo = i * 7 + rng.int(0, 6);
    campaigns.push({
      id: `cmp-${tenant.slug}-${String(i + 1).padStart(3, '0')}`,
      name: `${rng.pick(campaignThemes)} — ${tenant.name}`,
      status,
      channel: rng.pick(CampaignChannelSchema.options),
      tenantId: tenant.id,
      segmentId: rng.chance(0.7) ? rng.pick(segmentIds) : null,
      createdAt: isoDaysBefore(createdDaysAgo),
      scheduledAt: status === 'SCHEDULED' ? isoDaysBefore(-rng.int(1, 30), 18) : null,
    });
  }
  const ads = {} as Record<PaidMediaProvider, PaidAdsStatus>;
  for (const provider of providers) {
    const connected = rng.chance(0.6);
    ads[provider] = connected
      ? { connected, provider, accountId: `${provider}-act-${rng.hex(10)}`, accountName: `${tenant.name} · ${providerNames[provider]}`, lastSyncAt: isoDaysBefore(rng.int(0, 3), rng.int(0, 23)) }
      : { connected, provider, accountId: null, accountName: null, lastSyncAt: null };
  }
  const capabilities: Capabilities = {
    tenantId: tenant.id,
    features: {
      segments: true,
      segment_preview: true,
      campaigns: true,
      paid_media: providers.some((p) => ads[p].connected),
      predictive_scores: rng.chance(0.5),
      revenue_attribution: rng.chance(0.5),
    },
    channels: CampaignChannelSchema.options.filter(() => rng.chance(0.75)),
    metrics: ['fans', 'tickets_sold', 'revenue', 'open_rate', 'click_rate'],
  };
  return { tenant, criteria, segments, campaigns, ads, capabilities, idRandom: new SeededRandom(`segment-ids:${tenant.id}`) };
}
