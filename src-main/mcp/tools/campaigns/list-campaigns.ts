/**
 * `nevent_list_campaigns`: campaigns of the active tenant. Nevent AI reads them from its own database;
 * over the public API the only source is the data API's analytics collection `campaigns`
 * (src-main/core/campaign-list.ts), so this answers with the columns that table has, or `not_available`.
 * `status` and `channel` take upstream's values only: a value the API does not know (`SENT`) would filter
 * everything out and answer an empty list that looks like a fact, so it is refused, naming the valid ones.
 */
import { z } from 'zod';
import { knownCampaignChannels, knownCampaignStatuses } from '../../../../src-shared/api';
import { CoreError } from '../../../core/common/core-error';
import { defineTool } from '../../tool';
import { pageSizeInput } from '../list-page';

const cell = z.union([z.string(), z.number()]).nullable().optional();
const CampaignOutSchema = z.object({ id: z.string(), name: cell, status: cell, channel: cell, created_at: cell, executed_at: cell });

/** Words a model may use for a status, and the status it means. */
const statusHints: Readonly<Record<string, string>> = { SENT: 'EXECUTED', DELIVERED: 'EXECUTED', COMPLETED: 'EXECUTED', FINISHED: 'EXECUTED', CANCELLED: 'STOPPED', CANCELED: 'STOPPED' };

/** `value` as one of `known` (any letter case), or `invalid_request` naming the valid values. */
function upstreamValue(value: string | undefined, known: readonly string[], param: string, hints: Readonly<Record<string, string>> = {}): string | undefined {
  if (value === undefined) return undefined;
  const canonical = value.trim().toUpperCase();
  if (known.includes(canonical)) return canonical;
  const hint = hints[canonical];
  throw new CoreError('invalid_request', `${param} "${value}" is not a campaign ${param}${hint === undefined ? '' : ` (for that, use ${hint})`}: use one of ${known.join(', ')}.`, param);
}

/** `nevent_list_campaigns` tool. */
export const listCampaignsTool = defineTool({
  name: 'nevent_list_campaigns',
  domain: 'campaigns',
  title: 'List campaigns',
  description: 'Lists the tenant\'s campaigns (id, name, status, channel, dates), newest first, how many there are and whether more exist; if it answers not_available, use nevent_campaign_report.',
  access: 'read',
  tenantScoped: true,
  input: z.object({
    status: z.string().max(32).optional().describe('EXECUTED (sent), DRAFT, PAUSED, STOPPED or SCHEDULED.'),
    channel: z.string().max(32).optional().describe('EMAIL, SMS or WHATSAPP.'),
    date_from: z.string().datetime({ offset: true }).optional().describe('Created on or after.'),
    date_to: z.string().datetime({ offset: true }).optional().describe('Created on or before.'),
    limit: pageSizeInput(200, 50),
    sort: z.enum(['createdAt', 'executedAt', 'name']).optional().describe('Default createdAt.'),
    sort_order: z.enum(['asc', 'desc']).optional().describe('Default desc.'),
  }),
  output: z.object({
    campaigns: z.array(CampaignOutSchema),
    count: z.number().int(),
    total: z.number().int().nullable(),
    has_more: z.boolean(),
    ignored_filters: z.array(z.string()).optional(),
    tenant_id: z.string(),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const status = upstreamValue(args.status, knownCampaignStatuses, 'status', statusHints);
    const channel = upstreamValue(args.channel, knownCampaignChannels, 'channel');
    const answer = await tenant.listCampaigns({
      ...(status === undefined ? {} : { status }),
      ...(channel === undefined ? {} : { channel }),
      ...(args.date_from === undefined ? {} : { dateFrom: args.date_from }),
      ...(args.date_to === undefined ? {} : { dateTo: args.date_to }),
      limit: args.limit ?? 50,
      sort: args.sort ?? 'createdAt',
      sortOrder: args.sort_order ?? 'desc',
    });
    const { campaigns, ignoredFilters, hasMore, total } = answer.value;
    return { campaigns, count: campaigns.length, total, has_more: hasMore, ...(ignoredFilters.length === 0 ? {} : { ignored_filters: ignoredFilters }), tenant_id: answer.tenantId };
  },
});
