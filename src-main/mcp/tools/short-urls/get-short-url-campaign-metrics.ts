/** `nevent_get_short_url_campaign_metrics`: how a parent link's personal links performed. */
import { z } from 'zod';
import { shortUrlCampaignMetrics } from '../../../core/domains/short-urls';
import { defineTool } from '../../tool';
import { ObjectOutSchema, parentShortCodeInput } from './short-url-wire';

/** `nevent_get_short_url_campaign_metrics` tool. */
export const getShortUrlCampaignMetricsTool = defineTool({
  name: 'nevent_get_short_url_campaign_metrics',
  domain: 'short-urls',
  title: 'Get short URL campaign metrics',
  description: 'Clicks across a parent link\'s per-user links (click-through rate, top users, per day, device, country), to judge a campaign link.',
  access: 'read',
  tenantScoped: true,
  input: z.object({
    parentShortCode: parentShortCodeInput,
    days: z.number().int().min(1).max(365).optional().describe('Default 30.'),
    topN: z.number().int().min(1).max(100).optional().describe('Top users to list, default 10.'),
  }),
  output: z.object({ metrics: ObjectOutSchema, tenant_id: z.string() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await shortUrlCampaignMetrics(tenant, args.parentShortCode, { days: args.days ?? 30, topN: args.topN ?? 10 });
    return { metrics: answer.value, tenant_id: answer.tenantId };
  },
});
