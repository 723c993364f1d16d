/** `nevent_get_paid_ad_group_comparative_stats`: an ad group against the others of its campaign. */
import { z } from 'zod';
import { paidAdGroupComparativeStats } from '../../../core/domains/paid-media';
import { defineTool } from '../../tool';
import { ObjectOutSchema, paidIdInput, providerInput, windowInput, windowOf } from './paid-media-wire';

/** `nevent_get_paid_ad_group_comparative_stats` tool. */
export const getPaidAdGroupComparativeStatsTool = defineTool({
  name: 'nevent_get_paid_ad_group_comparative_stats',
  domain: 'paid-media',
  title: 'Get paid ad group comparative stats',
  description: 'Cost per result, CPM, frequency and CTR of an ad group against its campaign\'s other ad groups, to find the weak ones.',
  access: 'read',
  tenantScoped: true,
  input: z.object({ provider: providerInput, adGroupId: paidIdInput, ...windowInput }),
  output: z.object({ stats: ObjectOutSchema, tenant_id: z.string() }).loose(),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const window = windowOf(args);
    const answer = await paidAdGroupComparativeStats(tenant, args.provider, args.adGroupId, window);
    return { ...window, stats: answer.value, tenant_id: answer.tenantId };
  },
});
