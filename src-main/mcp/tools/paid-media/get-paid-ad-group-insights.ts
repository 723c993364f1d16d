/** `nevent_get_paid_ad_group_insights`: an ad group's daily delivery and results, with totals. */
import { z } from 'zod';
import { paidAdGroupInsights } from '../../../core/domains/paid-media';
import { defineTool } from '../../tool';
import { InsightsOutSchema, insightsOut, paidIdInput, providerInput, windowInput, windowOf } from './paid-media-wire';

/** `nevent_get_paid_ad_group_insights` tool. */
export const getPaidAdGroupInsightsTool = defineTool({
  name: 'nevent_get_paid_ad_group_insights',
  domain: 'paid-media',
  title: 'Get paid ad group insights',
  description: 'Daily spend, impressions, clicks, results and rates of one ad group (default the last 7 days), to say how it performs.',
  access: 'read',
  tenantScoped: true,
  input: z.object({ provider: providerInput, adGroupId: paidIdInput, ...windowInput }),
  output: InsightsOutSchema,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const window = windowOf(args);
    const answer = await paidAdGroupInsights(tenant, args.provider, args.adGroupId, window);
    return insightsOut(window, answer.value, answer.tenantId);
  },
});
