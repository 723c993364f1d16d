/**
 * The data API (`https://data.nevent.es`): segmentation criteria, preview, analytics capabilities
 * (NEVENT-API.md "Data API"). Bodies may come wrapped in `{success, data, timestamp}` or
 * bare (the client unwraps first); every record keeps the fields we do not know.
 */
import { z } from 'zod';
import { ApiShapeError, listOf } from './common';
import { SegmentDefinitionSchema, ValueTypeSchema, type ValueType } from './segments';

/** A choice of an ENTITY criterion, normalized to `{value, label}`. */
export interface CriterionOption {
  value: string;
  label: string;
}

const OptionSchema = z.union([
  z.string(),
  z.number().transform(String),
  z.object({ value: z.union([z.string(), z.number()]).optional(), id: z.union([z.string(), z.number()]).optional(), label: z.string().optional(), name: z.string().optional() }).loose(),
]);

/** A segmentation criterion as `GET /segmentation/criteria` sends it. */
const CriterionRecordSchema = z
  .object({
    id: z.string().min(1),
    type: z.string().nullish(),
    label: z.string().nullish(),
    operators: z.array(z.string()).nullish(),
    valueType: ValueTypeSchema.nullish(),
    value_type: ValueTypeSchema.nullish(),
    options: z.array(OptionSchema).nullish(),
  })
  .loose();

/** A segmentation criterion, normalized: operators as the endpoint lists them (possibly none). */
export interface Criterion {
  id: string;
  type: string | null;
  label: string;
  /** The operators the API lists for this criterion; empty when it lists none. */
  operators: string[];
  /** Null when the API does not say. */
  valueType: ValueType | null;
  options?: CriterionOption[];
}

function optionOf(raw: z.output<typeof OptionSchema>): CriterionOption | null {
  if (typeof raw === 'string') return { value: raw, label: raw };
  const value = raw.value ?? raw.id;
  if (value === undefined) return null;
  return { value: String(value), label: raw.label ?? raw.name ?? String(value) };
}

/** `GET /segmentation/criteria` (`{criteria}` or a bare array), normalized; unreadable records are skipped. */
export function normalizeCriteria(body: unknown): Criterion[] {
  const list = listOf(body, ['criteria', 'data', 'items']);
  if (list === null) throw new ApiShapeError('criteria', 'the criteria answer has no criteria list');
  const out: Criterion[] = [];
  for (const raw of list) {
    // One odd criterion must not take the whole builder down: it is left out, the rest work.
    const parsed = CriterionRecordSchema.safeParse(raw);
    if (!parsed.success) continue;
    const c = parsed.data;
    const criterion: Criterion = { id: c.id, type: c.type ?? null, label: c.label ?? c.id, operators: c.operators ?? [], valueType: c.valueType ?? c.value_type ?? null };
    if (c.options) criterion.options = c.options.map(optionOf).filter((o): o is CriterionOption => o !== null);
    out.push(criterion);
  }
  return out;
}

/** `POST /segments/preview` body (data API). */
export const PreviewRequestSchema = z.object({ definition: SegmentDefinitionSchema });

/** A sample fan in a preview: `fan_id`, names and email optional; everything else kept. */
export const SampleFanSchema = z
  .object({
    fan_id: z.union([z.string(), z.number()]).transform(String).optional(),
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    email: z.string().nullish(),
  })
  .loose();
/** A sample fan. */
export type SampleFan = z.output<typeof SampleFanSchema>;

/**
 * A preview in camelCase (`{estimatedCount, sample}`, as an upstream test mocks it) read as the
 * documented names; the snake_case fields win when both come, and nothing is removed.
 */
function previewAlternatives(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const answer = body as Record<string, unknown>;
  const out = { ...answer };
  if (out.estimated_fan_count === undefined && answer.estimatedCount !== undefined) out.estimated_fan_count = answer.estimatedCount;
  if (out.sample_fans === undefined && answer.sample !== undefined) out.sample_fans = answer.sample;
  return out;
}

/** Preview result. */
export const PreviewSchema = z.preprocess(
  previewAlternatives,
  z
    .object({
      estimated_fan_count: z.number().int().min(0),
      sample_fans: z.array(SampleFanSchema).default([]),
    })
    .loose(),
);
/** Preview result. */
export type Preview = z.output<typeof PreviewSchema>;

/** Analytics capabilities: a large open object (~865 KB upstream); the tools summarize it. */
export const CapabilitiesSchema = z.object({}).loose();
/** Analytics capabilities. */
export type Capabilities = z.infer<typeof CapabilitiesSchema>;
