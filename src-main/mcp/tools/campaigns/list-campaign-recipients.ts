/** `nevent_list_campaign_recipients`: who a campaign went to and what each did (personal data, paged). */
import { z } from 'zod';
import { campaignRecipients } from '../../../core/domains/campaigns';
import { defineTool } from '../../tool';
import { pageFields, pageSizeInput } from '../list-page';
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
    total: z.number().int().nullable(),
    total_pages: z.number().int().nullable(),
    next_page: z.number().int().nullable(),
    notice: z.string().optional(),
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
    const fields = pageFields(answer.value);
    return { recipients: answer.value.items.slice(0, size), page: fields.page, page_size: size, total: fields.total, total_pages: fields.totalPages, next_page: fields.next_page, ...(fields.notice === undefined ? {} : { notice: fields.notice }), tenant_id: answer.tenantId };
  },
});
