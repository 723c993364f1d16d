/**
 * The core's tenant-scoped operations (segments, the campaign list, analytics capabilities, paid-media
 * status), written against a call's scope (tenant-scope.ts): every request goes out with the credential
 * the call pinned when it started, so a read and the write that follows it are always in one tenant,
 * whatever another conversation switches meanwhile. Inputs are checked before anything is sent.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { checkSegmentDefinition } from '../../src-shared/segment-definition-check';
import { foldText } from '../../src-shared/text-fold';
import { firstIssue } from '../../src-shared/zod-issue';
import {
  changeAuthor,
  PaidMediaProviderSchema,
  SegmentCreateSchema,
  SegmentDefinitionInputSchema,
  SegmentIdSchema,
  segmentRevision,
  SegmentUpdateSchema,
  withDefinitionIds,
  type Capabilities,
  type Criterion,
  type PaidAdsStatus,
  type PaidMediaProvider,
  type Preview,
  type Segment,
  type SegmentCreate,
  type SegmentDefinition,
  type SegmentUpdate,
  type SegmentUpdateBody,
} from '../../src-shared/api';
import { campaignCollection, campaignColumns, campaignCountFrom, campaignCountQuery, campaignListQuery, campaignsFromRows, type CampaignColumns, type CampaignListQuery } from './campaign-list';
import { tenantOf, type Credential } from './credential';
import { SegmentConflictError, type CampaignList, type Scoped, type SegmentQuery, type SegmentUpdateOptions } from './tenant-session';
import { CoreError } from './core-error';
import type { TenantScope } from './tenant-scope';

const DEFAULT_SEGMENT_LIMIT = 50;
const MAX_SEGMENT_LIMIT = 200;
/** Built once: a zod schema costs more to build than to run (this one was built on every list call). */
const SegmentLimitSchema = z.number().int().min(1).max(MAX_SEGMENT_LIMIT);

/** An input that fails its schema, as the core reports it (`validation_failed`, naming the field). */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, param?: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = firstIssue(parsed.error);
  throw new CoreError('validation_failed', issue.message, issue.path === '' ? param : issue.path);
}

/**
 * Refuses an answer that names another tenant than the credential that asked (isolation; a record
 * without `tenantId` is the token's tenant's) and remembers its revision as the base of later edits.
 */
function ownSegment(scope: TenantScope, segment: Segment, credential: Credential): Segment {
  const tenant = tenantOf(credential);
  if (tenant !== null && typeof segment.tenantId === 'string' && segment.tenantId !== tenant) throw new CoreError('api_error', `the API answered with a segment of another tenant (${segment.tenantId})`);
  scope.revisions.remember(tenant, segment);
  return segment;
}

/** The tenant's criteria catalogue, cached per tenant in the session. */
function criteriaOf(scope: TenantScope): Promise<Criterion[]> {
  return scope.cache.criteria ?? scope.cache.fill('criteria', scope.data.segmentationCriteria().then((a) => a.value));
}

/**
 * The one definition check (src-shared/segment-definition-check.ts, as the window's builder and the
 * demo API run it) against this tenant's criteria, before anything is sent. When the catalogue cannot
 * be read, or lists nothing, the API decides alone.
 */
async function checkDefinition(scope: TenantScope, definition: SegmentDefinition): Promise<void> {
  let criteria: Criterion[];
  try {
    criteria = await criteriaOf(scope);
  } catch {
    return;
  }
  if (criteria.length === 0) return;
  const [issue] = checkSegmentDefinition(definition, criteria);
  if (issue !== undefined) throw new CoreError('validation_failed', `Invalid segment definition: definition.${issue.path}: ${issue.message}`, `definition.${issue.path}`);
}

/**
 * A page of the tenant's segments. The real API answers every segment whatever page it is asked for
 * (list-pager.ts pages it then); a cursor is good only in the tenant, listing and search it came from.
 */
export async function listSegments(scope: TenantScope, query: SegmentQuery): Promise<Scoped<{ segments: Segment[]; nextCursor: string | null }>> {
  const size = query.limit === undefined ? DEFAULT_SEGMENT_LIMIT : parseInput(SegmentLimitSchema, query.limit, 'limit');
  const search = query.search?.trim() || undefined;
  // Case and accents aside, as every search of the app (src-shared/text-fold.ts): `malaga` finds `Málaga`.
  const needle = search === undefined ? undefined : foldText(search);
  // Filtered here too: an API that ignores `search` must not widen the answer (the pager then pages the matches).
  const matches = (s: Segment): boolean => needle === undefined || foldText(s.name).includes(needle) || foldText(s.description ?? '').includes(needle);
  const page = await scope.pagedList({
    listing: 'segments',
    query: search ?? '',
    size,
    position: { cursor: query.cursor },
    paging: 'api',
    maxPageSize: MAX_SEGMENT_LIMIT,
    fetch: async (pageNumber, pageSize) => {
      const answer = await scope.data.listSegments({ page: pageNumber, size: pageSize, ...(search === undefined ? {} : { search }) });
      return scope.scoped(answer, answer.value);
    },
    idOf: (segment) => segment.id,
    keep: matches,
  });
  return { tenantId: page.tenantId, value: { segments: page.value.items.map((s) => ownSegment(scope, s, scope.credential)), nextCursor: page.value.nextCursor } };
}

/** One segment with its definition. */
export async function getSegment(scope: TenantScope, segmentId: string): Promise<Scoped<Segment>> {
  const id = parseInput(SegmentIdSchema, segmentId, 'segment_id');
  const answer = await scope.data.getSegment(id);
  return scope.scoped(answer, ownSegment(scope, answer.value, answer.credential));
}

/** Checks the definition against the tenant's criteria, then creates the segment (status ACTIVE). */
export async function createSegment(scope: TenantScope, input: SegmentCreate): Promise<Scoped<Segment>> {
  const create = parseInput(SegmentCreateSchema, input);
  await checkDefinition(scope, create.definition);
  // Upstream creates with status ACTIVE (else a segment may land as a draft) and names its author.
  const body = {
    name: create.name,
    ...(create.description === undefined ? {} : { description: create.description }),
    definition: withDefinitionIds(create.definition, randomUUID),
    status: 'ACTIVE' as const,
    createdBy: changeAuthor,
  };
  const answer = await scope.data.createSegment(body);
  return scope.announceWrite(scope.scoped(answer, ownSegment(scope, answer.value, answer.credential)));
}

/**
 * The real API has no optimistic concurrency (docs/real-api.md): re-read the segment, compare its revision
 * with the one the edit started from, and write only when nothing changed in between. The check, the
 * re-read and the write all go out with the call's one credential, so they belong to one tenant.
 */
export async function updateSegment(scope: TenantScope, segmentId: string, input: SegmentUpdate, options: SegmentUpdateOptions = {}): Promise<Scoped<Segment>> {
  const id = parseInput(SegmentIdSchema, segmentId, 'segment_id');
  const update = parseInput(SegmentUpdateSchema, input);
  if (update.name === undefined && update.description === undefined && update.definition === undefined) {
    throw new CoreError('validation_failed', 'nothing to update: pass a name, a description and/or a definition', 'segment_id');
  }
  if (update.definition !== undefined) await checkDefinition(scope, update.definition);
  const before = await scope.data.getSegment(id);
  // The base is read before `ownSegment` records the revision just fetched.
  const base = options.baseRevision ?? scope.revisions.get(tenantOf(before.credential), id);
  const current = ownSegment(scope, before.value, before.credential);
  if (base !== undefined && base !== segmentRevision(current)) throw new SegmentConflictError(current, base);
  const body: SegmentUpdateBody = {
    ...(update.name === undefined ? {} : { name: update.name }),
    ...(update.description === undefined ? {} : { description: update.description }),
    ...(update.definition === undefined ? {} : { definition: withDefinitionIds(update.definition, randomUUID) }),
    modifiedBy: changeAuthor,
    modifiedAt: new Date(scope.clock.now()).toISOString(),
  };
  const answer = await scope.data.updateSegment(id, body);
  return scope.announceWrite(scope.scoped(answer, ownSegment(scope, answer.value, answer.credential)));
}

/** How many fans a definition selects, with a sample. */
export async function previewSegment(scope: TenantScope, definition: SegmentDefinition): Promise<Scoped<Preview>> {
  const body = parseInput(SegmentDefinitionInputSchema, definition, 'definition');
  const answer = await scope.data.previewSegment(withDefinitionIds(body, randomUUID));
  return scope.scoped(answer, answer.value);
}

/** The tenant's segmentation criteria (cached per tenant). */
export async function segmentationCriteria(scope: TenantScope): Promise<Scoped<Criterion[]>> {
  return { tenantId: scope.tenantId ?? '', value: await criteriaOf(scope) };
}

/**
 * Campaigns from the data API's analytics collection (the only HTTP source: see campaign-list.ts).
 * `not_available` when this tenant's analytics has no campaigns table with an id column.
 */
export async function listCampaigns(scope: TenantScope, query: CampaignListQuery): Promise<Scoped<CampaignList>> {
  const columns = await (scope.cache.campaignColumns ?? scope.cache.fill('campaignColumns', campaignColumnsOf(scope)));
  if (columns === null) {
    throw new CoreError(
      'not_available',
      'This Nevent tenant offers no campaign list over its API (no "campaigns" analytics table). Ask for a campaign by id with nevent_get_campaign_metrics, or for a month with nevent_campaign_report.',
    );
  }
  // One row more than asked says whether more exist; the count says how many (when the API can count).
  const { body, ignored } = campaignListQuery(columns, { ...query, limit: query.limit + 1 });
  const countBody = campaignCountQuery(columns, query);
  const [answer, total] = await Promise.all([
    scope.data.analyticsQuery(body, {}),
    countBody === null ? null : scope.data.analyticsQuery(countBody, {}).then((counted) => campaignCountFrom(counted.value.rows), () => null),
  ]);
  const campaigns = campaignsFromRows(answer.value.rows, columns);
  return scope.scoped(answer, { campaigns: campaigns.slice(0, query.limit), ignoredFilters: ignored, hasMore: campaigns.length > query.limit, total });
}

async function campaignColumnsOf(scope: TenantScope): Promise<CampaignColumns | null> {
  try {
    return campaignColumns((await scope.data.analyticsTableSchema(campaignCollection)).value.columns);
  } catch (error) {
    // No such table here: a fact about the tenant (cached), not a failure.
    if (error instanceof CoreError && (error.code === 'not_found' || error.code === 'tenant_not_found')) return null;
    throw error;
  }
}

/** The analytics capabilities (large; cached per tenant). */
export async function analyticsCapabilities(scope: TenantScope): Promise<Scoped<Capabilities>> {
  const capabilities = await (scope.cache.capabilities ?? scope.cache.fill('capabilities', scope.data.analyticsCapabilities().then((a) => a.value)));
  return { tenantId: scope.tenantId ?? '', value: capabilities };
}

/** Whether the tenant's account at `provider` is connected. */
export async function paidAdsStatus(scope: TenantScope, provider: PaidMediaProvider): Promise<Scoped<PaidAdsStatus>> {
  const which = parseInput(PaidMediaProviderSchema, provider, 'provider');
  const answer = await scope.paidMedia.status(which);
  return scope.scoped(answer, answer.value);
}
