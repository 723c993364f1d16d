/**
 * Per-tenant demo data, generated lazily on first use from a seed derived from the tenant id, so a
 * server with 100 000 tenants starts instantly and the same tenant always holds the same data.
 * Segments are mutable (create/update with optimistic concurrency); everything else is read-only.
 * Generation itself lives in tenant-data-generator.ts.
 */
import type { Campaign, Capabilities, Criterion, PaidAdsStatus, PaidMediaProvider, Segment, SegmentCreate, SegmentDefinition, SegmentUpdate } from '../../src-shared/api';
import { checkSegmentDefinition } from '../../src-shared/segment-definition-check';
import { generateFans } from './fans';
import { badRequest, DemoHttpError, notFound } from './http-error';
import { previewDefinition } from './preview';
import { generateTenantData } from './tenant-data-generator';
import type { TenantData } from './tenant-data-generator';
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

