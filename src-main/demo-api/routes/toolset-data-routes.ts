/**
 * The data API endpoints of the toolset, in the real shapes: segment execution (enveloped,
 * ids required as for the preview), dimension values (plain strings or `{id, label}`), analytics filter
 * values (a bare list per collection) and the monthly campaign report (query keys and `errors`).
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { SegmentDefinitionSchema } from '../../../src-shared/api';
import { authenticateScoped, type DemoContext } from '../demo-context';
import { readJsonBody } from '../request-body';
import { dataApiPrefix, missingIdIssue } from './data-routes';

const ExecuteBodySchema = z.object({ definition: SegmentDefinitionSchema, page: z.number().int().min(0).default(0), page_size: z.number().int().min(1).max(100).default(20) }).loose();
const DimensionBodySchema = z.object({ criterion_id: z.string().min(1).max(128), search: z.string().max(200).optional() }).loose();
const FiltersBodySchema = z.object({ collection: z.string().min(1).max(128), filters: z.array(z.object({ field: z.string().min(1).max(128), operator: z.string().max(32).optional(), value: z.unknown().optional() }).loose()).max(50) }).loose();
const ReportBodySchema = z.object({ year: z.number().int().min(2000).max(2100), month: z.number().int().min(1).max(12) }).loose();

/** Registers the toolset's data API routes. */
export function registerToolsetDataRoutes(app: Hono, deps: DemoContext): void {
  const envelope = (c: Context, data: unknown) => c.json({ success: true, data, timestamp: deps.now().toISOString() });
  const failure = (c: Context, status: 200 | 400 | 404, message: string, detail: string) => c.json({ success: false, message, error: detail, timestamp: deps.now().toISOString() }, status);

  app.post(`${dataApiPrefix}/segments/execute`, async (c) => {
    const caller = await authenticateScoped(c, deps);
    const body = await readJsonBody(c, ExecuteBodySchema);
    const missing = missingIdIssue(body.definition);
    if (missing !== null) return failure(c, 400, 'Failed to execute segment', missing);
    const issue = deps.data.definitionIssue(caller.tenantId, body.definition);
    if (issue !== null) return failure(c, 200, 'Failed to execute segment', `definition.${issue.path}: ${issue.message}`);
    const fans = deps.data.contacts(caller.tenantId, body.definition);
    const start = body.page * body.page_size;
    const totalPages = Math.ceil(fans.length / body.page_size);
    // Contacts as the real API sends them: optional fields missing where the fan has none.
    const page = fans.slice(start, start + body.page_size).map((fan, i) => ({ fan_id: fan.id, first_name: fan.first_name, last_name: fan.last_name, ...(fan.newsletter_opt_in ? { email: fan.email } : {}), ...(fan.age !== null && (start + i) % 3 === 0 ? { phone: `+34600${fan.id.slice(-5)}` } : {}) }));
    return envelope(c, { total_fans: fans.length, fans: page, current_page: body.page, total_pages: totalPages, has_more: body.page + 1 < totalPages });
  });

  app.post(`${dataApiPrefix}/dimensions/values`, async (c) => {
    const caller = await authenticateScoped(c, deps);
    const body = await readJsonBody(c, DimensionBodySchema);
    const criterion = deps.data.criteria(caller.tenantId).find((k) => k.id === body.criterion_id);
    if (criterion === undefined) return failure(c, 404, 'Dimension not found', `Unknown criterion: ${body.criterion_id}`);
    const needle = body.search?.toLowerCase() ?? '';
    const options = (criterion.options ?? []).filter((o) => needle === '' || o.label.toLowerCase().includes(needle) || o.value.toLowerCase().includes(needle));
    // Plain strings where value and label agree, `{id, label}` entities otherwise (both real shapes).
    return c.json({ values: options.map((o) => (o.label === o.value ? o.value : { id: o.value, label: o.label })) });
  });

  app.post(`${dataApiPrefix}/analytics/filters`, async (c) => {
    const caller = await authenticateScoped(c, deps);
    const body = await readJsonBody(c, FiltersBodySchema);
    const table = deps.data.tables(caller.tenantId).get(body.collection);
    if (table === undefined) return failure(c, 404, 'Table not found', `Unknown table: ${body.collection}`);
    const results: Record<string, unknown[]> = {};
    // No filters (upstream allows `filters: []`): the demo's reading is the values of every text column.
    const asked = body.filters.length > 0 ? body.filters : table.columns.filter((column) => column.type === 'STRING').map((column) => ({ field: column.name, operator: undefined, value: undefined }));
    for (const filter of asked) {
      if (!table.columns.some((column) => column.name === filter.field)) return failure(c, 400, 'Invalid filter', `Unknown field "${filter.field}" in table ${table.name}`);
      const needle = filter.operator === 'contains' && typeof filter.value === 'string' ? filter.value.toLowerCase() : null;
      const values = [...new Set(table.rows.map((row) => row[filter.field]).filter((v) => v !== null && v !== undefined))];
      results[filter.field] = needle === null ? values : values.filter((v) => String(v).toLowerCase().includes(needle));
    }
    return c.json([{ collection: table.name, results }]);
  });

  app.post(`${dataApiPrefix}/analytics/campaign-report`, async (c) => {
    const caller = await authenticateScoped(c, deps);
    const body = await readJsonBody(c, ReportBodySchema);
    const month = `${body.year}-${String(body.month).padStart(2, '0')}`;
    const rows = (deps.data.tables(caller.tenantId).get('campaigns')?.rows ?? []).filter((row) => typeof row.executed_at === 'string' && row.executed_at.startsWith(month));
    const byDay = new Map<string, { sent: number; opens: number; clicks: number }>();
    for (const row of rows) {
      const day = String(row.executed_at).slice(0, 10);
      const total = byDay.get(day) ?? { sent: 0, opens: 0, clicks: 0 };
      byDay.set(day, { sent: total.sent + Number(row.sent), opens: total.opens + Number(row.opens), clicks: total.clicks + Number(row.clicks) });
    }
    return envelope(c, {
      Q1: rows.map((row) => ({ campaign_id: row.campaign_id, campaign_name: row.name, channel: row.channel, sent: row.sent, opens: row.opens, clicks: row.clicks, revenue: row.revenue })),
      Q2: [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, total]) => ({ day, ...total })),
      errors: [],
    });
  });
}

