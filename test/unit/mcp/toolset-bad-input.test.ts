/**
 * Bad input to the analytics, audience, campaign and media tools: wrong types, out-of-range
 * numbers, huge strings and malformed ids are refused with the envelope naming the argument, before
 * anything reaches the Nevent API; extra keys are ignored, never forwarded; a tenant the account cannot
 * reach is refused before the tool runs; the API's refusals come back as the envelope.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiCall } from '../../../src-main/core/tenant-session';
import { CoreError } from '../../../src-main/core/tenant-session';
import { connect, failure, ok, type Harness } from './harness';

const huge = 'x'.repeat(300_000);
const definition = { stanzas: [{ criteria: [{ criterion_id: 'city', operator: 'is', value: ['madrid'] }] }] };

/** Per tool: arguments that must be refused, with the argument the refusal must name. */
const refusals: [tool: string, args: Record<string, unknown>, param: string][] = [
  ['nevent_segment_execute', { definition: 'everyone' }, 'definition'],
  ['nevent_segment_execute', { definition, page_size: 101 }, 'page_size'],
  ['nevent_segment_execute', { definition, page: -1 }, 'page'],
  ['nevent_dimension_values', { criterion_id: 7 }, 'criterion_id'],
  ['nevent_dimension_values', { criterion_id: 'city', search: huge }, 'search'],
  ['nevent_get_campaign_metrics', { campaign_id: '../../admin' }, 'campaign_id'],
  ['nevent_get_campaign_metrics', { campaign_id: '' }, 'campaign_id'],
  ['nevent_list_campaign_recipients', { campaign_id: 'c1', page_size: 1000 }, 'page_size'],
  ['nevent_quote_campaign', { channel: 'CARRIER_PIGEON' }, 'channel'],
  ['nevent_quote_campaign', { channel: 'EMAIL', segment_ids: Array.from({ length: 21 }, (_, i) => `s${i}`) }, 'segment_ids'],
  ['nevent_create_campaign', { name: '', channel: 'EMAIL' }, 'name'],
  ['nevent_create_campaign', { name: 'x', channel: 'EMAIL', reply_to: 'not-an-email' }, 'reply_to'],
  ['nevent_create_campaign', { name: 'x', channel: 'EMAIL', email_body: 'x'.repeat(500_001) }, 'email_body'],
  // Drafts without their text: refused naming what is missing (an SMS its message, an email its subject and body).
  ['nevent_create_campaign', { name: 'x', channel: 'SMS' }, 'message'],
  ['nevent_create_campaign', { name: 'x', channel: 'WHATSAPP', message: '   ' }, 'message'],
  ['nevent_create_campaign', { name: 'x', channel: 'EMAIL', email_body: '<p>Hi</p>' }, 'email_subject'],
  ['nevent_create_campaign', { name: 'x', channel: 'EMAIL_AND_SMS', email_subject: 'Hi', template_id: 't1' }, 'message'],
  ['nevent_schedule_campaign', { campaign_id: 'c1', scheduled_time: 'tomorrow' }, 'scheduled_time'],
  ['nevent_schedule_campaign', { campaign_id: 'c1', scheduled_time: '2001-01-01T00:00:00Z' }, 'scheduled_time'],
  ['nevent_analytics_query', { collection: 'campaigns', limit: 1001 }, 'limit'],
  ['nevent_analytics_query', { collection: 'campaigns', sort: [] }, 'sort'],
  ['nevent_analytics_query', { collection: { name: 'campaigns' } }, 'collection'],
  ['nevent_analytics_table_schema', { table: huge }, 'table'],
  ['nevent_analytics_filter_values', { collection: 'campaigns', filters: Array.from({ length: 21 }, () => ({ field: 'channel' })) }, 'filters'],
  ['nevent_campaign_report', { year: 2026, month: 13 }, 'month'],
  ['nevent_campaign_report', { year: '2026', month: 1 }, 'year'],
  ['nevent_analytics_capabilities', { table: 42 }, 'table'],
  ['nevent_list_images', { limit: 0 }, 'limit'],
  ['nevent_upload_image', { source: huge.repeat(30) }, 'source'],
  ['nevent_upload_image', { file_path: 'relative/logo.png' }, 'file_path'],
  ['nevent_upload_image', { source: 'data:image/png;base64,iVBORw0KGgo=', file_path: '/tmp/x.png' }, 'file_path'],
  ['nevent_upload_image', { source: 'not base64 at all!' }, 'source'],
  ['nevent_upload_image', { source: 'ftp://example.com/logo.png' }, 'source'],
  ['nevent_delete_image', { urls: [] }, 'urls'],
  ['nevent_delete_image', { urls: 'https://cdn.example/a.png' }, 'urls'],
];

let h: Harness;
afterEach(async () => {
  await h.close();
});

describe('bad input to the toolset', () => {
  it.each(refusals)('%s %j is refused naming %s, and nothing reaches the API', async (tool, args, param) => {
    h = await connect('FULL');
    const refused = failure(await h.call(tool, args));
    expect(refused).toMatchObject({ type: 'invalid_request', code: 'validation_failed' });
    expect(refused.param?.split(/[.[]/)[0]).toBe(param);
    expect(h.session.calls.filter((call) => call.startsWith('callApi'))).toEqual([]);
  });

  it('extra keys are ignored, never forwarded; the channel alias is mapped; the draft is always a draft', async () => {
    const sent: ApiCall[] = [];
    h = await connect('STANDARD', {
      apiRoutes: {
        'core POST /campaigns': (call) => {
          sent.push(call);
          return { _id: 'c9', name: 'Draft', status: 'DRAFT', channel: 'SMS_ONLY' };
        },
      },
    });
    const answer = ok(await h.call('nevent_create_campaign', { name: 'Draft', channel: 'SMS', message: 'Doors open at 8', status: 'SCHEDULED', scheduledTime: '2030-01-01T00:00:00Z', segment_ids: [] }));
    expect(answer.campaign).toEqual({ id: 'c9', name: 'Draft', status: 'DRAFT', channel: 'SMS_ONLY' });
    expect(sent[0]?.body).toEqual({ name: 'Draft', channel: 'SMS_ONLY', message: 'Doors open at 8', status: 'DRAFT' });
  });

  it('a tenant the account cannot reach is refused before the tool runs; nothing falls back', async () => {
    h = await connect('FULL', { apiRoutes: { 'core GET /media/resources': () => [] } });
    expect(failure(await h.call('nevent_list_images', { tenant_id: 'tenant-b' })).code).toBe('tenant_not_found');
    expect(failure(await h.call('nevent_delete_image', { tenant_id: 'tenant-zzz', urls: ['a'] })).code).toBe('tenant_not_found');
    expect(h.session.calls.filter((call) => call.startsWith('callApi'))).toEqual([]);
  });

  it("the API's refusals (another tenant's campaign, a forbidden upload) come back as the envelope", async () => {
    h = await connect('FULL', {
      apiRoutes: {
        'core GET /campaigns/c-other/metrics': () => {
          throw new CoreError('not_found', 'Campaign not found');
        },
        'core POST /media/upload/resource': () => {
          throw new CoreError('forbidden', 'HTTP 403');
        },
      },
    });
    expect(failure(await h.call('nevent_get_campaign_metrics', { campaign_id: 'c-other' }))).toMatchObject({ type: 'not_found', code: 'not_found', message: 'Campaign not found' });
    expect(failure(await h.call('nevent_upload_image', { source: 'R0lGODlhAQABAAAAACwAAAAAAQABAAA=' }))).toMatchObject({ code: 'forbidden' });
  });
});
