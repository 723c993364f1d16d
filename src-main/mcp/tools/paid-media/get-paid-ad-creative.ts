/** `nevent_get_paid_ad_creative`: what an ad shows. */
import { z } from 'zod';
import { compact } from '../../../core/domains/compact';
import { paidAdCreative } from '../../../core/domains/paid-media';
import { defineTool } from '../../tool';
import { ObjectOutSchema, paidIdInput, providerInput } from './paid-media-wire';

/** `nevent_get_paid_ad_creative` tool. */
export const getPaidAdCreativeTool = defineTool({
  name: 'nevent_get_paid_ad_creative',
  domain: 'paid-media',
  title: 'Get paid ad creative',
  description: 'Texts, call to action, link, UTMs and media of one ad (media URLs expire within about an hour), to show or review it.',
  access: 'read',
  tenantScoped: true,
  input: z.object({ provider: providerInput, adId: paidIdInput }),
  output: z.object({ creative: ObjectOutSchema, tenant_id: z.string() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await paidAdCreative(tenant, args.provider, args.adId);
    return { creative: compact(answer.value), tenant_id: answer.tenantId };
  },
});
