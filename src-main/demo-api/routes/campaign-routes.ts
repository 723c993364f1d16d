/** Paid-media status of the token's tenant: upstream's shape, `provider` upper case. */
import type { Hono } from 'hono';
import { PaidMediaProviderSchema } from '../../../src-shared/api';
import { authenticateScoped } from '../demo-context';
import type { DemoContext } from '../demo-context';
import { notFound } from '../http-error';

/** Registers the paid-media routes. */
export function registerCampaignRoutes(app: Hono, deps: DemoContext): void {
  app.get('/api/ads/:provider/status', async (c) => {
    const caller = await authenticateScoped(c, deps);
    const provider = PaidMediaProviderSchema.safeParse(c.req.param('provider'));
    if (!provider.success) throw notFound(`Unknown paid-media provider "${c.req.param('provider')}" (expected meta, google or tiktok)`);
    return c.json(deps.data.adsStatus(caller.tenantId, provider.data));
  });
}
