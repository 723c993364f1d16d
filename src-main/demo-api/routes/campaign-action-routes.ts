/**
 * Campaign reads and actions of the core API, in the real shapes: a record, metrics and a
 * Spring page of recipients counted from the tenant's segments (campaign-book.ts), a quote, a DRAFT
 * creation, scheduling through `/actions/schedule` (the old `PATCH` answers 405 as the real API does).
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { communicationChannels } from '../../../src-shared/api';
import { authenticateScoped, type DemoContext } from '../demo-context';
import { DemoHttpError } from '../http-error';
import { pagedListsIgnorePaging } from '../list-paging';
import { parseOrThrow, readJsonBody } from '../request-body';
import type { DemoCampaign } from '../demo-records';

const Channel = z.string().refine((value) => (communicationChannels as readonly string[]).includes(value) || ['EMAIL', 'SMS', 'WHATSAPP'].includes(value), 'channel: must be a CommunicationChannel');
const QuoteBodySchema = z.object({ channel: Channel, segmentIds: z.array(z.string().max(128)).max(20).optional(), transactional: z.boolean().optional() }).loose();
const CreateBodySchema = z.object({ name: z.string().min(1).max(255), channel: Channel, segmentIds: z.array(z.string().max(128)).max(50).optional() }).loose();
const ScheduleBodySchema = z.object({ scheduledTime: z.iso.datetime({ offset: true }) }).loose();
const RecipientsQuerySchema = z.object({ status: z.string().max(32).optional(), search: z.string().max(200).optional(), segmentId: z.string().max(128).optional(), page: z.coerce.number().int().min(0).default(0), size: z.coerce.number().int().min(1).max(100).default(25) });

/** A campaign as `GET /campaigns/{id}` sends it (only the fields it has). */
function campaignRecord(campaign: DemoCampaign): Record<string, unknown> {
  // Drafts carry the content they were created with (emailSubject…) besides the stored fields.
  const { sent: _s, opens: _o, clicks: _c, revenue: _r, executedAt, scheduledTime, ...rest } = campaign as DemoCampaign & Record<string, unknown>;
  return { ...rest, ...(executedAt === null ? {} : { executedAt }), ...(scheduledTime === null ? {} : { scheduledTime }) };
}

/** Registers the campaign routes. */
export function registerCampaignActionRoutes(app: Hono, deps: DemoContext): void {
  app.post('/campaigns/quote', async (c) => {
    const caller = await authenticateScoped(c, deps);
    const body = await readJsonBody(c, QuoteBodySchema);
    return c.json(deps.data.quote(caller.tenantId, body.channel, body.segmentIds ?? []));
  });

  app.post('/campaigns', async (c) => {
    const caller = await authenticateScoped(c, deps);
    const body = await readJsonBody(c, CreateBodySchema);
    const created = deps.data.createCampaign(caller.tenantId, { ...body, segmentIds: body.segmentIds ?? [] });
    return c.json(campaignRecord(created), 201);
  });

  app.get('/campaigns/:id', async (c) => {
    const caller = await authenticateScoped(c, deps);
    return c.json(campaignRecord(deps.data.campaign(caller.tenantId, c.req.param('id'))));
  });

  app.patch('/campaigns/:id', async (c) => {
    await authenticateScoped(c, deps);
    return c.json({ timestamp: deps.now().toISOString(), status: 405, error: 'Method Not Allowed', path: c.req.path }, 405);
  });

  app.get('/campaigns/:id/metrics', async (c) => {
    const caller = await authenticateScoped(c, deps);
    return c.json(deps.data.campaignMetrics(caller.tenantId, c.req.param('id')));
  });

  app.get('/campaigns/:id/recipients', async (c) => {
    const caller = await authenticateScoped(c, deps);
    const query = parseOrThrow(RecipientsQuerySchema, c.req.query());
    const tenantId = caller.tenantId;
    let recipients = deps.data.recipients(tenantId, c.req.param('id'));
    if (query.status !== undefined) recipients = recipients.filter((r) => r.status === query.status);
    if (query.search !== undefined) {
      const needle = query.search.toLowerCase();
      recipients = recipients.filter((r) => r.fan.name.toLowerCase().includes(needle) || r.fan.email.includes(needle));
    }
    if (query.segmentId !== undefined) {
      const segmentId = query.segmentId;
      const members = new Set(deps.data.contacts(tenantId, deps.data.getSegment(tenantId, segmentId).definition).map((fan) => fan.id));
      recipients = recipients.filter((r) => members.has(r.fan.id));
    }
    const row = (r: (typeof recipients)[number], position: number): Record<string, unknown> => ({
      userId: r.fan.id,
      // Some rows come without a name, as the real API's may.
      ...(position % 10 === 9 ? {} : { name: r.fan.name }),
      email: r.fan.email,
      status: r.status,
    });
    if (pagedListsIgnorePaging(deps.listPaging)) return c.json(recipients.map(row));
    const content = recipients.slice(query.page * query.size, (query.page + 1) * query.size).map((r, i) => row(r, query.page * query.size + i));
    return c.json({ content, page: query.page, size: query.size, totalElements: recipients.length, totalPages: Math.ceil(recipients.length / query.size) });
  });

  app.post('/campaigns/:id/actions/schedule', async (c) => {
    const caller = await authenticateScoped(c, deps);
    const body = await readJsonBody(c, ScheduleBodySchema);
    if (Date.parse(body.scheduledTime) <= deps.now().getTime()) throw new DemoHttpError(422, 'validation_failed', 'scheduledTime must be in the future', 'scheduledTime', 'plain');
    return c.json(campaignRecord(deps.data.scheduleCampaign(caller.tenantId, c.req.param('id'), body.scheduledTime)));
  });
}
