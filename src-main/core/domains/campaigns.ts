/**
 * The campaign domain's core API requests: metrics, recipients, a quote, a draft, scheduling
 * (docs/upstream-toolset.md §4-5). Scheduling reads the campaign first: only a DRAFT can be scheduled.
 */
import { CampaignMetricsSchema, CampaignQuoteSchema, normalizeCampaignRecord, normalizeRecipientsPage } from '../../../src-shared/api';
import type { CampaignMetrics, CampaignQuote, CampaignRecipient, CampaignRecord, CommunicationChannel } from '../../../src-shared/api';
import type { ListPage } from './list-pager';
import type { DomainScope } from './domain-scope';
import type { Scoped, ApiCaller } from '../http/api-call';
import { CoreError } from '../common/core-error';
import { readApi } from './api-read';

const path = (campaignId: string, rest = ''): string => `/campaigns/${encodeURIComponent(campaignId)}${rest}`;

/** `GET /campaigns/{id}`. */
export function getCampaign(tenant: ApiCaller, campaignId: string): Promise<Scoped<CampaignRecord>> {
  return readApi(tenant, { api: 'core', method: 'GET', path: path(campaignId) }, normalizeCampaignRecord);
}

/** `GET /campaigns/{id}/metrics`. */
export function campaignMetrics(tenant: ApiCaller, campaignId: string): Promise<Scoped<CampaignMetrics>> {
  return readApi(tenant, { api: 'core', method: 'GET', path: path(campaignId, '/metrics') }, (body) => CampaignMetricsSchema.parse(body));
}

/** Recipient filters; each is sent only when given. */
export interface RecipientsQuery {
  status?: string;
  search?: string;
  segmentId?: string;
  page: number;
  size: number;
}

/** The largest recipients page the API accepts (upstream's schema). */
const maxRecipientsPage = 100;

/**
 * `GET /campaigns/{id}/recipients?status&search&segmentId&page&size`: one page, from the API while it
 * pages, else from the whole list it answered (list-pager.ts).
 */
export function campaignRecipients(tenant: Pick<DomainScope, 'callApi' | 'pagedList'>, campaignId: string, query: RecipientsQuery): Promise<Scoped<ListPage<CampaignRecipient>>> {
  const filters = { campaignId, status: query.status, search: query.search, segmentId: query.segmentId };
  return tenant.pagedList({
    listing: 'campaign-recipients',
    query: JSON.stringify(filters),
    size: query.size,
    position: { page: query.page },
    paging: 'api',
    maxPageSize: maxRecipientsPage,
    fetch: async (page, size) => {
      const answer = await readApi(tenant, { api: 'core', method: 'GET', path: path(campaignId, '/recipients'), query: { status: query.status, search: query.search, segmentId: query.segmentId, page, size } }, normalizeRecipientsPage);
      const { recipients, total, totalPages, page: said } = answer.value;
      return { tenantId: answer.tenantId, value: { items: recipients, total, totalPages, page: said } };
    },
    idOf: (recipient) => recipient.user_id ?? recipient.email ?? JSON.stringify(recipient),
  });
}

/** `POST /campaigns/quote {channel, segmentIds?, transactional?}`. */
export function quoteCampaign(tenant: ApiCaller, channel: CommunicationChannel, segmentIds: readonly string[] | undefined, transactional: boolean | undefined): Promise<Scoped<CampaignQuote>> {
  const body = { channel, ...(segmentIds === undefined || segmentIds.length === 0 ? {} : { segmentIds }), ...(transactional === undefined ? {} : { transactional }) };
  return readApi(tenant, { api: 'core', method: 'POST', path: '/campaigns/quote', body }, (answer) => CampaignQuoteSchema.parse(answer));
}

/** What a draft is created with (the API's camelCase names; `status` is always DRAFT). */
export interface CampaignDraft {
  name: string;
  channel: CommunicationChannel;
  emailSubject?: string;
  emailBody?: string;
  previewText?: string;
  fromName?: string;
  replyTo?: string;
  message?: string;
  segmentIds?: string[];
  templateId?: string;
  utmTracking?: Record<string, unknown>;
}

/** `POST /campaigns` with `status: "DRAFT"`: nothing is sent to anyone. Only the given fields go out; empty `segmentIds` are left out. */
export function createCampaignDraft(tenant: ApiCaller, draft: CampaignDraft): Promise<Scoped<CampaignRecord>> {
  const given = Object.entries(draft).filter(([key, value]) => value !== undefined && !(key === 'segmentIds' && Array.isArray(value) && value.length === 0));
  return readApi(tenant, { api: 'core', method: 'POST', path: '/campaigns', body: { ...Object.fromEntries(given), status: 'DRAFT' } }, normalizeCampaignRecord);
}

/**
 * Schedules a DRAFT for delivery at `scheduledTime`: reads it (another status → `conflict`, nothing
 * sent), then `POST /campaigns/{id}/actions/schedule {scheduledTime}` (the PATCH older clients sent is a 405).
 */
export async function scheduleCampaign(tenant: ApiCaller, campaignId: string, scheduledTime: string): Promise<Scoped<CampaignRecord>> {
  const current = await getCampaign(tenant, campaignId);
  const status = typeof current.value.status === 'string' ? current.value.status.toUpperCase() : null;
  if (status !== null && status !== 'DRAFT') throw new CoreError('conflict', `campaign ${campaignId} is ${status}, not DRAFT: only a draft can be scheduled; nothing was changed`, 'campaign_id');
  return readApi(tenant, { api: 'core', method: 'POST', path: path(campaignId, '/actions/schedule'), body: { scheduledTime } }, normalizeCampaignRecord);
}
