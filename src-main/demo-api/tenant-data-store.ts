/**
 * Per-tenant demo data, generated lazily on first use from a seed derived from the tenant id, so a
 * server with 100 000 tenants starts instantly and the same tenant always holds the same data.
 * Segments are mutable like the real API's: no `version` and no optimistic concurrency; every write
 * sets `modifiedAt`. Generation itself lives in tenant-data-generator.ts.
 */
import { foldText } from '../../src-shared/text-fold';
import type { PaidMediaProvider, SegmentCreate, SegmentDefinition, SegmentUpdate } from '../../src-shared/api';
import { checkSegmentDefinition } from '../../src-shared/segment-definition-check';
import type { DemoTable } from './analytics';
import type { DemoCriterion } from './criteria-catalogue';
import type { DemoSegment } from './demo-records';
import { generateFans, type DemoFan } from './fans';
import { DemoHttpError, notFound } from './http-error';
import { previewDefinition, type DemoPreview } from './preview';
import { audienceOf, metricsOf, quoteOf, recipientsOf, type DemoRecipient } from './campaign-book';
import { mediaPrefix, seedImages, type DemoImage } from './media-library';
import { campaignRows, generateTenantData, type TenantData } from './tenant-data-generator';
import type { DemoAdsStatus, DemoCampaign } from './demo-records';
import type { TenantDirectory } from './tenant-directory';

/** A page of results. */
export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

/** Segments a tenant may hold: keeps a runaway benchmark from exhausting memory. */
const maxSegmentsPerTenant = 10_000;
/** Tenants whose data stays in memory; the least recently created are evicted beyond this (scale runs). */
const maxCachedTenants = 5_000;

/** A segment with its current estimate, as the API answers a read. */
export type SegmentAnswer = DemoSegment & { estimatedCount: number };

/** Lazily generated, in-memory data of every tenant. */
export class TenantDataStore {
  private readonly cache = new Map<string, TenantData>();

  constructor(
    private readonly directory: TenantDirectory,
    private readonly now: () => Date,
  ) {}

  /** The tenant's criteria catalogue. */
  criteria(tenantId: string): DemoCriterion[] {
    return this.data(tenantId).criteria;
  }

  /** The tenant's analytics capabilities. */
  capabilities(tenantId: string): Record<string, unknown> {
    return this.data(tenantId).capabilities;
  }

  /** Paid-media status of one provider. */
  adsStatus(tenantId: string, provider: PaidMediaProvider): DemoAdsStatus {
    return this.data(tenantId).ads[provider];
  }

  /** The tenant's analytics tables (campaign figures counted from the recipients). */
  tables(tenantId: string): ReadonlyMap<string, DemoTable> {
    const data = this.data(tenantId);
    this.settle(data);
    return data.tables;
  }

  /** The tenant's campaigns, newest first. */
  campaigns(tenantId: string): readonly DemoCampaign[] {
    return this.data(tenantId).campaigns;
  }

  /** One campaign of the tenant, or 404 (another tenant's id is as unknown as a made-up one). */
  campaign(tenantId: string, campaignId: string): DemoCampaign {
    const campaign = this.data(tenantId).campaigns.find((c) => c.id === campaignId);
    if (campaign === undefined) throw new DemoHttpError(404, 'not_found', 'Campaign not found', undefined, 'plain');
    return campaign;
  }

  /** A campaign's recipients (with their statuses), counted from its segments. */
  recipients(tenantId: string, campaignId: string): readonly DemoRecipient[] {
    const data = this.data(tenantId);
    this.settle(data);
    this.campaign(tenantId, campaignId);
    return data.recipients?.get(campaignId) ?? [];
  }

  /** `GET /campaigns/{id}/metrics`. */
  campaignMetrics(tenantId: string, campaignId: string): Record<string, unknown> {
    return metricsOf(this.campaign(tenantId, campaignId), this.recipients(tenantId, campaignId));
  }

  /** `POST /campaigns/quote`: unknown segment ids are a 404, as the real API's. */
  quote(tenantId: string, channel: string, segmentIds: readonly string[]): Record<string, unknown> {
    const data = this.data(tenantId);
    const definitions = segmentIds.map((id) => {
      const segment = data.segments.get(id);
      if (segment === undefined) throw new DemoHttpError(404, 'not_found', `Segment ${id} not found`, undefined, 'plain');
      return segment.definition;
    });
    data.fans ??= generateFans(data.tenant);
    return quoteOf(channel, audienceOf(data.fans, definitions, data.criteria), data.credits, this.now().toISOString());
  }

  /** Creates a DRAFT campaign (nothing is sent); segment ids must exist in the tenant. */
  createCampaign(tenantId: string, input: { name: string; channel: string; segmentIds: string[] } & Record<string, unknown>): DemoCampaign & Record<string, unknown> {
    const data = this.data(tenantId);
    for (const id of input.segmentIds) if (!data.segments.has(id)) throw new DemoHttpError(404, 'not_found', `Segment ${id} not found`, undefined, 'plain');
    const { name, channel, segmentIds, status: _status, ...content } = input;
    const campaign: DemoCampaign & Record<string, unknown> = {
      ...content,
      id: data.idRandom.hex(24),
      name,
      status: 'DRAFT',
      channel,
      tenantId,
      segmentIds,
      createdAt: this.now().toISOString(),
      scheduledTime: null,
      executedAt: null,
      sent: 0,
      opens: 0,
      clicks: 0,
      revenue: 0,
    };
    data.campaigns.unshift(campaign);
    data.recipients?.set(campaign.id, []);
    this.rebuildCampaignTable(data);
    return campaign;
  }

  /** Schedules a DRAFT: a 409 for any other status, a 402 when the tenant's credits do not cover it. */
  scheduleCampaign(tenantId: string, campaignId: string, scheduledTime: string): DemoCampaign {
    const data = this.data(tenantId);
    const campaign = this.campaign(tenantId, campaignId);
    if (campaign.status !== 'DRAFT') throw new DemoHttpError(409, 'conflict', `Campaign is ${campaign.status}, only a DRAFT can be scheduled`, undefined, 'plain');
    const quote = this.quote(tenantId, campaign.channel, campaign.segmentIds);
    if (quote.affordable !== true) throw new DemoHttpError(402, 'invalid_request', 'Insufficient credits', undefined, 'plain');
    campaign.status = 'SCHEDULED';
    campaign.scheduledTime = scheduledTime;
    if (data.recipients !== undefined) data.recipients.set(campaign.id, this.recount(data, campaign));
    this.rebuildCampaignTable(data);
    return campaign;
  }

  /** The tenant's media library. */
  images(tenantId: string): DemoImage[] {
    const data = this.data(tenantId);
    data.media ??= seedImages(data.tenant);
    return data.media;
  }

  /** Adds an uploaded image (a same-named one is replaced) and answers where it is served. */
  addImage(tenantId: string, image: { name: string; mimeType: string; size: number }): string {
    const images = this.images(tenantId);
    const src = `${mediaPrefix(this.data(tenantId).tenant)}${encodeURIComponent(image.name)}`;
    const at = images.findIndex((i) => i.src === src);
    if (at >= 0) images.splice(at, 1);
    images.unshift({ src, ...image });
    return src;
  }

  /** Deletes images by URL or by name; unknown ones are no error (the real API answers 204 for them too). */
  deleteImages(tenantId: string, urls: readonly string[]): void {
    const data = this.data(tenantId);
    data.media = this.images(tenantId).filter((image) => !urls.includes(image.src) && !urls.includes(image.name));
  }

  /** Counts recipients and figures of every campaign once, from the segments (campaign-book.ts). */
  private settle(data: TenantData): void {
    if (data.recipients !== undefined) return;
    data.recipients = new Map();
    for (const campaign of data.campaigns) data.recipients.set(campaign.id, this.recount(data, campaign));
    this.rebuildCampaignTable(data);
  }

  private recount(data: TenantData, campaign: DemoCampaign): DemoRecipient[] {
    data.fans ??= generateFans(data.tenant);
    const definitions = campaign.segmentIds.flatMap((id) => {
      const segment = data.segments.get(id);
      return segment === undefined ? [] : [segment.definition];
    });
    const recipients = recipientsOf(campaign, audienceOf(data.fans, definitions, data.criteria));
    const metrics = metricsOf(campaign, recipients);
    campaign.sent = metrics.totalSent as number;
    campaign.opens = metrics.uniqueOpens as number;
    campaign.clicks = metrics.uniqueClicks as number;
    campaign.revenue = metrics.revenue as number;
    return recipients;
  }

  private rebuildCampaignTable(data: TenantData): void {
    const table = data.tables.get('campaigns');
    if (table !== undefined) table.rows = campaignRows(data.tenant, data.campaigns);
  }

  /** Segments whose name or description contains `search` (case and accents aside), most recently modified first. */
  listSegments(tenantId: string, query: { search?: string; page: number; size: number }): Page<DemoSegment> {
    const needle = foldText(query.search?.trim() ?? '');
    const all = [...this.data(tenantId).segments.values()]
      .filter((s) => needle === '' || foldText(s.name).includes(needle) || foldText(s.description ?? '').includes(needle))
      .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.id.localeCompare(b.id));
    return paginate(all, query.page, query.size);
  }

  /** One segment with its current estimate, or 404. */
  getSegment(tenantId: string, segmentId: string): SegmentAnswer {
    const segment = this.data(tenantId).segments.get(segmentId);
    if (segment === undefined) throw new DemoHttpError(404, 'not_found', 'Not found', undefined, 'text');
    return { ...segment, estimatedCount: this.preview(tenantId, segment.definition).estimated_fan_count };
  }

  /**
   * Creates a segment after checking its definition. Without `status` it lands as a DRAFT, as the real
   * API's may (upstream always sends ACTIVE).
   */
  createSegment(tenantId: string, input: SegmentCreate & { status?: string; createdBy?: string }): SegmentAnswer {
    const data = this.data(tenantId);
    this.checkDefinition(data, input.definition);
    if (data.segments.size >= maxSegmentsPerTenant) throw new DemoHttpError(409, 'conflict', `This tenant already has ${maxSegmentsPerTenant} segments, the demo API's limit`);
    const at = this.now().toISOString();
    let id = data.idRandom.hex(24);
    while (data.segments.has(id)) id = data.idRandom.hex(24);
    const segment: DemoSegment = {
      id,
      name: input.name,
      ...(input.description === undefined ? {} : { description: input.description }),
      definition: input.definition,
      status: input.status ?? 'DRAFT',
      tenantId,
      createdAt: at,
      createdBy: input.createdBy ?? 'unknown',
      modifiedAt: at,
      isLegacy: false,
    };
    data.segments.set(id, segment);
    return this.getSegment(tenantId, id);
  }

  /** Changes the given fields of a segment (last write wins: the real API has no version check). */
  updateSegment(tenantId: string, segmentId: string, input: SegmentUpdate & { modifiedBy?: string }): SegmentAnswer {
    const data = this.data(tenantId);
    const current = data.segments.get(segmentId);
    if (current === undefined) throw new DemoHttpError(404, 'not_found', 'Not found', undefined, 'text');
    if (input.definition !== undefined) this.checkDefinition(data, input.definition);
    // The server's clock, not the client's `modifiedAt`: revisions must move on every write.
    let modifiedAt = this.now().toISOString();
    if (modifiedAt <= current.modifiedAt) modifiedAt = new Date(Date.parse(current.modifiedAt) + 1).toISOString();
    const next: DemoSegment = {
      ...current,
      name: input.name ?? current.name,
      ...(input.description === undefined ? {} : { description: input.description }),
      definition: input.definition ?? current.definition,
      modifiedAt,
      ...(input.modifiedBy === undefined ? {} : { modifiedBy: input.modifiedBy }),
    };
    data.segments.set(segmentId, next);
    return this.getSegment(tenantId, segmentId);
  }

  /** Counts the tenant's fans matching the definition. */
  preview(tenantId: string, definition: SegmentDefinition): DemoPreview {
    const data = this.data(tenantId);
    data.fans ??= generateFans(data.tenant);
    return previewDefinition(data.fans, definition, data.criteria);
  }

  /** The fans a definition matches, in the tenant's order (the contacts of `POST /segments/execute`). */
  contacts(tenantId: string, definition: SegmentDefinition): DemoFan[] {
    const data = this.data(tenantId);
    data.fans ??= generateFans(data.tenant);
    return audienceOf(data.fans, [definition], data.criteria);
  }

  /** The first problem of a definition against the tenant's catalogue, or null. */
  definitionIssue(tenantId: string, definition: SegmentDefinition): { path: string; message: string } | null {
    return checkSegmentDefinition(definition, this.data(tenantId).criteria)[0] ?? null;
  }

  private checkDefinition(data: TenantData, definition: SegmentDefinition): void {
    const [issue] = checkSegmentDefinition(definition, data.criteria);
    if (issue !== undefined) throw new DemoHttpError(400, 'validation_failed', `Invalid segment definition: definition.${issue.path}: ${issue.message}`, `definition.${issue.path}`, 'plain');
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

