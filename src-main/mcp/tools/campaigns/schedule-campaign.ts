/**
 * `nevent_schedule_campaign` (DELETE class: it sends to real people): schedules a DRAFT for delivery.
 * Without `confirmed: true` it reads the campaign and quotes its audience to say exactly what would go
 * out, to how many, and when.
 */
import { z } from 'zod';
import { toCommunicationChannel, campaignChannelInputs } from '../../../../src-shared/api';
import { getCampaign, quoteCampaign, scheduleCampaign } from '../../../core/domains/campaigns';
import { defineTool, type ToolContext } from '../../tool';
import { RecordIdSchema } from '../tool-inputs';

const isChannel = (value: unknown): value is (typeof campaignChannelInputs)[number] => typeof value === 'string' && (campaignChannelInputs as readonly string[]).includes(value);

/** The sentence put to the person: campaign, channel, audience size when it can be quoted, and the time. */
async function wouldSchedule(args: { campaign_id: string; scheduled_time: string }, { tenant }: ToolContext): Promise<string> {
  const campaign = (await getCampaign(tenant, args.campaign_id)).value;
  const name = typeof campaign.name === 'string' ? `"${campaign.name}" (${campaign.id})` : campaign.id;
  const segmentIds = Array.isArray(campaign.segmentIds) ? campaign.segmentIds.filter((id): id is string => typeof id === 'string') : [];
  let reach = 'to everyone in its segments';
  if (isChannel(campaign.channel)) {
    try {
      const quote = (await quoteCampaign(tenant, toCommunicationChannel(campaign.channel), segmentIds, undefined)).value;
      if (typeof quote.recipientCount === 'number') reach = `to ${quote.recipientCount} recipients${typeof quote.cost === 'number' ? ` (cost ${quote.cost} credits)` : ''}`;
    } catch {
      // The quote only sharpens the sentence; without it the person still hears what would happen.
    }
  }
  const channel = typeof campaign.channel === 'string' ? ` by ${campaign.channel}` : '';
  return `This would schedule campaign ${name}${channel} ${reach} at ${args.scheduled_time}; once sent it cannot be recalled.`;
}

/** `nevent_schedule_campaign` tool. */
export const scheduleCampaignTool = defineTool({
  name: 'nevent_schedule_campaign',
  domain: 'campaigns',
  title: 'Schedule campaign for delivery',
  description: 'Schedules a DRAFT campaign to go to its real recipients at a future time; use it only when the user wants it sent.',
  access: 'destructive',
  tenantScoped: true,
  input: z.object({
    campaign_id: RecordIdSchema,
    scheduled_time: z.iso
      .datetime({ offset: true })
      .refine((time) => Date.parse(time) > Date.now(), 'scheduled_time must be in the future')
      .describe('ISO 8601 with offset, in the future.'),
  }),
  output: z.object({ campaign: z.object({ id: z.string() }).loose(), message: z.string(), tenant_id: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  confirmation: wouldSchedule,
  async run(args, { tenant }) {
    const answer = await scheduleCampaign(tenant, args.campaign_id, args.scheduled_time);
    return { campaign: answer.value, message: `Campaign ${args.campaign_id} is scheduled for ${args.scheduled_time}.`, tenant_id: answer.tenantId };
  },
});
