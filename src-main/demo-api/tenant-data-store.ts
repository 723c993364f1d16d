/**
 * Per-tenant demo data, generated lazily on first use from a seed derived from the tenant id, so a
 * server with 100 000 tenants starts instantly and the same tenant always holds the same data.
 * Segments are mutable (create/update with optimistic concurrency); everything else is read-only.
 */
import type { Campaign, Capabilities, Criterion, PaidAdsStatus, PaidMediaProvider, Segment, SegmentCreate, SegmentDefinition, SegmentUpdate, Tenant } from '../../src-shared/api';
import { CampaignChannelSchema, CampaignStatusSchema } from '../../src-shared/api';
import { checkSegmentDefinition } from '../../src-shared/segment-definition-check';
import { criteriaCatalogue } from './criteria-catalogue';
import { generateFans } from './fans';
import type { DemoFan } from './fans';
import { badRequest, DemoHttpError, notFound } from './http-error';
import { previewDefinition } from './preview';
import { SeededRandom } from './prng';
import type { TenantDirectory } from './tenant-directory';

/** One tenant's data. */
interface TenantData {
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

/** A page of results. */
export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

const dataEpoch = Date.UTC(2026, 0, 1);
const dayMs = 24 * 3600 * 1000;
/** Segments a tenant may hold: keeps a runaway benchmark from exhausting memory. */
const maxSegmentsPerTenant = 10_000;
/** Tenants whose data stays in memory; the least recently created are evicted beyond this (scale runs). */
const maxCachedTenants = 5_000;

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

/** Lazily generated, in-memory data of every tenant. */
export class TenantDataStore {
  private readonly cache = new Map<string, TenantData>();

  constructor(
    private readonly directory: TenantDirectory,
    private readonly now: () => Date,
  ) {}

  /** The tenant's criteria catalogue. */
  criteria(tenantId: string): Criterion[] {
    return this.data(tenantId).criteria;
  }

  /** The tenant's analytics capabilities. */
  capabilities(tenantId: string): Capabilities {
    return this.data(tenantId).capabilities;
  }

  /** Paid-media status of one provider. */
  adsStatus(tenantId: string, provider: PaidMediaProvider): PaidAdsStatus {
    return this.data(tenantId).ads[provider];
  }

  /** Campaigns, newest first, filtered and paged. */
  campaigns(tenantId: string, query: { page: number; size: number; status?: Campaign['status']; channel?: Campaign['channel'] }): Page<Campaign> {
    const all = this.data(tenantId).campaigns.filter((c) => (query.status === undefined || c.status === query.status) && (query.channel === undefined || c.channel === query.channel));
    return paginate(all, query.page, query.size);
  }

  /** Segments whose name or description contains `search` (case-insensitive), newest update first. */
  listSegments(tenantId: string, query: { search?: string; page: number; size: number }): Page<Segment> {
    const needle = query.search?.trim().toLowerCase() ?? '';
    const all = [...this.data(tenantId).segments.values()]
      .filter((s) => needle === '' || s.name.toLowerCase().includes(needle) || (s.description ?? '').toLowerCase().includes(needle))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
    return paginate(all, query.page, query.size);
  }

  /** One segment with its current estimate, or 404. */
  getSegment(tenantId: string, segmentId: string): Segment {
    const segment = this.data(tenantId).segments.get(segmentId);
    if (segment === undefined) throw notFound(`Segment ${segmentId} does not exist in this tenant`);
    return { ...segment, estimatedFanCount: this.preview(tenantId, segment.definition).estimated_fan_count };
  }

  /** Creates a segment (version 1) after checking its definition. */
  createSegment(tenantId: string, input: SegmentCreate): Segment {
    const data = this.data(tenantId);
    this.checkDefinition(data, input.definition, 'definition');
    if (data.segments.size >= maxSegmentsPerTenant) throw new DemoHttpError(409, 'conflict', `This tenant already has ${maxSegmentsPerTenant} segments, the demo API's limit`);
    const at = this.now().toISOString();
    let id = data.idRandom.hex(24);
    while (data.segments.has(id)) id = data.idRandom.hex(24);
    const segment: Segment = { id, name: input.name, description: input.description ?? null, definition: input.definition, version: 1, tenantId, createdAt: at, updatedAt: at };
    data.segments.set(id, segment);
    return this.getSegment(tenantId, id);
  }

  /** Updates a segment; a `version` that is not the stored one is a 409 (no silent overwrite). */
  updateSegment(tenantId: string, segmentId: string, input: SegmentUpdate): Segment {
    const data = this.data(tenantId);
    const current = data.segments.get(segmentId);
    if (current === undefined) throw notFound(`Segment ${segmentId} does not exist in this tenant`);
    if (input.version !== undefined && input.version !== current.version) {
      throw new DemoHttpError(
        409,
        'conflict',
        `Segment "${current.name}" was changed by someone else: you edited version ${input.version}, the stored version is ${current.version}. Reload it and apply your changes again.`,
        'version',
      );
    }
    if (input.definition !== undefined) this.checkDefinition(data, input.definition, 'definition');
    const next: Segment = {
      ...current,
      name: input.name ?? current.name,
      description: input.description ?? current.description ?? null,
      definition: input.definition ?? current.definition,
      version: current.version + 1,
      updatedAt: this.now().toISOString(),
    };
    data.segments.set(segmentId, next);
    return this.getSegment(tenantId, segmentId);
  }

  /** Counts the tenant's fans matching the definition (checked first: 400 with the path). */
  preview(tenantId: string, definition: SegmentDefinition, pathPrefix?: string): ReturnType<typeof previewDefinition> {
    const data = this.data(tenantId);
    if (pathPrefix !== undefined) this.checkDefinition(data, definition, pathPrefix);
    data.fans ??= generateFans(data.tenant);
    return previewDefinition(data.fans, definition, data.criteria);
  }

  private checkDefinition(data: TenantData, definition: SegmentDefinition, prefix: string): void {
    const [issue] = checkSegmentDefinition(definition, data.criteria);
    if (issue !== undefined) {
      const path = `${prefix}.${issue.path}`;
      throw badRequest(`${path}: ${issue.message}`, path);
    }
  }

  private data(tenantId: string): TenantData {
    const cached = this.cache.get(tenantId);
    if (cached !== undefined) return cached;
    const tenant = this.directory.get(tenantId);
    if (tenant === undefined) throw notFound(`Tenant ${tenantId} does not exist`, 'tenant_not_found');
    if (this.cache.size >= maxCachedTenants) {
      // Evict the oldest tenant rather than grow without bound: only scale runs touch this many
      // tenants, and a tenant evicted here regenerates the same data on its next use.
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    const created = generateTenantData(tenant);
    this.cache.set(tenantId, created);
    return created;
  }
}

function paginate<T>(all: T[], page: number, size: number): Page<T> {
  return { items: all.slice(page * size, page * size + size), page, size, total: all.length };
}

function isoDaysBefore(days: number, hour = 9): string {
  return new Date(dataEpoch - days * dayMs + hour * 3600 * 1000).toISOString();
}

function generateTenantData(tenant: Tenant): TenantData {
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
