/** `nevent_get_paid_ad_group_targeting`: whom an ad group targets. */
import { z } from 'zod';
import { compact } from '../../../core/domains/compact';
import { paidAdGroupTargeting } from '../../../core/domains/paid-media';
import { defineTool } from '../../tool';
import { ObjectOutSchema, paidIdInput, providerInput } from './paid-media-wire';

/** `nevent_get_paid_ad_group_targeting` tool. */
export const getPaidAdGroupTargetingTool = defineTool({
  name: 'nevent_get_paid_ad_group_targeting',
  domain: 'paid-media',
  title: 'Get paid ad group targeting',
  description: 'Who an ad group targets (age, genders, places, interests, audiences, placements) and how it bids.',
  access: 'read',
  tenantScoped: true,
  input: z.object({ provider: providerInput, adGroupId: paidIdInput }),
  output: z.object({ targeting: ObjectOutSchema, tenant_id: z.string() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await paidAdGroupTargeting(tenant, args.provider, args.adGroupId);
    return { targeting: compact(answer.value), tenant_id: answer.tenantId };
  },
});
