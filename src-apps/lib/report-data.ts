/**
 * Campaign figures as the report view shows them (pure): the tables of a month's report, the series
 * worth a small chart, and one campaign's metrics as a funnel and a list of figures. The data API's
 * columns are not fixed (a tenant's analytics may name them otherwise), so every column is kept and
 * the chart picks what it can draw: one text column for the bars' labels, up to three numeric series.
 */

/** A record of the report. */
export type Row = Record<string, unknown>;

/** One query's rows, with its columns in the order the rows give them. */
export interface Table {
  name: string;
  columns: string[];
  rows: Row[];
}

/** What a bar chart draws: a bar group per category, a bar per series. */
export interface ChartData {
  /** The column the categories come from (null for a single unnamed group, as a funnel). */
  labelColumn: string | null;
  categories: string[];
  series: { key: string; values: number[] }[];
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The report's queries as tables, empty ones left out, in the order the API named them. */
export function reportTables(queries: Record<string, Row[]>): Table[] {
  return Object.entries(queries)
    .filter(([, rows]) => rows.length > 0)
    .map(([name, rows]) => {
      const columns: string[] = [];
      for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
      return { name, columns, rows };
    });
}

/** The chart of a table: its first text column as labels, its first numeric columns (at most `maxSeries`); null when it has neither. */
export function chartOf(table: Table, maxSeries = 3, maxCategories = 12): ChartData | null {
  const labelColumn = table.columns.find((column) => table.rows.every((row) => typeof row[column] === 'string') && !/(^|_)id$/.test(column));
  const numeric = table.columns.filter((column) => table.rows.every((row) => isNumber(row[column]))).slice(0, maxSeries);
  if (labelColumn === undefined || numeric.length === 0) return null;
  const rows = table.rows.slice(0, maxCategories);
  return { labelColumn, categories: rows.map((row) => String(row[labelColumn])), series: numeric.map((key) => ({ key, values: rows.map((row) => row[key] as number) })) };
}

/** The first table of the report that makes a chart. */
export function reportChart(tables: readonly Table[]): { table: Table; chart: ChartData } | null {
  for (const table of tables) {
    const chart = chartOf(table);
    if (chart !== null) return { table, chart };
  }
  return null;
}

/** One campaign's way from recipients to purchases, in that order, as far as the metrics say. */
export const funnelKeys = ['totalRecipients', 'totalSent', 'totalDelivered', 'uniqueOpens', 'uniqueClicks', 'purchases'] as const;

/** The figures that identify the campaign rather than measure it (shown in the heading). */
const identityKeys = new Set(['campaignId', 'campaignName', 'tenantId']);

/** A campaign's metrics: the funnel chart and every other figure, in the order the API sent them. */
export function metricsFigures(metrics: Row): { funnel: ChartData | null; figures: [string, unknown][] } {
  const present = funnelKeys.filter((key) => isNumber(metrics[key]));
  const funnel = present.length === 0 ? null : { labelColumn: null, categories: [...present], series: [{ key: 'value', values: present.map((key) => metrics[key] as number) }] };
  const figures = Object.entries(metrics).filter(([key, value]) => !identityKeys.has(key) && (isNumber(value) || typeof value === 'string'));
  return { funnel, figures };
}

/** True for a figure the API gives as a percentage (0–100): `openRate`, `bounce_rate`. */
export function isRate(key: string): boolean {
  return /rate$/i.test(key);
}

/** `clickToOpenRate` / `campaign_name` → `Click to open rate` / `Campaign name`: a key we have no words for, readably. */
export function readableKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
