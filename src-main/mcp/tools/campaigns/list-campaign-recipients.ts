/** `nevent_list_campaign_recipients`: who a campaign went to and what each did (personal data, paged). */
import { z } from 'zod';
import { campaignRecipients } from '../../../core/domains/campaigns';
import { defineTool } from '../../tool';
import { pageSizeInput } from '../list-page';
import { RecordIdSchema } from '../tool-inputs';

/** `nevent_list_campaign_recipients` tool. */
export const listCampaignRecipientsTool = defineTool({
  name: 'nevent_list_campaign_recipients',
  domain: 'campaigns',
  title: 'List campaign recipients',
  description: 'Lists who a campaign went to, with delivery status, paged and filterable; recipients are personal data: fetch only what the user needs.',
  access: 'read',
  tenantScoped: true,
  input: z.object({
    campaign_id: RecordIdSchema,
    status: z.string().max(32).optional().describe('SCHEDULED, DELIVERED, OPENED, CLICKED, BOUNCES or UNSUBSCRIBES.'),
    search: z.string().max(200).optional(),
    segment_id: RecordIdSchema.optional(),
    page: z.number().int().min(0).max(100_000).optional(),
    page_size: pageSizeInput(100, 25),
  }),
  output: z.object({
    recipients: z.array(z.object({ user_id: z.string().nullable(), name: z.string().nullable(), email: z.string().nullable(), status: z.string().nullable() })),
    page: z.number().int(),
    page_size: z.number().int(),
    total: z.number().int(),
    total_pages: z.number().int(),
    tenant_id: z.string(),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const size = args.page_size ?? 25;
    const answer = await campaignRecipients(tenant, args.campaign_id, {
      ...(args.status === undefined ? {} : { status: args.status }),
      ...(args.search === undefined ? {} : { search: args.search }),
      ...(args.segment_id === undefined ? {} : { segmentId: args.segment_id }),
      page: args.page ?? 0,
      size,
    });
    const { recipients, page, total, totalPages } = answer.value;
    return { recipients: recipients.slice(0, size), page, page_size: size, total, total_pages: totalPages, tenant_id: answer.tenantId };
  },
});
