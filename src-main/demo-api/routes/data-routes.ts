/**
 * The data API under `/data`, in the real API's shapes: criteria in the
 * `{success, data, timestamp}` envelope, preview bare; a DSL without stanza or criterion ids is refused
 * as the real data API refuses it (`Invalid DSL: stanza 0 missing id`); a definition naming an unknown
 * criterion fails inside a 200 (`success: false`), which clients must still read as a failure.
 * Analytics capabilities are public (no bearer), as upstream's.
 */
import type { Context, Hono } from 'hono';
import { PreviewRequestSchema, type SegmentDefinition } from '../../../src-shared/api';
import { authenticateScoped } from '../demo-context';
import type { DemoContext } from '../demo-context';
import { readJsonBody } from '../request-body';
import { AnalyticsQueryBodySchema, runAnalyticsQuery } from '../analytics';

/** The path prefix of the data API. */
export const dataApiPrefix = '/data';

/** The data API's complaint about missing ids, or null when every stanza and criterion has one (execute and preview share it). */
export function missingIdIssue(definition: SegmentDefinition): string | null {
  for (const [s, stanza] of definition.stanzas.entries()) {
    if (typeof stanza.id !== 'string' || stanza.id === '') return `Invalid DSL: stanza ${s} missing id`;
    for (const [k, criterion] of stanza.criteria.entries()) {
      if (typeof criterion.id !== 'string' || criterion.id === '') return `Invalid DSL: stanza ${s} criterion ${k} missing id`;
    }
  }
  return null;
}

/** Registers the data API routes. */
export function registerDataRoutes(app: Hono, deps: DemoContext): void {
  const envelope = (c: Context, data: unknown) => c.json({ success: true, data, timestamp: deps.now().toISOString() });
  const failure = (c: Context, status: 200 | 400, message: string, detail: string) => c.json({ success: false, message, error: detail, timestamp: deps.now().toISOString() }, status);

  app.get(`${dataApiPrefix}/segmentation/criteria`, async (c) => {
    const caller = await authenticateScoped(c, deps);
    return envelope(c, { criteria: deps.data.criteria(caller.tenantId) });
  });

  app.post(`${dataApiPrefix}/segments/preview`, async (c) => {
    const caller = await authenticateScoped(c, deps);
    const body = await readJsonBody(c, PreviewRequestSchema);
    const missing = missingIdIssue(body.definition);
    if (missing !== null) return failure(c, 400, 'Failed to preview segment', missing);
    const issue = deps.data.definitionIssue(caller.tenantId, body.definition);
    if (issue !== null) return failure(c, 200, 'Failed to preview segment', `definition.${issue.path}: ${issue.message}`);
    return c.json(deps.data.preview(caller.tenantId, body.definition));
  });

  app.get(`${dataApiPrefix}/analytics/schema/:table`, async (c) => {
    const caller = await authenticateScoped(c, deps);
    const table = deps.data.tables(caller.tenantId).get(c.req.param('table'));
    if (table === undefined) return c.json({ success: false, message: 'Table not found', error: `Unknown table: ${c.req.param('table')}` }, 404);
    return envelope(c, { table: table.name, columns: table.columns, column_count: table.columns.length });
  });

  app.post(`${dataApiPrefix}/analytics/query`, async (c) => {
    const caller = await authenticateScoped(c, deps);
    const started = performance.now();
    const query = await readJsonBody(c, AnalyticsQueryBodySchema);
    const dryRun = c.req.query('dryRun') === 'true';
    const result = runAnalyticsQuery(deps.data.tables(caller.tenantId), query);
    const metadata = { totalRows: dryRun ? 0 : result.totalRows, executionTime: Math.round(performance.now() - started), ...(dryRun ? { estimatedBytes: result.totalRows * 256 } : {}) };
    return envelope(c, { data: dryRun ? [] : result.rows, metadata });
  });

  app.get(`${dataApiPrefix}/analytics/capabilities`, async (c) => {
    // Public upstream: a bearer, when sent, picks the tenant; without one the platform's view is served.
    const tenantId = c.req.header('authorization') === undefined ? deps.directory.root.id : (await authenticateScoped(c, deps)).tenantId;
    return envelope(c, deps.data.capabilities(tenantId));
  });
}
