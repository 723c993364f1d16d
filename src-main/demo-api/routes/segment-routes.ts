/**
 * Segments of the token's tenant (DESIGN §3): list (search + page, in the configured shape), get,
 * create, update with optimistic concurrency.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { ObjectIdSchema, SegmentCreateSchema, SegmentUpdateSchema } from '../../../src-shared/api';
import { missingCaseError } from '../../../src-shared/errors';
import { authenticateScoped } from '../demo-context';
import type { DemoContext } from '../demo-context';
import { parseOrThrow, readJsonBody } from '../request-body';

/** `GET /segments` query. */
const SegmentQuerySchema = z.object({
  search: z.string().max(200).optional(),
  page: z.coerce.number().int().min(0).max(1_000_000).default(0),
  size: z.coerce.number().int().min(1).max(500).default(20),
});

/** Registers the segment routes. */
export function registerSegmentRoutes(app: Hono, deps: DemoContext): void {
  app.get('/segments', async (c) => {
    const caller = await authenticateScoped(c, deps);
    const query = parseOrThrow(SegmentQuerySchema, c.req.query());
    const page = deps.data.listSegments(caller.tenantId, query);
    const shape = deps.segmentListShape;
    switch (shape) {
      case 'array':
        return c.json(page.items);
      case 'segments':
        return c.json({ segments: page.items, total: page.total, page: page.page, size: page.size });
      case 'content':
        return c.json({ content: page.items, page: page.page, size: page.size, totalElements: page.total, totalPages: Math.ceil(page.total / page.size) });
      default:
        return missingCaseError(shape);
    }
  });

  app.get('/segments/:id', async (c) => {
    const caller = await authenticateScoped(c, deps);
    const id = parseOrThrow(z.object({ id: ObjectIdSchema }), { id: c.req.param('id') }).id;
    return c.json(deps.data.getSegment(caller.tenantId, id));
  });

  app.post('/segments', async (c) => {
    const caller = await authenticateScoped(c, deps);
    const body = await readJsonBody(c, SegmentCreateSchema);
    return c.json(deps.data.createSegment(caller.tenantId, body), 201);
  });

  app.put('/segments/:id', async (c) => {
    const caller = await authenticateScoped(c, deps);
    const id = parseOrThrow(z.object({ id: ObjectIdSchema }), { id: c.req.param('id') }).id;
    const body = await readJsonBody(c, SegmentUpdateSchema);
    return c.json(deps.data.updateSegment(caller.tenantId, id, body));
  });
}
