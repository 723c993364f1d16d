/**
 * The context budget (DESIGN §4: a tool definition averages at most 700 bytes in `tools/list`): what a
 * tool advertises is its full input schema without the noise a model gains nothing from, and a shallow
 * output schema (the answer's top-level fields and their types). The server still checks every answer
 * against the tool's full output schema; a shallow one only relaxes what clients check, never tightens it.
 *
 *   zod schema ─ ~standard.jsonSchema ─> drop $schema, sizes, patterns, ±2^53 bounds, empty additionalProperties ─> input
 *                                   └──> … and keep only top-level properties' types ─────────────────> output
 */
import type { StandardSchemaWithJSON } from '@modelcontextprotocol/server';
import type { z } from 'zod';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Keywords that guard the server, not guide the model: sizes and patterns are checked on every call
 * (and refused with the envelope naming the argument), so advertising them only costs context.
 */
const serverSideKeywords = new Set(['$schema', 'pattern', 'minLength', 'maxLength', 'minItems', 'maxItems', 'propertyNames']);

/** Nesting (properties / items / anyOf steps) beyond which a subschema is cut to its type: deep shapes are explained in `nevent_help`. */
export const maxAdvertisedDepth = 5;

/**
 * A JSON Schema without what costs bytes and tells a model nothing it needs: `serverSideKeywords`,
 * ±2^53 bounds, empty `additionalProperties`, and below `maxAdvertisedDepth` everything but the type.
 */
export function leanJsonSchema(schema: unknown, depth = 0): unknown {
  if (Array.isArray(schema)) return schema.map((entry) => leanJsonSchema(entry, depth));
  if (!isRecord(schema)) return schema;
  if (depth > maxAdvertisedDepth) return schema.type === undefined ? {} : { type: schema.type };
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

/** The top level of an object schema: each property with its type only (what a model reads an answer by). */
export function shallowJsonSchema(schema: unknown): Json {
  const lean = leanJsonSchema(schema);
  if (!isRecord(lean) || !isRecord(lean.properties)) return { type: 'object' };
  const properties = Object.fromEntries(Object.entries(lean.properties).map(([key, value]) => [key, isRecord(value) && value.type !== undefined ? { type: value.type } : {}]));
  return { type: 'object', properties, ...(Array.isArray(lean.required) ? { required: lean.required } : {}) };
}

/**
 * A Standard Schema that validates with `schema` (or accepts anything: the tool handler validates the
 * input itself, after the mode check) and advertises `shape(schema's JSON Schema)`.
 */
export function advertisedSchema(schema: z.ZodObject, options: { shape: (json: unknown) => unknown; validate: boolean }): StandardSchemaWithJSON<Record<string, unknown>> {
  const zod = schema['~standard'];
  return {
    '~standard': {
      version: 1,
      vendor: 'nevent-companion',
      validate: options.validate ? (zod.validate as (value: unknown) => never) : (value: unknown) => ({ value: value as Record<string, unknown> }),
      jsonSchema: {
        input: (o) => options.shape(zod.jsonSchema.input(o)) as Json,
        output: (o) => options.shape(zod.jsonSchema.output(o)) as Json,
      },
    },
  };
}
