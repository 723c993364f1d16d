/**
 * Campaigns and paid-media status (NEVENT-API.md "Campaigns", "Paid media"). Enums are open:
 * upstream's campaign statuses and channels are known, anything else passes through.
 */
import { z } from 'zod';
import { ApiIdSchema, openEnum, type OpenEnum } from './common';

/** Campaign statuses upstream uses. */
export const knownCampaignStatuses = ['EXECUTED', 'DRAFT', 'PAUSED', 'STOPPED', 'SCHEDULED'] as const;
/** Campaign status as the API sends it. */
export const CampaignStatusSchema = openEnum(knownCampaignStatuses);
/** A campaign status. */
export type CampaignStatus = OpenEnum<(typeof knownCampaignStatuses)[number]>;

/** Campaign channels upstream uses (quotes also use `EMAIL_ONLY`-style values). */
export const knownCampaignChannels = ['EMAIL', 'SMS', 'WHATSAPP'] as const;
/** Campaign channel as the API sends it. */
export const CampaignChannelSchema = openEnum(knownCampaignChannels);
/** A campaign channel. */
export type CampaignChannel = OpenEnum<(typeof knownCampaignChannels)[number]>;

/** Paid-media providers we ask about (paths are lower case: `/api/ads/meta/status`). */
export const PaidMediaProviderSchema = z.enum(['meta', 'google', 'tiktok']);
/** A paid-media provider. */
export type PaidMediaProvider = z.infer<typeof PaidMediaProviderSchema>;

/**
 * `GET /api/ads/{provider}/status`: `{connected, provider, accountId, accountName, lastSyncAt}`, every
 * field optional and kept as sent; `provider` may come upper case (the tools show it lower case).
 */
export const PaidAdsStatusSchema = z
  .object({
    connected: z.boolean().nullish(),
    provider: z.string().nullish(),
    accountId: ApiIdSchema.nullish(),
    accountName: z.string().nullish(),
    lastSyncAt: z.string().nullish(),
  })
  .loose();
/** Paid-media connection status as the API sent it. */
export type PaidAdsStatus = z.output<typeof PaidAdsStatusSchema>;
