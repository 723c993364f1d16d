/**
 * Per-tenant demo data, generated lazily on first use from a seed derived from the tenant id, so a
 * server with 100 000 tenants starts instantly and the same tenant always holds the same data.
 * Segments are mutable like the real API's: no `version` and no optimistic concurrency; every write
 * sets `modifiedAt`. Generation itself lives in tenant-data-generator.ts.
 */
import type { PaidMediaProvider, SegmentCreate, SegmentDefinition, SegmentUpdate } from '../../src-shared/api';
import { checkSegmentDefinition } from '../../src-shared/segment-definition-check';
import type { DemoTable } from './analytics';
import type { DemoCriterion } from './criteria-catalogue';
import type { DemoSegment } from './demo-records';
import { generateFans } from './fans';
import { DemoHttpError, notFound } from './http-error';
import { previewDefinition, type DemoPreview } from './preview';
import { generateTenantData } from './tenant-data-generator';
import type { DemoAdsStatus, DemoCampaign, TenantData } from './tenant-data-generator';
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

  /** The tenant's analytics tables. */
  tables(tenantId: string): ReadonlyMap<string, DemoTable> {
    return this.data(tenantId).tables;
  }

  /** The tenant's campaigns, newest first. */
  campaigns(tenantId: string): readonly DemoCampaign[] {
    return this.data(tenantId).campaigns;
  }

  /** Segments whose name or description contains `search` (case-insensitive), most recently modified first. */
  listSegments(tenantId: string, query: { search?: string; page: number; size: number }): Page<DemoSegment> {
    const needle = query.search?.trim().toLowerCase() ?? '';
    const all = [...this.data(tenantId).segments.values()]
      .filter((s) => needle === '' || s.name.toLowerCase().includes(needle) || (s.description ?? '').toLowerCase().includes(needle))
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

