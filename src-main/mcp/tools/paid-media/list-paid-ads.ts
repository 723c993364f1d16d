/** `nevent_list_paid_ads`: a provider's ads, optionally of one campaign or ad group. */
import { z } from 'zod';
import { compact } from '../../../core/domains/compact';
import { listPaidAds } from '../../../core/domains/paid-media';
import { defineTool } from '../../tool';
import { listPageInput, pageOfWholeList } from '../list-page';
import { listOutput, paidIdInput, providerInput } from './paid-media-wire';

/** `nevent_list_paid_ads` tool. */
export const listPaidAdsTool = defineTool({
  name: 'nevent_list_paid_ads',
  domain: 'paid-media',
  title: 'List paid ads',
  description: 'Lists ads on a provider (name, status, UTMs), of one campaign or ad group when given, to pick one to inspect.',
  access: 'read',
  tenantScoped: true,
  input: z.object({ provider: providerInput, campaignId: paidIdInput.optional(), adGroupId: paidIdInput.optional(), ...listPageInput }),
  output: listOutput('ads'),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const listing = `${args.provider}:${args.campaignId ?? ''}:${args.adGroupId ?? ''}`;
    const filter = { ...(args.campaignId === undefined ? {} : { campaignId: args.campaignId }), ...(args.adGroupId === undefined ? {} : { adGroupId: args.adGroupId }) };
    const answer = await pageOfWholeList(tenant, { listing: 'paid-ads', query: listing, idOf: (ad) => ad.id }, args, () => listPaidAds(tenant, args.provider, filter));
    const page = answer.value;
    return { ads: page.items.map(compact), count: page.items.length, total: page.total, next_cursor: page.nextCursor, tenant_id: answer.tenantId };
  },
});
