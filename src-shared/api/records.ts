/**
 * Reading the plain records of the toolset's domains (templates, short URLs, paid media): a record is a
 * JSON object whose every field is kept as sent; where the code needs an id it reads `id`, else `_id`
 * (an integer id becomes its decimal string). Lists come bare or wrapped (`listOf`).
 */
import { ApiIdSchema, ApiShapeError, listOf } from './common';

/** A JSON object as the API sent it. */
export type ApiObject = Record<string, unknown>;

/** A record the code addresses by id: every field as sent, `id` always a string. */
export type ApiRecord = ApiObject & { id: string };

/** True for a JSON object (not an array, not null). */
export function isApiObject(value: unknown): value is ApiObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The object itself, or the one it wraps under the first of `keys` that holds an object. */
export function unwrapObject(body: unknown, keys: readonly string[]): unknown {
  if (!isApiObject(body)) return body;
  for (const key of keys) {
    const inner = body[key];
    if (isApiObject(inner)) return inner;
  }
  return body;
}

/** Requires a JSON object at `path` (ApiShapeError naming it otherwise). */
export function objectAt(value: unknown, path: string, what: string): ApiObject {
  if (!isApiObject(value)) throw new ApiShapeError(path, `${what} is not a JSON object`);
  return value;
}

/** A record with its id read from `id` or `_id`; every other field kept. */
export function recordWithId(value: unknown, path: string, what: string): ApiRecord {
  const raw = objectAt(value, path, what);
  const id = ApiIdSchema.safeParse(raw.id ?? raw._id);
  if (!id.success) throw new ApiShapeError(path === '(root)' ? 'id' : `${path}.id`, `${what} has no id (neither id nor _id)`);
  return { ...raw, id: id.data };
}

/** A list that may come bare or wrapped under one of `keys`; ApiShapeError when it is neither. */
export function listAt(body: unknown, keys: readonly string[], what: string): unknown[] {
  const list = listOf(body, keys);
  if (list === null) throw new ApiShapeError('(root)', `${what} is neither a list nor wrapped in ${keys.map((k) => `{${k}}`).join(', ')}`);
  return list;
}

/** A finite number, or null for anything else (the API's nullable counters). */
export function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
