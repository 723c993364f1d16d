/** `nevent_list_paid_campaigns`: a provider's campaigns, a page at a time. */
import { z } from 'zod';
import { compact } from '../../../core/domains/compact';
import { listPaidCampaigns } from '../../../core/domains/paid-media';
import { defineTool } from '../../tool';
import { listPageInput, pageOfWholeList } from '../list-page';
import { listOutput, providerInput } from './paid-media-wire';

/** `nevent_list_paid_campaigns` tool. */
export const listPaidCampaignsTool = defineTool({
  name: 'nevent_list_paid_campaigns',
  domain: 'paid-media',
  title: 'List paid campaigns',
  description: 'Lists the tenant\'s ad campaigns on a provider (id, name, status, objective, budget), to pick one for insights.',
  access: 'read',
  tenantScoped: true,
  input: z.object({ provider: providerInput, ...listPageInput }),
  output: listOutput('campaigns'),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await pageOfWholeList(tenant, { listing: 'paid-campaigns', query: args.provider, idOf: (c) => c.id }, args, () => listPaidCampaigns(tenant, args.provider));
    const page = answer.value;
    return { campaigns: page.items.map(compact), count: page.items.length, total: page.total, next_cursor: page.nextCursor, tenant_id: answer.tenantId };
  },
});
