/**
 * Making API records cheaper for a model to read (context budget): fields that say nothing
 * (null, empty lists, empty objects) are dropped; every field with a value is kept as sent.
 */
import type { ApiObject } from '../../../src-shared/api';

/** The record without its null, empty-list and empty-object fields (one level deep). */
export function compact<T extends ApiObject>(record: T): T {
  const out: ApiObject = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue;
    out[key] = value;
  }
  return out as T;
}

/** Adds up the numeric field `key` over rows (null when no row has a number there). */
export function sumOf(rows: readonly ApiObject[], key: string): number | null {
  let total: number | null = null;
  for (const row of rows) {
    const value = row[key];
    if (typeof value === 'number' && Number.isFinite(value)) total = (total ?? 0) + value;
  }
  return total === null ? null : Math.round(total * 100) / 100;
}

/** Counts rows by the string value of `key` (missing → "unknown"). */
export function countBy(rows: readonly ApiObject[], key: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of rows) {
    const value = row[key];
    const name = typeof value === 'string' && value !== '' ? value : 'unknown';
    out[name] = (out[name] ?? 0) + 1;
  }
  return out;
}
