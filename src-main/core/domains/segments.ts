/**
 * The segment domain: the tenant's segments (core API `/segments…`), their criteria catalogue and the
 * preview of a definition (data API). Every request goes out through the call's scope, so a read and
 * the write that follows it are in one tenant whatever another conversation switches meanwhile; inputs
 * are checked before anything is sent; bodies are built field by field and read liberally
 * (src-shared/api/).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { checkSegmentDefinition } from '../../../src-shared/segment-definition-check';
import { foldText } from '../../../src-shared/text-fold';
import {
  changeAuthor,
  normalizeCriteria,
  normalizeSegmentAnswer,
  normalizeSegmentList,
  PreviewSchema,
  SegmentCreateSchema,
  SegmentDefinitionInputSchema,
  SegmentIdSchema,
  segmentRevision,
  SegmentUpdateSchema,
  withDefinitionIds,
  type Criterion,
  type Preview,
  type Segment,
  type SegmentCreate,
  type SegmentCreateBody,
  type SegmentDefinition,
  type SegmentUpdate,
  type SegmentUpdateBody,
} from '../../../src-shared/api';
import type { Scoped } from '../http/api-call';
import { CoreError } from '../common/core-error';
import { parseInput } from '../common/input-check';
import { readApi, segment as pathSegment } from './api-read';
import type { DomainScope } from './domain-scope';

/** Segment list query; `cursor` is opaque, from a previous answer. */
export interface SegmentQuery {
  search?: string;
  limit?: number;
  cursor?: string;
}

/**
 * Options of a segment update. `baseRevision` is the revision (`segmentRevision`) the edit started
 * from; without it the session uses the revision it last read of that segment, if any.
 */
export interface SegmentUpdateOptions {
  baseRevision?: string;
}

/**
 * A segment changed since the edit started (the real API has no optimistic concurrency, so the client
 * compares revisions before writing: docs/real-api.md). Nothing was written; `current` is what is stored now.
 */
export class SegmentConflictError extends CoreError {
  constructor(
    readonly current: Segment,
    readonly baseRevision: string,
  ) {
    super('conflict', `segment "${current.name}" was changed by someone else since you opened it; nothing was saved. Reload it and apply your edit again`, 'segment_id');
    this.name = 'SegmentConflictError';
  }
}

const DEFAULT_SEGMENT_LIMIT = 50;
const MAX_SEGMENT_LIMIT = 200;
/** Built once: a zod schema costs more to build than to run (this one was built on every list call). */
const SegmentLimitSchema = z.number().int().min(1).max(MAX_SEGMENT_LIMIT);

/**
 * `?tenant_id=` as upstream sends it on core segment calls: always the tenant of the call's token, so it
 * can only repeat what the token already says (an API that ignores it loses nothing).
 */
function tenantQuery(scope: DomainScope): { tenant_id?: string } {
  return scope.tenantId === null ? {} : { tenant_id: scope.tenantId };
}

/**
 * Refuses an answer that names another tenant than the call's (isolation; a record without `tenantId`
 * is the token's tenant's) and remembers its revision as the base of later edits.
 */
function ownSegment(scope: DomainScope, segment: Segment): Segment {
  const tenant = scope.tenantId;
  if (tenant !== null && typeof segment.tenantId === 'string' && segment.tenantId !== tenant) throw new CoreError('api_error', `the API answered with a segment of another tenant (${segment.tenantId})`);
  scope.revisions.remember(tenant, segment);
  return segment;
}

function owned(scope: DomainScope, answer: Scoped<Segment>): Scoped<Segment> {
  return { tenantId: answer.tenantId, value: ownSegment(scope, answer.value) };
}

/** `GET /segments/{id}` as it came (not yet checked as the call's own). */
function readSegment(scope: DomainScope, id: string): Promise<Scoped<Segment>> {
  return readApi(scope, { api: 'core', method: 'GET', path: `/segments/${pathSegment(id)}`, query: tenantQuery(scope) }, normalizeSegmentAnswer);
}

/** The tenant's criteria catalogue (data API `GET /segmentation/criteria`), cached per tenant in the session. */
function criteriaOf(scope: DomainScope): Promise<Criterion[]> {
  return scope.cached('criteria', async () => (await readApi(scope, { api: 'data', method: 'GET', path: '/segmentation/criteria' }, normalizeCriteria)).value);
}

/**
 * The one definition check (src-shared/segment-definition-check.ts, as the window's builder and the
 * demo API run it) against this tenant's criteria, before anything is sent. When the catalogue cannot
 * be read, or lists nothing, the API decides alone.
 */
async function checkDefinition(scope: DomainScope, definition: SegmentDefinition): Promise<void> {
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
 * A page of the tenant's segments (`GET /segments?search&page&size`, in any of its list shapes). The real
 * API answers every segment whatever page it is asked for and ignores the search (list-pager.ts pages it
 * then); a cursor is good only in the tenant, listing and search it came from.
 */
export async function listSegments(scope: DomainScope, query: SegmentQuery): Promise<Scoped<{ segments: Segment[]; nextCursor: string | null }>> {
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
      const call = { api: 'core', method: 'GET', path: '/segments', query: { ...tenantQuery(scope), search, page: pageNumber, size: pageSize } } as const;
      return readApi(scope, call, (body) => {
        const { segments, page: said } = normalizeSegmentList(body);
        return { items: segments, total: said.total ?? null, totalPages: said.totalPages ?? null, page: said.number ?? null };
      });
    },
    idOf: (segment) => segment.id,
    keep: matches,
  });
  return { tenantId: page.tenantId, value: { segments: page.value.items.map((s) => ownSegment(scope, s)), nextCursor: page.value.nextCursor } };
}

/** One segment with its definition (`GET /segments/{id}`). */
export async function getSegment(scope: DomainScope, segmentId: string): Promise<Scoped<Segment>> {
  const id = parseInput(SegmentIdSchema, segmentId, 'segment_id');
  return owned(scope, await readSegment(scope, id));
}

/**
 * Checks the definition against the tenant's criteria, then `POST /segments` with exactly the body a
 * usable segment needs (and the token's tenant, as upstream sends it).
 */
export async function createSegment(scope: DomainScope, input: SegmentCreate): Promise<Scoped<Segment>> {
  const create = parseInput(SegmentCreateSchema, input);
  await checkDefinition(scope, create.definition);
  // Upstream creates with status ACTIVE (else a segment may land as a draft) and names its author.
  const body: SegmentCreateBody = {
    name: create.name,
    ...(create.description === undefined ? {} : { description: create.description }),
    definition: withDefinitionIds(create.definition, randomUUID),
    status: 'ACTIVE' as const,
    createdBy: changeAuthor,
  };
  const sent = scope.tenantId === null ? body : { ...body, tenantId: scope.tenantId };
  const answer = await readApi(scope, { api: 'core', method: 'POST', path: '/segments', query: tenantQuery(scope), body: sent }, normalizeSegmentAnswer);
  return scope.announceWrite(owned(scope, answer));
}

/**
 * The real API has no optimistic concurrency (docs/real-api.md): re-read the segment, compare its revision
 * with the one the edit started from, and write (`PUT /segments/{id}`, only the fields that change) only
 * when nothing changed in between. The check, the re-read and the write all go out with the call's one
 * credential, so they belong to one tenant.
 */
export async function updateSegment(scope: DomainScope, segmentId: string, input: SegmentUpdate, options: SegmentUpdateOptions = {}): Promise<Scoped<Segment>> {
  const id = parseInput(SegmentIdSchema, segmentId, 'segment_id');
  const update = parseInput(SegmentUpdateSchema, input);
  if (update.name === undefined && update.description === undefined && update.definition === undefined) {
    throw new CoreError('validation_failed', 'nothing to update: pass a name, a description and/or a definition', 'segment_id');
  }
  if (update.definition !== undefined) await checkDefinition(scope, update.definition);
  const before = await readSegment(scope, id);
  // The base is read before `ownSegment` records the revision just fetched.
  const base = options.baseRevision ?? scope.revisions.get(scope.tenantId, id);
  const current = ownSegment(scope, before.value);
  if (base !== undefined && base !== segmentRevision(current)) throw new SegmentConflictError(current, base);
  const body: SegmentUpdateBody = {
    ...(update.name === undefined ? {} : { name: update.name }),
    ...(update.description === undefined ? {} : { description: update.description }),
    ...(update.definition === undefined ? {} : { definition: withDefinitionIds(update.definition, randomUUID) }),
    modifiedBy: changeAuthor,
    modifiedAt: new Date(scope.now()).toISOString(),
  };
  const answer = await readApi(scope, { api: 'core', method: 'PUT', path: `/segments/${pathSegment(id)}`, query: tenantQuery(scope), body }, normalizeSegmentAnswer);
  return scope.announceWrite(owned(scope, answer));
}

/** How many fans a definition selects, with a sample (data API `POST /segments/preview`; every stanza and criterion carries an id). */
export async function previewSegment(scope: DomainScope, definition: SegmentDefinition): Promise<Scoped<Preview>> {
  const body = parseInput(SegmentDefinitionInputSchema, definition, 'definition');
  return readApi(scope, { api: 'data', method: 'POST', path: '/segments/preview', body: { definition: withDefinitionIds(body, randomUUID) } }, (answer) => PreviewSchema.parse(answer));
}

/** The tenant's segmentation criteria (cached per tenant). */
export async function segmentationCriteria(scope: DomainScope): Promise<Scoped<Criterion[]>> {
  return { tenantId: scope.tenantId ?? '', value: await criteriaOf(scope) };
}
