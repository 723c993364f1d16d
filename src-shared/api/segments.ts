/**
 * Segments and their definitions (NEVENT-API.md "Segments", "Definition DSL").
 *
 * Definitions: `{stanzas: [{id, criteria: [{id, criterion_id, operator, value?, type?, timeframe?,
 * filters?, modifiers?}]}]}` — criteria inside a stanza OR, stanzas AND; no stanzas = every fan. Every
 * object keeps the keys we do not know, so a read-modify-write sends back what it received.
 *
 * Records: `id` or `_id`, `name`, the rest optional (`definition`, `description`, `estimatedCount`,
 * `status`, `createdAt`, `createdBy`, `modifiedAt`, `lastExecutedAt`, `isLegacy`, `tenantId`). There is
 * no `version`: concurrent edits are caught by comparing revisions (`segmentRevision`).
 */
import { firstIssue } from '../zod-issue';
import { z } from 'zod';
import { ApiIdSchema, ApiShapeError, countOrNull, listOf, openEnum, type OpenEnum } from './common';

/** Value types of segmentation criteria the product knows; the criteria endpoint may send others. */
export const knownValueTypes = ['ENTITY', 'TEXT', 'STRING', 'NUMBER', 'CURRENCY', 'BOOLEAN', 'DATE'] as const;
/** A criterion value type as the API sends it. */
export const ValueTypeSchema = openEnum(knownValueTypes);
/** A criterion value type. */
export type ValueType = OpenEnum<(typeof knownValueTypes)[number]>;

/** Limits on definitions we accept as input (tools, the window); what the API sends is read whole. */
export const definitionLimits = { stanzas: 50, criteriaPerStanza: 50, idLength: 128, criterionIdLength: 128, operatorLength: 64 } as const;

/** One condition inside a stanza; unknown keys are kept. */
export const SegmentCriterionSchema = z
  .object({
    id: z.string().optional(),
    criterion_id: z.string().min(1),
    operator: z.string().min(1),
    value: z.unknown().optional(),
    type: z.string().optional(),
    timeframe: z.unknown().optional(),
    filters: z.unknown().optional(),
    modifiers: z.unknown().optional(),
  })
  .loose();
/** One condition. */
export type SegmentCriterion = z.infer<typeof SegmentCriterionSchema>;

/** A stanza: criteria OR-combined; unknown keys are kept. */
export const StanzaSchema = z.object({ id: z.string().optional(), criteria: z.array(SegmentCriterionSchema) }).loose();
/** A stanza. */
export type Stanza = z.infer<typeof StanzaSchema>;

/** A definition as the API sends it: stanzas AND-combined; none means every fan of the tenant. */
export const SegmentDefinitionSchema = z.object({ stanzas: z.array(StanzaSchema) }).loose();
/** A segment definition. */
export type SegmentDefinition = z.infer<typeof SegmentDefinitionSchema>;

/** A definition we accept as input: the same shape within `definitionLimits` (an empty one is valid). */
export const SegmentDefinitionInputSchema = SegmentDefinitionSchema.superRefine((definition, ctx) => {
  const tooLong = (value: string | undefined, max: number): boolean => value !== undefined && value.length > max;
  if (definition.stanzas.length > definitionLimits.stanzas) ctx.addIssue({ code: 'custom', path: ['stanzas'], message: `at most ${definitionLimits.stanzas} stanzas` });
  definition.stanzas.forEach((stanza, s) => {
    if (tooLong(stanza.id, definitionLimits.idLength)) ctx.addIssue({ code: 'custom', path: ['stanzas', s, 'id'], message: `at most ${definitionLimits.idLength} characters` });
    if (stanza.criteria.length === 0) ctx.addIssue({ code: 'custom', path: ['stanzas', s, 'criteria'], message: 'a stanza needs at least one criterion' });
    if (stanza.criteria.length > definitionLimits.criteriaPerStanza) ctx.addIssue({ code: 'custom', path: ['stanzas', s, 'criteria'], message: `at most ${definitionLimits.criteriaPerStanza} criteria per stanza` });
    stanza.criteria.forEach((criterion, c) => {
      const at = ['stanzas', s, 'criteria', c];
      if (tooLong(criterion.id, definitionLimits.idLength)) ctx.addIssue({ code: 'custom', path: [...at, 'id'], message: `at most ${definitionLimits.idLength} characters` });
      if (tooLong(criterion.criterion_id, definitionLimits.criterionIdLength)) ctx.addIssue({ code: 'custom', path: [...at, 'criterion_id'], message: `at most ${definitionLimits.criterionIdLength} characters` });
      if (tooLong(criterion.operator, definitionLimits.operatorLength)) ctx.addIssue({ code: 'custom', path: [...at, 'operator'], message: `at most ${definitionLimits.operatorLength} characters` });
    });
  });
});

/** Segment statuses upstream uses; others pass through. */
export const SegmentStatusSchema = openEnum(['ACTIVE', 'INACTIVE', 'DRAFT']);

/**
 * A segment record from the API. Read leniently: a definition the API sends in a shape we cannot read
 * is kept as it came (`definition` stays unknown data) rather than failing the list.
 */
const SegmentRecordSchema = z
  .object({
    id: ApiIdSchema.optional(),
    _id: ApiIdSchema.optional(),
    name: z.string().nullish(),
    description: z.string().nullish(),
    definition: z.unknown().optional(),
    estimatedCount: z.number().nullish(),
    status: SegmentStatusSchema.nullish(),
    createdAt: z.string().nullish(),
    createdBy: z.unknown().optional(),
    modifiedAt: z.string().nullish(),
    lastExecutedAt: z.string().nullish(),
    isLegacy: z.boolean().nullish(),
    tenantId: ApiIdSchema.nullish(),
  })
  .loose();

/** A segment, normalized: `id` always set, `definition` readable or null, every other field as it came. */
export interface Segment {
  id: string;
  name: string;
  /** The definition when it could be read; null when absent or in a shape we do not know. */
  definition: SegmentDefinition | null;
  description?: string | null;
  estimatedCount?: number | null;
  status?: string | null;
  createdAt?: string | null;
  createdBy?: unknown;
  modifiedAt?: string | null;
  lastExecutedAt?: string | null;
  isLegacy?: boolean | null;
  tenantId?: string | null;
  /** Fields we do not know are kept as the API sent them. */
  [field: string]: unknown;
}

/** Reads one segment record. Throws ApiShapeError when it has no id. */
export function normalizeSegment(raw: unknown, at = '(root)'): Segment {
  const parsed = SegmentRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    const where = issue.path === '' ? at : `${at === '(root)' ? '' : `${at}.`}${issue.path}`;
    throw new ApiShapeError(where, `a segment record cannot be read at ${where}: ${issue.message}`);
  }
  const { _id, id, definition, name, ...rest } = parsed.data;
  const segmentId = id ?? _id;
  if (segmentId === undefined) throw new ApiShapeError(`${at === '(root)' ? '' : `${at}.`}id`, 'a segment record has no id (id or _id)');
  const readable = definition === undefined || definition === null ? null : SegmentDefinitionSchema.safeParse(definition);
  return { ...rest, id: segmentId, name: name ?? segmentId, definition: readable?.success === true ? readable.data : null };
}

/** A segment answer may be the record itself or `{segment}` / `{data}`. */
export function normalizeSegmentAnswer(body: unknown): Segment {
  if (body !== null && typeof body === 'object' && !Array.isArray(body) && !('id' in body) && !('_id' in body)) {
    const inner = (body as { segment?: unknown; data?: unknown }).segment ?? (body as { data?: unknown }).data;
    if (inner !== undefined) return normalizeSegment(inner);
  }
  return normalizeSegment(body);
}

/** Page metadata a list answer may carry (Spring pages, `{segments,total}`). */
export interface ListPageInfo {
  totalPages?: number;
  total?: number;
  /** The page number the answer says it is (Spring `number`, or `page`). */
  number?: number;
}

/** `GET /segments` as an array, `{segments}` or Spring `{content}`, normalized. */
export function normalizeSegmentList(body: unknown): { segments: Segment[]; page: ListPageInfo } {
  const list = listOf(body, ['segments', 'content', 'data', 'items']);
  if (list === null) throw new ApiShapeError('(root)', 'the segment list is neither an array nor a {segments} or {content} page');
  const meta = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const page: ListPageInfo = {};
  // Read liberally: a count that is not a usable whole number is no count at all.
  const totalPages = countOrNull(meta.totalPages);
  if (totalPages !== null) page.totalPages = totalPages;
  const total = countOrNull(meta.totalElements ?? meta.total);
  if (total !== null) page.total = total;
  const number = countOrNull(meta.number ?? meta.page);
  if (number !== null) page.number = number;
  return { segments: list.map((raw, i) => normalizeSegment(raw, `[${i}]`)), page };
}

/** What we write for a new segment (`POST /segments`). Upstream sends status ACTIVE or it may land as a draft. */
export interface SegmentCreateBody {
  name: string;
  description?: string;
  definition: SegmentDefinition;
  status: 'ACTIVE';
  createdBy: string;
}

/** What we write to change a segment (`PUT /segments/{id}`): only the fields that change. */
export interface SegmentUpdateBody {
  name?: string;
  description?: string;
  definition?: SegmentDefinition;
  modifiedBy: string;
  modifiedAt: string;
}

/** Create-segment input (tools, the window). */
export const SegmentCreateSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(200),
  description: z.string().max(2000).optional(),
  definition: SegmentDefinitionInputSchema,
});
/** Create-segment input. */
export type SegmentCreate = z.infer<typeof SegmentCreateSchema>;

/** Update-segment input (tools, the window): only the fields that change. */
export const SegmentUpdateSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(200).optional(),
  description: z.string().max(2000).optional(),
  definition: SegmentDefinitionInputSchema.optional(),
});
/** Update-segment input. */
export type SegmentUpdate = z.infer<typeof SegmentUpdateSchema>;

/** Who we say made a change (`createdBy` / `modifiedBy`). */
export const changeAuthor = 'nevent-companion';

/**
 * The revision of a segment: its `modifiedAt` when the API sends one, else a hash of what an edit can
 * change (name, description, definition). Two reads with the same revision saw the same segment.
 */
export function segmentRevision(segment: Pick<Segment, 'name' | 'description' | 'definition' | 'modifiedAt'>): string {
  if (typeof segment.modifiedAt === 'string' && segment.modifiedAt !== '') return `m:${segment.modifiedAt}`;
  return `h:${fnv1a(stableJson({ name: segment.name, description: segment.description ?? null, definition: segment.definition ?? null }))}`;
}

/** JSON with object keys sorted, so equal content hashes equal whatever the key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** 64-bit FNV-1a as 16 hex digits: a content fingerprint, not a security hash. */
function fnv1a(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * The definition with an id on every stanza and criterion: the data API refuses a DSL without them
 * (`Invalid DSL: stanza 0 missing id`). Given ids are kept; everything else is copied as it came.
 */
export function withDefinitionIds(definition: SegmentDefinition, makeId: () => string): SegmentDefinition {
  const hasId = (value: { id?: string | undefined }): boolean => typeof value.id === 'string' && value.id.trim() !== '';
  return {
    ...definition,
    stanzas: definition.stanzas.map((stanza) => ({
      ...stanza,
      id: hasId(stanza) ? (stanza.id as string) : makeId(),
      criteria: stanza.criteria.map((criterion) => ({ ...criterion, id: hasId(criterion) ? (criterion.id as string) : makeId() })),
    })),
  };
}
