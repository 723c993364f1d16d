/** Campaigns (Spring page) and paid-media status of the token's tenant (DESIGN §3). */
import type { Hono } from 'hono';
import { CampaignQuerySchema, PaidMediaProviderSchema } from '../../../src-shared/api';
import type { CampaignPage } from '../../../src-shared/api';
import { authenticateScoped } from '../demo-context';
import type { DemoContext } from '../demo-context';
import { notFound } from '../http-error';
import { parseOrThrow } from '../request-body';

/** Registers the campaign and paid-ads routes. */
export function registerCampaignRoutes(app: Hono, deps: DemoContext): void {
  app.get('/campaigns', async (c) => {
    const caller = await authenticateScoped(c, deps);
    const query = parseOrThrow(CampaignQuerySchema, c.req.query());
    const page = deps.data.campaigns(caller.tenantId, { ...query, page: query.page ?? 0, size: query.size ?? 20 });
    const body: CampaignPage = { content: page.items, page: page.page, size: page.size, totalElements: page.total, totalPages: Math.ceil(page.total / page.size) };
    return c.json(body);
  });

  app.get('/api/ads/:provider/status', async (c) => {
    const caller = await authenticateScoped(c, deps);
    const provider = PaidMediaProviderSchema.safeParse(c.req.param('provider'));
    if (!provider.success) throw notFound(`Unknown paid-media provider "${c.req.param('provider')}" (expected meta, google or tiktok)`);
    return c.json(deps.data.adsStatus(caller.tenantId, provider.data));
  });
}
