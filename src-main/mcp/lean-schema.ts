/**
 * The context budget (a tool definition averages at most 700 bytes in `tools/list`: docs/toolsets.md): what a
 * tool advertises is its input schema without the noise a model gains nothing from, its annotations
 * without hints the MCP spec calls meaningless, and no output schema. The server still checks every
 * input and every answer against the tool's full zod schemas; what is left out only relaxes what a
 * client could check, never tightens it.
 *
 *   zod input ─ ~standard.jsonSchema ─> drop $schema, sizes, patterns, ±2^53 bounds, empty additionalProperties,
 *                                       cut inputs marked advertisedInBrief (and anything deeper than
 *                                       maxAdvertisedDepth) to their type and description ─────────────> inputSchema
 *   zod output ─ checked on every answer in server.ts, not advertised (the answer's JSON text names its fields)
 */
import type { StandardSchemaWithJSON, ToolAnnotations } from '@modelcontextprotocol/server';
import type { z } from 'zod';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Keywords that guard the server, not guide the model: sizes and patterns are checked on every call
 * (and refused with the envelope naming the argument), so advertising them only costs context.
 */
const serverSideKeywords = new Set(['$schema', 'pattern', 'minLength', 'maxLength', 'minItems', 'maxItems', 'propertyNames']);

/** A tool definition averages at most this many bytes (UTF-8 JSON) in `tools/list` with the full toolset. */
export const toolDefinitionBudgetBytes = 700;

/** Nesting (properties / items / anyOf steps) beyond which a subschema is cut to its type: deep shapes are explained in `nevent_help`. */
export const maxAdvertisedDepth = 5;

/** The JSON Schema keyword (zod `.meta`) that marks an input advertised in brief; see `advertisedInBrief`. */
const inBriefKeyword = 'x-nevent-in-brief';

/**
 * Marks a rarely used input whose shape `tools/list` leaves out: it is advertised with its type and
 * description only (which should name where the shape is explained, a `nevent_help` topic) and still
 * checked in full on every call. Call it last, after `.optional()` and `.describe()`.
 */
export function advertisedInBrief<T extends z.ZodType>(schema: T): T {
  return schema.meta({ [inBriefKeyword]: true }) as T;
}

/**
 * A JSON Schema without what costs bytes and tells a model nothing it needs: `serverSideKeywords`,
 * ±2^53 bounds, empty `additionalProperties`, and below `maxAdvertisedDepth` everything but the type.
 */
export function leanJsonSchema(schema: unknown, depth = 0): unknown {
  if (Array.isArray(schema)) return schema.map((entry) => leanJsonSchema(entry, depth));
  if (!isRecord(schema)) return schema;
  if (depth > maxAdvertisedDepth) return schema.type === undefined ? {} : { type: schema.type };
  if (schema[inBriefKeyword] === true) return { ...(schema.description === undefined ? {} : { description: schema.description }), ...(schema.type === undefined ? {} : { type: schema.type }) };
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (serverSideKeywords.has(key)) continue;
    if (key === 'minimum' && value === Number.MIN_SAFE_INTEGER) continue;
    if (key === 'maximum' && value === Number.MAX_SAFE_INTEGER) continue;
    if (key === 'additionalProperties' && (value === false || (isRecord(value) && Object.keys(value).length === 0))) continue;
    if (key === 'properties' && isRecord(value)) out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, leanJsonSchema(sub, depth + 1)]));
    else if (key === 'items' || key === 'anyOf' || key === 'oneOf') out[key] = leanJsonSchema(value, depth + 1);
    else out[key] = leanJsonSchema(value, depth);
  }
  return out;
}

/**
 * A Standard Schema that accepts every value (the tool handler validates the input itself, after the
 * mode check, so a refusal uses the envelope) and advertises the lean JSON Schema of `schema`.
 */
export function advertisedInput(schema: z.ZodObject): StandardSchemaWithJSON<Record<string, unknown>> {
  const zod = schema['~standard'];
  return {
    '~standard': {
      version: 1,
      vendor: 'nevent-companion',
      validate: (value: unknown) => ({ value: value as Record<string, unknown> }),
      jsonSchema: {
        input: (o) => leanJsonSchema(zod.jsonSchema.input(o)) as Json,
        output: (o) => leanJsonSchema(zod.jsonSchema.output(o)) as Json,
      },
    },
  };
}

/**
 * A tool's annotations as advertised: `idempotentHint` only where it means something (the MCP spec: only
 * when `readOnlyHint` is false; a read is idempotent by nature). Every other hint is kept as written.
 */
export function leanAnnotations(annotations: ToolAnnotations): ToolAnnotations {
  if (annotations.readOnlyHint !== true || annotations.idempotentHint === undefined) return annotations;
  const kept = { ...annotations };
  delete kept.idempotentHint;
  return kept;
}
