/** `nevent_paid_ads_status`: paid-media connection of the active tenant. */
import { z } from 'zod';
import { PaidMediaProviderSchema } from '../../../src-shared/api';
import { defineTool } from '../tool';
import { PaidAdsStatusOutSchema, paidAdsStatusOut } from '../wire';

/** `nevent_paid_ads_status` tool. */
export const paidAdsStatusTool = defineTool({
  name: 'nevent_paid_ads_status',
  title: 'Paid ads connection status',
  description: 'Tells whether the active tenant has connected its Meta, Google or TikTok ads account, which account, and when it last synced (via the paid-media API).',
  access: 'read',
  tenantScoped: true,
  input: z.object({
    provider: PaidMediaProviderSchema.describe('meta, google or tiktok.'),
  }),
  output: PaidAdsStatusOutSchema.extend({ tenant_id: z.string() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { session }) {
    const status = await session.paidAdsStatus(args.provider);
    return { ...paidAdsStatusOut(status.value, args.provider), tenant_id: status.tenantId };
  },
});
