/**
 * Generates one tenant's demo data: 3-6 segments from templates, 10-30 campaigns, paid-ads status per
 * provider and analytics capabilities. Deterministic (seeded by the tenant id); fans come later, lazily.
 */
import type { PaidMediaProvider, SegmentDefinition } from '../../src-shared/api';
import { knownCampaignChannels, knownCampaignStatuses } from '../../src-shared/api';
import { criteriaCatalogue, type DemoCriterion } from './criteria-catalogue';
import type { DemoAdsStatus, DemoCampaign, DemoSegment, DemoTenant } from './demo-records';
import type { DemoFan } from './fans';
import { SeededRandom } from './prng';
import type { DemoTable } from './analytics';
import type { DemoRecipient } from './campaign-book';
import type { DemoImage } from './media-library';

/** One tenant's data. */
export interface TenantData {
  tenant: DemoTenant;
  criteria: DemoCriterion[];
  segments: Map<string, DemoSegment>;
  campaigns: DemoCampaign[];
  ads: Record<PaidMediaProvider, DemoAdsStatus>;
  capabilities: Record<string, unknown>;
  /** Analytics tables over the data above, by name. */
  tables: Map<string, DemoTable>;
  /** Ids for new segments continue this tenant's own sequence. */
  idRandom: SeededRandom;
  fans?: DemoFan[];
  /** Recipients per campaign id, counted from the segments on first use (campaign-book.ts). */
  recipients?: Map<string, DemoRecipient[]>;
  /** The media library, seeded on first use. */
  media?: DemoImage[];
  /** Messaging credits of the tenant (quotes, scheduling). */
  credits: { available: number; unlimited: boolean };
}

const dataEpoch = Date.UTC(2026, 0, 1);
const dayMs = 24 * 3600 * 1000;
// Stored the way the real API stores them: ids on every stanza and criterion, upstream's `type`
// categories, and fields the client must carry through untouched (`timeframe`, `filters`, `modifiers`).
const segmentTemplates: { name: string; description: string; definition: SegmentDefinition }[] = [
  { name: 'VIP fans', description: 'Spent over 500 EUR and came to at least 5 events', definition: { stanzas: [{ id: 's1', criteria: [{ id: 'c1', type: 'behavior', criterion_id: 'total_spent', operator: 'gte', value: 500, modifiers: { frequency: { count: 1, operator: 'gte' } } }] }, { id: 's2', criteria: [{ id: 'c2', type: 'behavior', criterion_id: 'events_attended', operator: 'gte', value: 5, timeframe: { type: 'relative', unit: 'days', value_start: 365, value_end: 0 } }] }] } },
  { name: 'Local fans', description: 'Living in Madrid or Barcelona', definition: { stanzas: [{ id: 's1', criteria: [{ id: 'c1', type: 'profile_property', criterion_id: 'city', operator: 'is', value: ['madrid', 'barcelona'], filters: { property_name: 'home_city' } }] }] } },
  { name: 'Newsletter subscribers', description: 'Opted in to the newsletter', definition: { stanzas: [{ id: 's1', criteria: [{ id: 'c1', type: 'communication_interaction', criterion_id: 'newsletter_opt_in', operator: 'is_true' }] }] } },
  { name: 'Lapsed buyers', description: 'No purchase since mid-2025', definition: { stanzas: [{ id: 's1', criteria: [{ id: 'c1', type: 'behavior', criterion_id: 'last_purchase_at', operator: 'before', value: '2025-06-01' }] }] } },
  { name: 'Rock and techno lovers', description: 'Rock or techno as favourite genre, app users or young', definition: { stanzas: [{ id: 's1', criteria: [{ id: 'c1', type: 'profile_property', criterion_id: 'favourite_genre', operator: 'is', value: ['rock', 'techno'] }] }, { id: 's2', criteria: [{ id: 'c2', type: 'app_interaction', criterion_id: 'has_app', operator: 'is_true' }, { id: 'c3', type: 'profile_property', criterion_id: 'age', operator: 'lt', value: 30 }] }] } },
  { name: 'Young app users', description: 'Under 25 with the mobile app', definition: { stanzas: [{ id: 's1', criteria: [{ id: 'c1', type: 'profile_property', criterion_id: 'age', operator: 'lt', value: 25 }] }, { id: 's2', criteria: [{ id: 'c2', type: 'app_interaction', criterion_id: 'has_app', operator: 'is_true' }] }] } },
  { name: 'Everyone', description: 'All fans', definition: { stanzas: [] } },
];
// The same seven segments as a Spanish promoter names them (same criteria, so previews and tools behave alike).
const spanishSegmentTemplates: typeof segmentTemplates = [
  { name: 'Abonados de temporada', description: 'Han gastado más de 500 € y han venido a 5 conciertos o más', definition: structuredClone((segmentTemplates[0] as (typeof segmentTemplates)[number]).definition) },
  { name: 'Público de la zona', description: 'Viven en Madrid o en Barcelona', definition: structuredClone((segmentTemplates[1] as (typeof segmentTemplates)[number]).definition) },
  { name: 'Suscriptores del boletín', description: 'Aceptaron recibir el boletín', definition: structuredClone((segmentTemplates[2] as (typeof segmentTemplates)[number]).definition) },
  { name: 'Compradores que no han vuelto', description: 'Sin compras desde junio de 2025', definition: structuredClone((segmentTemplates[3] as (typeof segmentTemplates)[number]).definition) },
  { name: 'Amantes del rock y del techno', description: 'Rock o techno como género favorito, con la app o jóvenes', definition: structuredClone((segmentTemplates[4] as (typeof segmentTemplates)[number]).definition) },
  { name: 'Público joven con la app', description: 'Menores de 25 años con la app móvil', definition: structuredClone((segmentTemplates[5] as (typeof segmentTemplates)[number]).definition) },
  { name: 'Campaña de Navidad: todo el público', description: 'Todos los fans', definition: { stanzas: [] } },
];
const campaignThemes = ['Spring presale', 'Summer festival launch', 'Last tickets', 'Members early access', 'Autumn season', 'New Year party', 'Fan survey', 'Merch drop', 'Weekend reminder', 'VIP upgrade'];
const spanishCampaignThemes = ['Preventa de primavera', 'Lanzamiento del festival de verano', 'Últimas entradas', 'Acceso anticipado para abonados', 'Temporada de otoño', 'Fiesta de Nochevieja', 'Encuesta al público', 'Nueva colección de merchandising', 'Recordatorio del fin de semana', 'Mejora a VIP'];
const providers: readonly PaidMediaProvider[] = ['meta', 'google', 'tiktok'];
const providerNames: Record<PaidMediaProvider, string> = { meta: 'Meta Ads', google: 'Google Ads', tiktok: 'TikTok Ads' };

function isoDaysBefore(days: number, hour = 9): string {
  return new Date(dataEpoch - days * dayMs + hour * 3600 * 1000).toISOString();
}

/** Generates a tenant's data from a seed derived from its id: same tenant, same data, every run. */
export function generateTenantData(tenant: DemoTenant): TenantData {
  const rng = new SeededRandom(`tenant:${tenant.id}`);
  const criteria = criteriaCatalogue(tenant);
  const segments = new Map<string, DemoSegment>();
  const spanish = tenant.language === 'es';
  const templates = [...(spanish ? spanishSegmentTemplates : segmentTemplates)];
  const segmentCount = rng.int(3, 6);
  for (let i = 0; i < segmentCount; i += 1) {
    const template = templates.splice(rng.int(0, templates.length - 1), 1)[0];
    if (template === undefined) break;
    const created = rng.int(60, 400);
    const id = rng.hex(24);
    const modified = rng.int(1, created);
    segments.set(id, {
      id,
      name: template.name,
      description: template.description,
      definition: structuredClone(template.definition),
      status: 'ACTIVE',
      tenantId: tenant.id,
      createdAt: isoDaysBefore(created),
      createdBy: 'owner@demo.nevent.local',
      modifiedAt: isoDaysBefore(modified),
      ...(rng.chance(0.5) ? { lastExecutedAt: isoDaysBefore(rng.int(0, modified)) } : {}),
      isLegacy: false,
    });
  }
  const segmentIds = [...segments.keys()];
  const campaignCount = rng.int(10, 30);
  const campaigns: DemoCampaign[] = [];
  for (let i = 0; i < campaignCount; i += 1) {
    const status = rng.pick(knownCampaignStatuses);
    const createdDaysAgo = i * 7 + rng.int(0, 6);
    campaigns.push({
      id: rng.hex(24),
      name: `${rng.pick(spanish ? spanishCampaignThemes : campaignThemes)} — ${tenant.name}`,
      status,
      channel: rng.pick(knownCampaignChannels),
      tenantId: tenant.id,
      segmentIds: rng.chance(0.7) ? [rng.pick(segmentIds)] : [],
      createdAt: isoDaysBefore(createdDaysAgo),
      scheduledTime: status === 'SCHEDULED' ? isoDaysBefore(-rng.int(1, 30), 18) : null,
      ...campaignFigures(rng, status, createdDaysAgo),
    });
  }
  const ads = {} as Record<PaidMediaProvider, DemoAdsStatus>;
  for (const provider of providers) {
    const connected = rng.chance(0.6);
    const name = provider.toUpperCase();
    ads[provider] = connected
      ? { connected, provider: name, accountId: `${provider}-act-${rng.hex(10)}`, accountName: `${tenant.name} · ${providerNames[provider]}`, lastSyncAt: isoDaysBefore(rng.int(0, 3), rng.int(0, 23)) }
      : { connected, provider: name, accountId: null, accountName: null, lastSyncAt: null };
  }
  const tables = analyticsTables(tenant, campaigns);
  // Feature flags besides the tables (the demo's own; the real answer carries more of its kind).
  const extras: Record<string, unknown> = {
    tenantId: tenant.id,
    features: {
      segments: true,
      segment_preview: true,
      campaigns: true,
      paid_media: providers.some((p) => ads[p].connected),
      predictive_scores: rng.chance(0.5),
      revenue_attribution: rng.chance(0.5),
    },
    channels: knownCampaignChannels.filter(() => rng.chance(0.75)),
    metrics: ['fans', 'tickets_sold', 'revenue', 'open_rate', 'click_rate'],
  };
  // Upstream's shape: the tables a model can query, with their fields; the rest stays alongside.
  const capabilities: Record<string, unknown> = {
    tables: [...tables.values()].map((t) => ({ name: t.name, description: t.description, timeField: t.timeField, tenantField: 'tenant_id', fields: t.columns })),
    count: tables.size,
    ...extras,
  };
  // A separate seed: adding credits changes none of the data generated above.
  const creditRng = new SeededRandom(`credits:${tenant.id}`);
  const credits = { available: creditRng.int(2_000, 60_000), unlimited: creditRng.chance(0.15) };
  return { tenant, criteria, segments, campaigns, ads, capabilities, tables, idRandom: new SeededRandom(`segment-ids:${tenant.id}`), credits };
}

/** Delivery figures of a campaign: only sent (EXECUTED) campaigns have any. */
function campaignFigures(rng: SeededRandom, status: string, createdDaysAgo: number): Pick<DemoCampaign, 'executedAt' | 'sent' | 'opens' | 'clicks' | 'revenue'> {
  if (status !== 'EXECUTED') return { executedAt: null, sent: 0, opens: 0, clicks: 0, revenue: 0 };
  const sent = rng.int(500, 20_000);
  const opens = Math.round(sent * (0.15 + rng.next() * 0.35));
  const clicks = Math.round(opens * (0.05 + rng.next() * 0.25));
  return { executedAt: isoDaysBefore(Math.max(0, createdDaysAgo - rng.int(0, 3)), 10), sent, opens, clicks, revenue: Math.round(clicks * rng.next() * 40 * 100) / 100 };
}

/** The analytics tables of a tenant (the `campaigns` collection the campaign list reads). */
function analyticsTables(tenant: DemoTenant, campaigns: readonly DemoCampaign[]): Map<string, DemoTable> {
  const table: DemoTable = {
    name: 'campaigns',
    description: 'Campaigns of the tenant with their delivery figures',
    timeField: 'created_at',
    columns: [
      { name: 'campaign_id', type: 'STRING' },
      { name: 'name', type: 'STRING' },
      { name: 'status', type: 'STRING', description: 'EXECUTED | DRAFT | PAUSED | STOPPED | SCHEDULED' },
      { name: 'channel', type: 'STRING', description: 'EMAIL | SMS | WHATSAPP' },
      { name: 'created_at', type: 'TIMESTAMP' },
      { name: 'executed_at', type: 'TIMESTAMP' },
      { name: 'sent', type: 'NUMBER' },
      { name: 'opens', type: 'NUMBER' },
      { name: 'clicks', type: 'NUMBER' },
      { name: 'revenue', type: 'CURRENCY', description: 'EUR' },
      { name: 'tenant_id', type: 'STRING' },
    ],
    rows: campaignRows(tenant, campaigns),
  };
  return new Map([[table.name, table]]);
}

/** The rows of the analytics `campaigns` table (rebuilt when figures are recounted or a campaign changes). */
export function campaignRows(tenant: DemoTenant, campaigns: readonly DemoCampaign[]): DemoTable['rows'] {
  return campaigns.map((c) => ({ campaign_id: c.id, name: c.name, status: c.status, channel: c.channel, created_at: c.createdAt, executed_at: c.executedAt, sent: c.sent, opens: c.opens, clicks: c.clicks, revenue: c.revenue, tenant_id: tenant.id }));
}
