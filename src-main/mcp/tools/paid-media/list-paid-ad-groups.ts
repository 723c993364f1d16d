/** `nevent_list_paid_ad_groups`: a provider's ad groups (ad sets), optionally of one campaign. */
import { z } from 'zod';
import { compact } from '../../../core/domains/compact';
import { listPaidAdGroups } from '../../../core/domains/paid-media';
import { defineTool } from '../../tool';
import { listPageInput, pageOfWholeList } from '../list-page';
import { listOutput, paidIdInput, providerInput } from './paid-media-wire';

/** `nevent_list_paid_ad_groups` tool. */
export const listPaidAdGroupsTool = defineTool({
  name: 'nevent_list_paid_ad_groups',
  domain: 'paid-media',
  title: 'List paid ad groups',
  description: 'Lists ad groups (ad sets) on a provider, of one campaign when campaignId is given, to pick one to inspect.',
  access: 'read',
  tenantScoped: true,
  input: z.object({ provider: providerInput, campaignId: paidIdInput.optional(), ...listPageInput }),
  output: listOutput('adGroups'),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const listing = `${args.provider}:${args.campaignId ?? ''}`;
    const answer = await pageOfWholeList(tenant, { listing: 'paid-ad-groups', query: listing, idOf: (group) => group.id }, args, () => listPaidAdGroups(tenant, args.provider, args.campaignId));
    const page = answer.value;
    return { adGroups: page.items.map(compact), count: page.items.length, total: page.total, next_cursor: page.nextCursor, tenant_id: answer.tenantId };
  },
});
