/** `nevent_get_paid_campaign_insights`: a campaign's daily delivery and results, with totals. */
import { z } from 'zod';
import { paidCampaignInsights } from '../../../core/domains/paid-media';
import { defineTool } from '../../tool';
import { InsightsOutSchema, insightsOut, paidIdInput, providerInput, windowInput, windowOf } from './paid-media-wire';

/** `nevent_get_paid_campaign_insights` tool. */
export const getPaidCampaignInsightsTool = defineTool({
  name: 'nevent_get_paid_campaign_insights',
  domain: 'paid-media',
  title: 'Get paid campaign insights',
  description: 'Daily spend, impressions, clicks, results and rates of one paid campaign (default the last 7 days), to say how it performs.',
  access: 'read',
  tenantScoped: true,
  input: z.object({ provider: providerInput, campaignId: paidIdInput, ...windowInput }),
  output: InsightsOutSchema,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const window = windowOf(args);
    const answer = await paidCampaignInsights(tenant, args.provider, args.campaignId, window);
    return insightsOut(window, answer.value, answer.tenantId);
  },
});
