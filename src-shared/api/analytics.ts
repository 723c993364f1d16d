/**
 * The data API's analytics answers (NEVENT-API.md "Data API", test/fixtures/nevent-api/data.analytics.*):
 * read in every shape the evidence shows, after the `{success, data, timestamp}` envelope is unwrapped.
 *
 *   POST /analytics/query          {data: rows, metadata} · {rows, metadata} · rows · {data: null} · {}
 *   GET  /analytics/schema/{table} {table, columns | fields, column_count}
 *   GET  /analytics/capabilities   {tables: [{name, description, timeField, tenantField, fields | columns}]}
 */
import { ApiShapeError } from './common';

/** One row of an analytics answer, as the API sent it. */
export type AnalyticsRow = Record<string, unknown>;

/** An analytics query answer, normalized. */
export interface AnalyticsResult {
  rows: AnalyticsRow[];
  /** `totalRows` / `total_rows` when sent, else the number of rows. */
  totalRows: number;
  executionTimeMs: number | null;
  /** Everything else the metadata carried (e.g. the dry run's `estimatedBytes`), as it came. */
  metadata: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function rowsOf(list: unknown[]): AnalyticsRow[] {
  return list.filter(isRecord);
}

/** Reads an analytics query answer; an empty or null answer is no rows. */
export function normalizeAnalyticsResult(body: unknown): AnalyticsResult {
  let rows: AnalyticsRow[] = [];
  let metadata: Record<string, unknown> = {};
  if (Array.isArray(body)) rows = rowsOf(body);
  else if (isRecord(body)) {
    const list = Array.isArray(body.data) ? body.data : Array.isArray(body.rows) ? body.rows : [];
    rows = rowsOf(list);
    if (isRecord(body.metadata)) metadata = body.metadata;
  } else if (body !== null && body !== undefined) {
    throw new ApiShapeError('data', 'the analytics answer is neither rows nor {data, metadata}');
  }
  const total = metadata.totalRows ?? metadata.total_rows;
  const time = metadata.executionTime ?? metadata.execution_time;
  const { totalRows: _t, total_rows: _tr, executionTime: _e, execution_time: _et, ...rest } = metadata;
  return { rows, totalRows: typeof total === 'number' ? total : rows.length, executionTimeMs: typeof time === 'number' ? time : null, metadata: rest };
}

/** A column of an analytics table. */
export interface AnalyticsColumn {
  name: string;
  type: string | null;
  description: string | null;
}

function columnsOf(list: unknown): AnalyticsColumn[] {
  if (!Array.isArray(list)) return [];
  const out: AnalyticsColumn[] = [];
  for (const entry of list) {
    if (typeof entry === 'string') out.push({ name: entry, type: null, description: null });
    else if (isRecord(entry) && typeof entry.name === 'string') out.push({ name: entry.name, type: typeof entry.type === 'string' ? entry.type : null, description: typeof entry.description === 'string' ? entry.description : null });
  }
  return out;
}

/** Reads `GET /analytics/schema/{table}` (`columns`, or `fields` as some answers name them). */
export function normalizeTableSchema(body: unknown, table: string): { table: string; columns: AnalyticsColumn[] } {
  if (!isRecord(body)) throw new ApiShapeError('columns', 'the table schema is not an object');
  return { table: typeof body.table === 'string' ? body.table : table, columns: columnsOf(body.columns ?? body.fields) };
}

/** A table in the capabilities, summarized for a model (the full answer is ~865 KB upstream). */
export interface AnalyticsTableSummary {
  name: string;
  description: string | null;
  timeField: string | null;
  fieldCount: number;
}

/** Reads the capabilities' tables (`fields` or `columns` per table); unreadable entries are skipped. */
export function capabilityTables(body: unknown): AnalyticsTableSummary[] {
  const tables = isRecord(body) && Array.isArray(body.tables) ? body.tables : [];
  const out: AnalyticsTableSummary[] = [];
  for (const table of tables) {
    if (!isRecord(table) || typeof table.name !== 'string') continue;
    out.push({
      name: table.name,
      description: typeof table.description === 'string' ? table.description : null,
      timeField: typeof table.timeField === 'string' ? table.timeField : null,
      fieldCount: columnsOf(table.fields ?? table.columns).length,
    });
  }
  return out;
}

/** A table of the capabilities in detail: its summary and its fields (for one table a model asks about). */
export interface AnalyticsTableDetail extends AnalyticsTableSummary {
  tenantField: string | null;
  fields: AnalyticsColumn[];
}

/** One table of the capabilities in detail, or null when the capabilities do not list it. */
export function capabilityTable(body: unknown, name: string): AnalyticsTableDetail | null {
  const tables = isRecord(body) && Array.isArray(body.tables) ? body.tables : [];
  const table = tables.find((t): t is Record<string, unknown> => isRecord(t) && t.name === name);
  if (table === undefined) return null;
  const fields = columnsOf(table.fields ?? table.columns);
  return {
    name,
    description: typeof table.description === 'string' ? table.description : null,
    timeField: typeof table.timeField === 'string' ? table.timeField : null,
    tenantField: typeof table.tenantField === 'string' ? table.tenantField : null,
    fieldCount: fields.length,
    fields,
  };
}

/** The distinct values of one collection's fields (`POST /analytics/filters`). */
export interface FilterValuesResult {
  collection: string | null;
  /** field → its values as sent. */
  values: Record<string, unknown[]>;
}

/**
 * Reads `POST /analytics/filters`: a list of `{collection, results: {field: values}}` (bare or after the
 * envelope), or the `{values}` shape an upstream mock uses (values of no named field: kept under `values`).
 */
export function normalizeFilterValues(body: unknown): FilterValuesResult[] {
  if (Array.isArray(body)) {
    return body.filter(isRecord).map((entry) => ({
      collection: typeof entry.collection === 'string' ? entry.collection : null,
      values: isRecord(entry.results) ? Object.fromEntries(Object.entries(entry.results).map(([field, list]) => [field, Array.isArray(list) ? list : [list]])) : {},
    }));
  }
  if (isRecord(body) && Array.isArray(body.values)) return [{ collection: null, values: { values: body.values } }];
  if (isRecord(body) && isRecord(body.results)) return normalizeFilterValues([body]);
  throw new ApiShapeError('results', 'the filter values are neither a list of {collection, results} nor {values}');
}

/** A monthly campaign report (`POST /analytics/campaign-report`): rows per named query, and the queries that failed. */
export interface CampaignReport {
  queries: Record<string, AnalyticsRow[]>;
  errors: { query: string | null; message: string }[];
}

/** Reads a campaign report: every array-valued key is a query's rows; `errors` lists failed queries. */
export function normalizeCampaignReport(body: unknown): CampaignReport {
  if (!isRecord(body)) throw new ApiShapeError('Q1', 'the campaign report is not an object');
  const queries: Record<string, AnalyticsRow[]> = {};
  for (const [key, value] of Object.entries(body)) if (key !== 'errors' && Array.isArray(value)) queries[key] = rowsOf(value);
  const errors = (Array.isArray(body.errors) ? body.errors : []).map((entry) =>
    isRecord(entry) ? { query: typeof entry.query === 'string' ? entry.query : null, message: typeof entry.message === 'string' ? entry.message : JSON.stringify(entry) } : { query: null, message: String(entry) },
  );
  return { queries, errors };
}
