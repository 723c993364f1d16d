/** Campaigns (Spring page) and paid-media status (DESIGN §3). */
import { z } from 'zod';
import { TenantIdSchema } from './common';

/** Campaign status. */
export const CampaignStatusSchema = z.enum(['DRAFT', 'SCHEDULED', 'SENDING', 'SENT', 'PAUSED', 'ARCHIVED']);
/** Campaign channel. */
export const CampaignChannelSchema = z.enum(['EMAIL', 'SMS', 'PUSH', 'WHATSAPP']);

/** A campaign. */
export const CampaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: CampaignStatusSchema,
  channel: CampaignChannelSchema,
  tenantId: TenantIdSchema,
  segmentId: z.string().nullable().optional(),
  createdAt: z.string(),
  scheduledAt: z.string().nullable().optional(),
});
/** A campaign. */
export type Campaign = z.infer<typeof CampaignSchema>;

/** `GET /campaigns` query. */
export const CampaignQuerySchema = z.object({
  page: z.coerce.number().int().min(0).optional(),
  size: z.coerce.number().int().min(1).max(500).optional(),
  status: CampaignStatusSchema.optional(),
  channel: CampaignChannelSchema.optional(),
});

/** A Spring Data page. */
export function springPageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    content: z.array(item),
    page: z.number().int().min(0),
    size: z.number().int().min(1),
    totalElements: z.number().int().min(0),
    totalPages: z.number().int().min(0),
  });
}

/** `GET /campaigns` response. */
export const CampaignPageSchema = springPageSchema(CampaignSchema);
/** A page of campaigns. */
export type CampaignPage = z.infer<typeof CampaignPageSchema>;

/** Paid-media providers. */
export const PaidMediaProviderSchema = z.enum(['meta', 'google', 'tiktok']);
/** A paid-media provider. */
export type PaidMediaProvider = z.infer<typeof PaidMediaProviderSchema>;

/** `GET /api/ads/{provider}/status`. */
export const PaidAdsStatusSchema = z.object({
  connected: z.boolean(),
  provider: PaidMediaProviderSchema,
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
});
/** Paid-media connection status. */
export type PaidAdsStatus = z.infer<typeof PaidAdsStatusSchema>;
