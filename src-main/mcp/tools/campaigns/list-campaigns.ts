/**
 * `nevent_list_campaigns`: campaigns of the active tenant. Nevent AI reads them from its own database;
 * over the public API the only source is the data API's analytics collection `campaigns`
 * (src-main/core/campaign-list.ts), so this answers with the columns that table has, or `not_available`.
 */
import { z } from 'zod';
import { defineTool } from '../../tool';
import { pageSizeInput } from '../list-page';

const cell = z.union([z.string(), z.number()]).nullable().optional();
const CampaignOutSchema = z.object({ id: z.string(), name: cell, status: cell, channel: cell, created_at: cell, executed_at: cell });

/** `nevent_list_campaigns` tool. */
export const listCampaignsTool = defineTool({
  name: 'nevent_list_campaigns',
  domain: 'campaigns',
  title: 'List campaigns',
  description: 'Lists the tenant\'s campaigns (id, name, status, channel, dates), newest first, to find one by status, channel or date; if it answers not_available, use nevent_campaign_report.',
  access: 'read',
  tenantScoped: true,
  input: z.object({
    status: z.string().max(32).optional().describe('EXECUTED, DRAFT, PAUSED, STOPPED or SCHEDULED.'),
    channel: z.string().max(32).optional().describe('EMAIL, SMS, WHATSAPP…'),
    date_from: z.string().datetime({ offset: true }).optional().describe('Created on or after.'),
    date_to: z.string().datetime({ offset: true }).optional().describe('Created on or before.'),
    limit: pageSizeInput(200, 50),
    sort: z.enum(['createdAt', 'executedAt', 'name']).optional().describe('Default createdAt.'),
    sort_order: z.enum(['asc', 'desc']).optional().describe('Default desc.'),
  }),
  output: z.object({ campaigns: z.array(CampaignOutSchema), count: z.number().int(), ignored_filters: z.array(z.string()).optional(), tenant_id: z.string() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await tenant.listCampaigns({
      ...(args.status === undefined ? {} : { status: args.status }),
      ...(args.channel === undefined ? {} : { channel: args.channel }),
      ...(args.date_from === undefined ? {} : { dateFrom: args.date_from }),
      ...(args.date_to === undefined ? {} : { dateTo: args.date_to }),
      limit: args.limit ?? 50,
      sort: args.sort ?? 'createdAt',
      sortOrder: args.sort_order ?? 'desc',
    });
    const { campaigns, ignoredFilters } = answer.value;
    return { campaigns, count: campaigns.length, ...(ignoredFilters.length === 0 ? {} : { ignored_filters: ignoredFilters }), tenant_id: answer.tenantId };
  },
});
