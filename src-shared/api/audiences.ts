/**
 * Audience answers of the data API (test/fixtures/nevent-api/data.segments.execute.json,
 * data.dimensions.values.json), read after the `{success, data}` envelope is unwrapped:
 *
 *   POST /segments/execute   {total_fans, fans, current_page, total_pages, has_more} · {contacts, total, page}
 *   POST /dimensions/values  {values: [string | {id, label}]}
 */
import { ApiShapeError, countOrNull } from './common';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const count = countOrNull;

/** A contact of a segment as the API sent it (personal data: name, email, phone…); `fan_id` is always there. */
export type SegmentContact = Record<string, unknown> & { fan_id: string };

/** One page of a segment's contacts. */
export interface SegmentExecution {
  totalFans: number;
  fans: SegmentContact[];
  currentPage: number;
  totalPages: number | null;
  hasMore: boolean;
}

/** Reads `POST /segments/execute`; contacts without an id (`fan_id`, `id`, `_id`) are skipped. */
export function normalizeSegmentExecution(body: unknown, asked: { page: number; pageSize: number }): SegmentExecution {
  if (!isRecord(body)) throw new ApiShapeError('fans', 'the segment execution is not an object');
  const list = Array.isArray(body.fans) ? body.fans : Array.isArray(body.contacts) ? body.contacts : null;
  if (list === null) throw new ApiShapeError('fans', 'the segment execution has no fans list');
  const fans: SegmentContact[] = [];
  for (const entry of list) {
    if (!isRecord(entry)) continue;
    const id = entry.fan_id ?? entry.id ?? entry._id;
    if (typeof id !== 'string' && typeof id !== 'number') continue;
    fans.push({ ...entry, fan_id: String(id) });
  }
  const totalFans = count(body.total_fans ?? body.total) ?? fans.length;
  const currentPage = count(body.current_page ?? body.page) ?? asked.page;
  const totalPages = count(body.total_pages) ?? (asked.pageSize > 0 ? Math.ceil(totalFans / asked.pageSize) : null);
  const hasMore = typeof body.has_more === 'boolean' ? body.has_more : totalPages !== null && currentPage + 1 < totalPages;
  return { totalFans, fans, currentPage, totalPages, hasMore };
}

/** A value of a segmentation dimension: the value to put in a definition, and a label to show. */
export interface DimensionValue {
  value: string;
  label: string;
}

/** Reads `POST /dimensions/values`: plain strings, or `{id, label}` (also `value`/`name`); others are skipped. */
export function normalizeDimensionValues(body: unknown): DimensionValue[] {
  const list = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body.values) ? body.values : null;
  if (list === null) throw new ApiShapeError('values', 'the dimension values have no values list');
  const out: DimensionValue[] = [];
  for (const entry of list) {
    if (typeof entry === 'string' || typeof entry === 'number') out.push({ value: String(entry), label: String(entry) });
    else if (isRecord(entry)) {
      const value = entry.id ?? entry.value ?? entry._id;
      if (typeof value !== 'string' && typeof value !== 'number') continue;
      const label = entry.label ?? entry.name;
      out.push({ value: String(value), label: typeof label === 'string' ? label : String(value) });
    }
  }
  return out;
}
