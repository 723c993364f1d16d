/** `nevent_get_campaign_metrics`: the delivery and revenue figures of one campaign. */
import { z } from 'zod';
import { campaignMetrics } from '../../../core/domains/campaigns';
import { defineTool } from '../../tool';
import { RecordIdSchema } from '../tool-inputs';

/** `nevent_get_campaign_metrics` tool. */
export const getCampaignMetricsTool = defineTool({
  name: 'nevent_get_campaign_metrics',
  domain: 'campaigns',
  title: 'Get campaign metrics',
  description: 'Returns how one campaign did: recipients, deliveries, opens, clicks, bounces, unsubscribes, their rates, purchases and revenue.',
  access: 'read',
  tenantScoped: true,
  input: z.object({ campaign_id: RecordIdSchema.describe('From nevent_list_campaigns.') }),
  output: z.object({ metrics: z.record(z.string(), z.unknown()), tenant_id: z.string() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await campaignMetrics(tenant, args.campaign_id);
    return { metrics: answer.value, tenant_id: answer.tenantId };
  },
});
