/**
 * The demo data API's analytics: a few tables per tenant (built from the tenant's demo data) and a
 * small query engine with the request shape of `POST /analytics/query` (NEVENT-API.md, upstream's
 * schema): `collection`, `dimensions`, `metrics`, `filters`, `timeRange`, `sort`, `limit`.
 *
 *   rows ─ timeRange ─ filters ─┬─ metrics? group by dimensions, aggregate ─┐
 *                               └─ no metrics: select dimensions ──────────┴─ sort ─ limit
 *
 * Answers come in the production envelope `{data: {data: rows, metadata: {totalRows, executionTime}}}`.
 */
import { z } from 'zod';
import { badRequest, DemoHttpError } from './http-error';

/** A column of a demo table. */
export interface DemoColumn {
  name: string;
  type: 'STRING' | 'NUMBER' | 'CURRENCY' | 'BOOLEAN' | 'TIMESTAMP' | 'DATE';
  description?: string;
}

/** A table: its description, columns and rows. */
export interface DemoTable {
  name: string;
  description: string;
  timeField: string;
  columns: DemoColumn[];
  rows: Record<string, string | number | boolean | null>[];
}

const FieldSchema = z.string().min(1).max(128);
/** `POST /analytics/query` body, read as the real data API's (unknown keys tolerated). */
export const AnalyticsQueryBodySchema = z
  .object({
    collection: FieldSchema,
    dimensions: z.array(z.object({ field: FieldSchema, alias: z.string().max(128).optional() }).loose()).max(50).optional(),
    metrics: z.array(z.object({ field: FieldSchema, operation: z.string().max(32), alias: z.string().max(128).optional() }).loose()).max(50).optional(),
    filters: z.array(z.object({ field: FieldSchema, operator: z.string().max(32), value: z.unknown() }).loose()).max(50).optional(),
    timeRange: z.object({ start: z.string(), end: z.string() }).loose().optional(),
    sort: z.union([z.object({ field: FieldSchema, order: z.enum(['asc', 'desc']) }), z.array(z.object({ field: FieldSchema, order: z.enum(['asc', 'desc']) })).min(1)]).optional(),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .loose();
/** A query. */
export type AnalyticsQueryBody = z.infer<typeof AnalyticsQueryBodySchema>;

type Row = Record<string, string | number | boolean | null>;

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''));
}

function filterHolds(value: unknown, operator: string, expected: unknown): boolean {
  switch (operator) {
    case 'eq':
      return value === expected;
    case 'neq':
      return value !== expected;
    case 'gt':
      return compare(value, expected) > 0;
    case 'gte':
      return compare(value, expected) >= 0;
    case 'lt':
      return compare(value, expected) < 0;
    case 'lte':
      return compare(value, expected) <= 0;
    case 'in':
      return Array.isArray(expected) && expected.includes(value);
    case 'nin':
    case 'not_in':
      return Array.isArray(expected) && !expected.includes(value);
    case 'contains':
      return typeof value === 'string' && typeof expected === 'string' && value.toLowerCase().includes(expected.toLowerCase());
    case 'is_null':
      return value === null;
    case 'is_not_null':
      return value !== null;
    default:
      throw badRequest(`Unsupported filter operator "${operator}"`);
  }
}

function aggregate(rows: Row[], field: string, operation: string): number {
  const values = rows.map((r) => r[field]).filter((v): v is number => typeof v === 'number');
  switch (operation) {
    case 'count':
      return rows.length;
    case 'count_distinct':
      return new Set(rows.map((r) => r[field])).size;
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'avg':
      return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
    case 'min':
      return values.length === 0 ? 0 : Math.min(...values);
    case 'max':
      return values.length === 0 ? 0 : Math.max(...values);
    default:
      throw badRequest(`Unsupported metric operation "${operation}"`);
  }
}

/** Runs a query over the tenant's tables; 404 (data-API shape) for an unknown table, 400 for an unknown field. */
export function runAnalyticsQuery(tables: ReadonlyMap<string, DemoTable>, query: AnalyticsQueryBody): { rows: Row[]; totalRows: number } {
  const table = tables.get(query.collection);
  if (table === undefined) throw new DemoHttpError(404, 'not_found', `Unknown table: ${query.collection}`);
  const known = new Set(table.columns.map((c) => c.name));
  const check = (field: string): string => {
    if (!known.has(field) && field !== '*') throw badRequest(`Unknown field "${field}" in table ${table.name}`);
    return field;
  };
  let rows = table.rows;
  if (query.timeRange !== undefined) {
    const { start, end } = query.timeRange;
    rows = rows.filter((r) => String(r[table.timeField] ?? '') >= start && String(r[table.timeField] ?? '').slice(0, end.length) <= end);
  }
  for (const filter of query.filters ?? []) rows = rows.filter((r) => filterHolds(r[check(filter.field)], filter.operator, filter.value));
  const dimensions = (query.dimensions ?? []).map((d) => ({ field: check(d.field), as: d.alias ?? d.field }));
  const metrics = (query.metrics ?? []).map((m) => ({ field: check(m.field), operation: m.operation, as: m.alias ?? `${m.operation}_${m.field}` }));
  let out: Row[];
  if (metrics.length === 0) {
    out = rows.map((r) => Object.fromEntries(dimensions.map((d) => [d.as, r[d.field] ?? null])));
  } else {
    const groups = new Map<string, Row[]>();
    for (const r of rows) {
      const key = JSON.stringify(dimensions.map((d) => r[d.field] ?? null));
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [r]);
      else group.push(r);
    }
    out = [...groups.values()].map((group) => ({
      ...Object.fromEntries(dimensions.map((d) => [d.as, group[0]?.[d.field] ?? null])),
      ...Object.fromEntries(metrics.map((m) => [m.as, aggregate(group, m.field, m.operation)])),
    }));
  }
  const sorts = query.sort === undefined ? [] : Array.isArray(query.sort) ? query.sort : [query.sort];
  for (const sort of [...sorts].reverse()) {
    const alias = dimensions.find((d) => d.field === sort.field)?.as ?? metrics.find((m) => m.field === sort.field || m.as === sort.field)?.as ?? sort.field;
    out = [...out].sort((a, b) => (sort.order === 'asc' ? 1 : -1) * compare(a[alias], b[alias]));
  }
  return { rows: out.slice(0, query.limit), totalRows: out.length };
}
