/**
 * Campaign reads and actions over the core API (test/fixtures/nevent-api/core.campaigns.*.json,
 * docs/upstream-toolset.md §4-5): records, metrics, recipients pages and quotes, read liberally; the
 * channel values the API takes, exact.
 */
import { z } from 'zod';
import { ApiShapeError, countOrNull, listOf } from './common';

/** The channel values the campaign endpoints take (upstream's CommunicationChannel). */
export const communicationChannels = ['EMAIL_ONLY', 'SMS_ONLY', 'WHATSAPP_ONLY', 'PUSH_ONLY', 'EMAIL_AND_SMS', 'EMAIL_AND_WHATSAPP', 'PUSH_AND_SMS', 'PUSH_AND_WHATSAPP', 'SMS_AND_WHATSAPP', 'ALL_CHANNELS', 'OMNICHANNEL'] as const;
/** A channel value the campaign endpoints take. */
export type CommunicationChannel = (typeof communicationChannels)[number];
/** The short names prompts use, mapped to the API's values before sending (as upstream does). */
export const channelAliases = { EMAIL: 'EMAIL_ONLY', SMS: 'SMS_ONLY', WHATSAPP: 'WHATSAPP_ONLY' } as const satisfies Record<string, CommunicationChannel>;
/** Every channel a tool accepts: the API's values and the aliases. */
export const campaignChannelInputs = [...communicationChannels, ...(Object.keys(channelAliases) as (keyof typeof channelAliases)[])] as const;

/** The API's channel value for a tool's channel input. */
export function toCommunicationChannel(channel: (typeof campaignChannelInputs)[number]): CommunicationChannel {
  return channel in channelAliases ? channelAliases[channel as keyof typeof channelAliases] : (channel as CommunicationChannel);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A campaign record as the API sent it, with its id read as `id ?? _id` (every other field kept). */
export type CampaignRecord = Record<string, unknown> & { id: string };

/** Reads a campaign answer (bare or `{campaign}`); it needs an id. */
export function normalizeCampaignRecord(body: unknown): CampaignRecord {
  const record = isRecord(body) && isRecord(body.campaign) ? body.campaign : body;
  if (!isRecord(record)) throw new ApiShapeError('id', 'the campaign answer is not an object');
  const id = record.id ?? record._id;
  if (typeof id !== 'string' && typeof id !== 'number') throw new ApiShapeError('id', 'the campaign answer has no id');
  const { _id: _ignored, ...rest } = record;
  return { ...rest, id: String(id) };
}

/** `GET /campaigns/{id}/metrics`: counters and rates, every field optional and kept as sent. */
export const CampaignMetricsSchema = z
  .object({
    campaignId: z.union([z.string(), z.number()]).nullish(),
    campaignName: z.string().nullish(),
    totalRecipients: z.number().nullish(),
    totalSent: z.number().nullish(),
    totalDelivered: z.number().nullish(),
    openRate: z.number().nullish(),
    clickRate: z.number().nullish(),
    revenue: z.number().nullish(),
  })
  .loose();
/** Campaign metrics as sent. */
export type CampaignMetrics = z.output<typeof CampaignMetricsSchema>;

/** A recipient of a campaign (personal data), with the fields the API sent. */
export interface CampaignRecipient {
  user_id: string | null;
  name: string | null;
  email: string | null;
  /** Open: SCHEDULED, DELIVERED, OPENED, CLICKED, BOUNCES, UNSUBSCRIBES or another value the API adds. */
  status: string | null;
}

/** A page of recipients, with what the answer said of itself (null: not said). */
export interface RecipientsPage {
  recipients: CampaignRecipient[];
  page: number | null;
  size: number | null;
  total: number | null;
  totalPages: number | null;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null);

/**
 * Reads `GET /campaigns/{id}/recipients`: a Spring page (`content`, `page` or `number`, `totalElements`),
 * or a bare list of every recipient (an API that ignores paging). Counts are read liberally: a page number
 * of `-5e-324` or `2.5` is a page number, not a failure (`countOrNull`).
 */
export function normalizeRecipientsPage(body: unknown): RecipientsPage {
  const rows = listOf(body, ['content', 'recipients', 'items', 'data']);
  if (rows === null) throw new ApiShapeError('content', 'the recipients answer is neither a list nor a page with content');
  const meta = isRecord(body) ? body : {};
  const recipients = rows.filter(isRecord).map((row) => ({ user_id: str(row.userId ?? row.user_id ?? row.id), name: str(row.name), email: str(row.email), status: str(row.status) }));
  return { recipients, page: countOrNull(meta.page ?? meta.number), size: countOrNull(meta.size), total: countOrNull(meta.totalElements ?? meta.total), totalPages: countOrNull(meta.totalPages) };
}

/** `POST /campaigns/quote`: cost, credits and the audience (null when a channel has no estimate), kept as sent. */
export const CampaignQuoteSchema = z
  .object({
    cost: z.number().nullish(),
    available: z.number().nullish(),
    missing: z.number().nullish(),
    recipientCount: z.number().nullish(),
    affordable: z.boolean().nullish(),
    blocked: z.boolean().nullish(),
    unlimited: z.boolean().nullish(),
    audience: z.object({}).loose().nullish(),
  })
  .loose();
/** A campaign quote as sent. */
export type CampaignQuote = z.output<typeof CampaignQuoteSchema>;
