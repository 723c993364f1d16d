/** `nevent_paid_ads_status`: paid-media connection of the tenant a call runs in. */
import { z } from 'zod';
import { PaidMediaProviderSchema } from '../../../../src-shared/api';
import { defineTool } from '../../tool';
import { PaidAdsStatusOutSchema, paidAdsStatusOut } from '../../wire';

/** `nevent_paid_ads_status` tool. */
export const paidAdsStatusTool = defineTool({
  name: 'nevent_paid_ads_status',
  domain: 'paid-media',
  title: 'Paid ads connection status',
  description: 'Tells whether the tenant has connected a Meta, Google or TikTok ads account and when it last synced; check it before other paid-media reads.',
  access: 'read',
  tenantScoped: true,
  input: z.object({
    provider: PaidMediaProviderSchema,
  }),
  output: PaidAdsStatusOutSchema.extend({ tenant_id: z.string() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const status = await tenant.paidAdsStatus(args.provider);
    return { ...paidAdsStatusOut(status.value, args.provider), tenant_id: status.tenantId };
  },
});
