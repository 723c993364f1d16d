/** `nevent_quote_campaign`: what sending to some segments on a channel would cost, and whom it would reach. */
import { z } from 'zod';
import { toCommunicationChannel } from '../../../../src-shared/api';
import { quoteCampaign } from '../../../core/domains/campaigns';
import { defineTool } from '../../tool';
import { RecordIdSchema } from '../tool-inputs';
import { CampaignChannelInputSchema } from './campaign-channel';

/** `nevent_quote_campaign` tool. */
export const quoteCampaignTool = defineTool({
  name: 'nevent_quote_campaign',
  domain: 'campaigns',
  title: 'Quote campaign cost and audience',
  description: 'Quotes a send before creating or scheduling it: audience per channel, credit cost and whether the tenant can afford it; sends nothing.',
  access: 'read',
  tenantScoped: true,
  input: z.object({
    channel: CampaignChannelInputSchema,
    segment_ids: z.array(RecordIdSchema).max(20).optional(),
    transactional: z.boolean().optional(),
  }),
  output: z.object({ quote: z.record(z.string(), z.unknown()), tenant_id: z.string() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await quoteCampaign(tenant, toCommunicationChannel(args.channel), args.segment_ids, args.transactional);
    return { quote: answer.value, tenant_id: answer.tenantId };
  },
});
