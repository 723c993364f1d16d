/** The data API under `/data`, answering in the `{success, data, timestamp}` envelope (DESIGN §3). */
import type { Context, Hono } from 'hono';
import { PreviewRequestSchema } from '../../../src-shared/api';
import { authenticateScoped } from '../demo-context';
import type { DemoContext } from '../demo-context';
import { readJsonBody } from '../request-body';

/** The path prefix of the data API. */
export const dataApiPrefix = '/data';

/** Registers the data API routes. */
export function registerDataRoutes(app: Hono, deps: DemoContext): void {
  const envelope = (c: Context, data: unknown) => c.json({ success: true, data, timestamp: deps.now().toISOString() });

  app.get(`${dataApiPrefix}/segmentation/criteria`, async (c) => {
    const caller = await authenticateScoped(c, deps);
    return envelope(c, { criteria: deps.data.criteria(caller.tenantId) });
  });

  app.post(`${dataApiPrefix}/segments/preview`, async (c) => {
    const caller = await authenticateScoped(c, deps);
    const body = await readJsonBody(c, PreviewRequestSchema);
    return envelope(c, deps.data.preview(caller.tenantId, body.definition, 'definition'));
  });

  app.get(`${dataApiPrefix}/analytics/capabilities`, async (c) => {
    const caller = await authenticateScoped(c, deps);
    return envelope(c, deps.data.capabilities(caller.tenantId));
  });
}
