/**
 * Segments of the token's tenant, in the real API's shapes: a plain array of every segment
 * (or the configured shape; paged only with `listPaging: 'honored'`) of minimal records — every other one keyed `_id` as Mongo-style records are, no definitions in
 * lists — bare records on reads, `{segment}` on create. No version, no optimistic concurrency. A
 * `tenant_id` query or body field, as upstream sends, must name the token's own tenant.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { SegmentCreateSchema, SegmentIdSchema, SegmentUpdateSchema } from '../../../src-shared/api';
import { missingCaseError } from '../../../src-shared/missing-case';
import { authenticateScoped, type ScopedCaller } from '../demo-context';
import type { DemoContext } from '../demo-context';
import type { DemoSegment } from '../demo-records';
import { DemoHttpError } from '../http-error';
import { segmentsIgnorePaging } from '../list-paging';
import { parseOrThrow, readJsonBody } from '../request-body';

/** `GET /segments` query. */
const SegmentQuerySchema = z.object({
  tenant_id: z.string().optional(),
  search: z.string().max(200).optional(),
  page: z.coerce.number().int().min(0).max(1_000_000).default(0),
  size: z.coerce.number().int().min(1).max(500).default(20),
});

const CreateBodySchema = SegmentCreateSchema.extend({ status: z.string().max(32).optional(), createdBy: z.string().max(320).optional(), tenantId: z.string().optional() }).loose();
const UpdateBodySchema = SegmentUpdateSchema.extend({ modifiedBy: z.string().max(320).optional(), modifiedAt: z.string().max(64).optional() }).loose();

/** A list record: what upstream reads from lists (no definition), keyed `id` or, every other one, `_id`. */
function listRecord(segment: DemoSegment, index: number): Record<string, unknown> {
  const { id, definition: _definition, modifiedBy: _by, ...rest } = segment;
  return index % 2 === 1 ? { _id: id, ...rest } : { id, ...rest };
}

/** A tenant named in the request (query or body) must be the token's: another tenant's data is never served. */
function checkNamedTenant(caller: ScopedCaller, named: string | undefined): void {
  if (named !== undefined && named !== caller.tenantId) throw new DemoHttpError(403, 'forbidden', 'Forbidden', undefined, 'text');
}

async function scopedCaller(c: Context, deps: DemoContext): Promise<ScopedCaller> {
  const caller = await authenticateScoped(c, deps);
  checkNamedTenant(caller, c.req.query('tenant_id'));
  return caller;
}

function segmentId(c: Context): string {
  const parsed = SegmentIdSchema.safeParse(c.req.param('id'));
  if (!parsed.success) throw new DemoHttpError(404, 'not_found', 'Not found', undefined, 'text');
  return parsed.data;
}

/** Registers the segment routes. */
export function registerSegmentRoutes(app: Hono, deps: DemoContext): void {
  app.get('/segments', async (c) => {
    const caller = await scopedCaller(c, deps);
    // The real API answers every segment, whatever page, size or search it is sent (list-paging.ts).
    const ignored = segmentsIgnorePaging(deps.listPaging);
    const query = ignored ? { page: 0, size: Number.MAX_SAFE_INTEGER } : parseOrThrow(SegmentQuerySchema, c.req.query());
    const page = deps.data.listSegments(caller.tenantId, query);
    const records = page.items.map(listRecord);
    const size = ignored ? Math.max(records.length, 1) : page.size;
    const shape = deps.segmentListShape;
    switch (shape) {
      case 'array':
        return c.json(records);
      case 'segments':
        return c.json({ segments: records, total: page.total });
      case 'content':
        return c.json({ content: records, totalElements: page.total, totalPages: Math.ceil(page.total / size), number: page.page, size });
      default:
        return missingCaseError(shape);
    }
  });

  app.get('/segments/:id', async (c) => {
    const caller = await scopedCaller(c, deps);
    return c.json(deps.data.getSegment(caller.tenantId, segmentId(c)));
  });

  app.post('/segments', async (c) => {
    const caller = await scopedCaller(c, deps);
    const body = await readJsonBody(c, CreateBodySchema);
    checkNamedTenant(caller, body.tenantId);
    return c.json({ segment: deps.data.createSegment(caller.tenantId, body) }, 201);
  });

  app.put('/segments/:id', async (c) => {
    const caller = await scopedCaller(c, deps);
    const id = segmentId(c);
    const body = await readJsonBody(c, UpdateBodySchema);
    return c.json(deps.data.updateSegment(caller.tenantId, id, body));
  });
}
