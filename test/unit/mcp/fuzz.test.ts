/** Property test: any JSON arguments to any tool give a result (success or the envelope), never a crash. */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { allTools } from '../../../src-main/mcp/tools';
import { connect } from './harness';
import type { Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await connect('FULL');
});
afterAll(async () => {
  await h.close();
});

const keys = fc.constantFrom('tenantId', 'tenant_id', 'segment_id', 'name', 'definition', 'description', 'version', 'search', 'limit', 'cursor', 'status', 'channel', 'provider', 'topic', 'id', 'template_id', 'parentShortCode', 'campaignId', 'adGroupId', 'adId', 'longUrl', 'userIds', 'emails', 'from', 'to', 'confirmed', '__proto__', 'constructor', 'toString', '');

it('answers arbitrary arguments with a result or the envelope', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...allTools.map((t) => t.name)),
      fc.dictionary(keys, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }),
      async (name, args) => {
        const result = await h.call(name, args);
        const first = result.content[0];
        expect(first?.type).toBe('text');
        const parsed = JSON.parse(first?.type === 'text' ? first.text : 'null') as Record<string, unknown>;
        if (result.isError === true) {
          expect(Object.keys(parsed)).toEqual(['error']);
          expect(parsed.error).toMatchObject({ type: expect.any(String), code: expect.any(String), message: expect.any(String) });
          expect((parsed.error as { code: string }).code).not.toBe('internal_error');
        } else {
          expect(parsed).toEqual(result.structuredContent);
        }
      },
    ),
    { numRuns: 150 },
  );
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}, 30_000);

/**
 * The paid-media, template and short-URL tools with valid arguments against any body the API could
 * send (fast-check JSON): the readers accept it or the answer is an API error naming what is missing,
 * never a crash and never the "could not read" internal error.
 */
const validArgs: Record<string, Record<string, unknown>> = {
  nevent_paid_ads_health: { provider: 'meta' },
  nevent_list_paid_campaigns: { provider: 'meta' },
  nevent_get_paid_campaign_insights: { provider: 'meta', campaignId: 'c1', from: '2026-05-01', to: '2026-05-07' },
  nevent_paid_attribution: { provider: 'google' },
  nevent_list_paid_ad_groups: { provider: 'meta', campaignId: 'c1' },
  nevent_get_paid_ad_group_insights: { provider: 'tiktok', adGroupId: 'ag1', to: '2026-05-07' },
  nevent_get_paid_ad_group_comparative_stats: { provider: 'meta', adGroupId: 'ag1' },
  nevent_get_paid_ad_group_targeting: { provider: 'meta', adGroupId: 'ag1' },
  nevent_list_paid_ads: { provider: 'meta', adGroupId: 'ag1' },
  nevent_get_paid_ad_creative: { provider: 'meta', adId: 'ad1' },
  nevent_create_template: { name: 'T', format: 'html', html_body: '<p/>' },
  nevent_update_template: { template_id: 'abc', tags: ['x'] },
  nevent_clone_template: { template_id: 'abc' },
  nevent_rename_template: { template_id: 'abc', name: 'N' },
  nevent_preview_template: { template_id: 'abc' },
  nevent_send_test_template: { template_id: 'abc', emails: ['a@b.es'], confirmed: true },
  nevent_list_short_urls: {},
  nevent_get_short_url: { id: 'abc' },
  nevent_get_short_url_metrics: { id: 'abc' },
  nevent_get_short_url_campaign_metrics: { parentShortCode: 'Xj4K9a' },
  nevent_get_short_url_clicks: { id: 'abc' },
  nevent_list_short_url_user_links: { parentShortCode: 'Xj4K9a' },
  nevent_list_short_url_destinations: {},
  nevent_create_short_url: { longUrl: 'https://nevent.es' },
  nevent_update_short_url: { id: 'abc', isActive: false },
  nevent_create_bulk_user_short_urls: { parentShortCode: 'Xj4K9a', userIds: ['u1'] },
};

it('reads any API body for the paid-media, template and short-URL tools into a result or the envelope', async () => {
  let body: unknown = null;
  // Every route answers with the body of the current run.
  const apiRoutes = new Proxy({}, { get: () => () => body });
  const api = await connect('FULL', { apiRoutes });
  try {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(validArgs)), fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.array(fc.dictionary(fc.constantFrom('id', '_id', 'name', 'items', 'rows', 'template', 'createdLinks', 'shortCode', 'userId', 'tags', 'success', 'sentTo', 'detectedMergeTags', 'spend'), fc.jsonValue({ maxDepth: 2 })), { maxLength: 4 })), async (name, sent) => {
        body = sent;
        const result = await api.call(name, validArgs[name]);
        const first = result.content[0];
        const parsed = JSON.parse(first?.type === 'text' ? first.text : 'null') as Record<string, unknown>;
        if (result.isError === true) expect((parsed.error as { code: string }).code, JSON.stringify(parsed)).not.toBe('internal_error');
        else expect(parsed).toEqual(JSON.parse(JSON.stringify(result.structuredContent))); // -0 is 0 in JSON
      }),
      { numRuns: 300 },
    );
  } finally {
    await api.close();
  }
  expect(Object.keys(validArgs).sort()).toEqual(allTools.filter((t) => ['paid-media', 'templates', 'short-urls'].includes(t.domain) && t.name !== 'nevent_paid_ads_status').map((t) => t.name).sort());
}, 60_000);
