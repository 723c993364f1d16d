/** Segments and their definitions (DESIGN §3). */
import { z } from 'zod';
import { ObjectIdSchema, TenantIdSchema } from './common';

/** Value types of segmentation criteria. */
export const ValueTypeSchema = z.enum(['ENTITY', 'TEXT', 'NUMBER', 'BOOLEAN', 'DATE']);
/** A criterion value type. */
export type ValueType = z.infer<typeof ValueTypeSchema>;

/** Operators allowed per value type. */
export const operatorsByValueType = {
  ENTITY: ['is', 'is_not', 'is_set', 'is_not_set'],
  TEXT: ['eq', 'neq', 'contains', 'starts_with', 'ends_with'],
  NUMBER: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'],
  BOOLEAN: ['is_true', 'is_false'],
  DATE: ['before', 'after', 'between'],
} as const satisfies Record<ValueType, readonly string[]>;

/** Operators that take no value. */
export const valuelessOperators: readonly string[] = ['is_set', 'is_not_set', 'is_true', 'is_false'];

/** A criterion value: scalar, list (ENTITY is/is_not), or a `[from, to]` pair (DATE between). */
export const CriterionValueSchema = z.union([
  z.string().max(1000),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string().max(1000), z.number()])).max(100),
  z.null(),
]);

/** One condition inside a stanza. */
export const SegmentCriterionSchema = z.object({
  id: z.string().max(64).optional(),
  criterion_id: z.string().min(1).max(128),
  operator: z.string().min(1).max(32),
  value: CriterionValueSchema.optional(),
  modifiers: z.record(z.string(), z.unknown()).optional(),
});
/** One condition. */
export type SegmentCriterion = z.infer<typeof SegmentCriterionSchema>;

/** A stanza: criteria OR-combined. */
export const StanzaSchema = z.object({
  id: z.string().max(64).optional(),
  criteria: z.array(SegmentCriterionSchema).min(1, 'a stanza needs at least one criterion').max(50),
});

/** A definition: stanzas AND-combined. */
export const SegmentDefinitionSchema = z.object({
  stanzas: z.array(StanzaSchema).max(50),
});
/** A segment definition. */
export type SegmentDefinition = z.infer<typeof SegmentDefinitionSchema>;

/** A segment as the API returns it. */
export const SegmentSchema = z.object({
  id: ObjectIdSchema,
  name: z.string(),
  description: z.string().nullable().optional(),
  definition: SegmentDefinitionSchema,
  version: z.number().int().min(0),
  tenantId: TenantIdSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  estimatedFanCount: z.number().int().min(0).optional(),
});
/** A segment. */
export type Segment = z.infer<typeof SegmentSchema>;

/** `POST /segments` body. */
export const SegmentCreateSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(200),
  description: z.string().max(2000).optional(),
  definition: SegmentDefinitionSchema,
});
/** Create-segment input. */
export type SegmentCreate = z.infer<typeof SegmentCreateSchema>;

/** `PUT /segments/{id}` body; `version` is the version the edit started from. */
export const SegmentUpdateSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(200).optional(),
  description: z.string().max(2000).optional(),
  definition: SegmentDefinitionSchema.optional(),
  version: z.number().int().min(0).optional(),
});
/** Update-segment input. */
export type SegmentUpdate = z.infer<typeof SegmentUpdateSchema>;

/** `GET /segments` may answer with an array, `{segments}` or `{content}`. */
export const SegmentListResponseSchema = z.union([
  z.array(SegmentSchema),
  z.object({ segments: z.array(SegmentSchema) }).loose(),
  z.object({ content: z.array(SegmentSchema) }).loose(),
]);

/** Reads any of the three list shapes. */
export function normalizeSegmentList(body: unknown): Segment[] {
  const parsed = SegmentListResponseSchema.parse(body);
  if (Array.isArray(parsed)) return parsed;
  const wrapped = parsed as { segments?: Segment[]; content?: Segment[] };
  return wrapped.segments ?? wrapped.content ?? [];
}
