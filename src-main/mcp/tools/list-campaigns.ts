/** `nevent_list_campaigns`: campaigns of the active tenant. */
import { z } from 'zod';
import { CampaignChannelSchema, CampaignStatusSchema } from '../../../src-shared/api';
import type { CampaignQuery } from '../../core/tenant-session';
import { defineTool } from '../tool';
import { CampaignOutSchema, campaignOut } from '../wire';

/** `nevent_list_campaigns` tool. */
export const listCampaignsTool = defineTool({
  name: 'nevent_list_campaigns',
  title: 'List campaigns',
  description: [
    'Lists the campaigns of the active tenant (id, name, status, channel, segment_id, dates), newest first, optionally filtered by status and channel.',
    'To list another tenant\'s campaigns: nevent_switch_tenant first, then this tool.',
  ].join(' '),
  access: 'read',
  tenantScoped: true,
  input: z.object({
    status: CampaignStatusSchema.optional().describe('Only campaigns with this status.'),
    channel: CampaignChannelSchema.optional().describe('Only campaigns on this channel.'),
    limit: z.number().int().min(1).max(100).optional().describe('At most this many (1-100, default 20).'),
  }),
  output: z.object({ campaigns: z.array(CampaignOutSchema), count: z.number().int(), tenant_id: z.string() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { session }) {
    const query: CampaignQuery = { limit: args.limit ?? 20 };
    if (args.status !== undefined) query.status = args.status;
    if (args.channel !== undefined) query.channel = args.channel;
    const campaigns = await session.listCampaigns(query);
    return { campaigns: campaigns.value.map(campaignOut), count: campaigns.value.length, tenant_id: campaigns.tenantId };
  },
});
