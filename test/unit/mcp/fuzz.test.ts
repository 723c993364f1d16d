/**
 * Property tests: any JSON arguments to any tool give a result (success or the envelope), never a crash;
 * and any body the Nevent API might send to a toolset tool is read or refused as an `api_error`, never
 * an internal error (the readers are liberal, the output schemas hold).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/server';
import { allTools } from '../../../src-main/mcp/tools';
import { propertyRuns } from '../../helpers/property-runs';
import { connect } from './harness';
import type { Harness } from './harness';

const keys = fc.constantFrom(
  ...['tenantId', 'tenant_id', 'segment_id', 'name', 'definition', 'description', 'version', 'search', 'limit', 'cursor', 'status', 'channel', 'provider', 'topic', '__proto__', 'constructor', 'toString', ''],
  // The toolset's inputs.
  ...['campaign_id', 'page', 'page_size', 'criterion_id', 'collection', 'filters', 'metrics', 'dimensions', 'dryRun', 'table', 'year', 'month', 'segment_ids', 'scheduled_time', 'confirmed', 'urls', 'source', 'file_path', 'imageName', 'email_body', 'utm_custom_params', 'offset'],
  ...['id', 'template_id', 'parentShortCode', 'campaignId', 'adGroupId', 'adId', 'longUrl', 'userIds', 'emails', 'from', 'to', 'pageSize', 'isActive'],
);

/** The envelope or the structured result, checked; returns the error code (null for a success). */
function checked(result: CallToolResult): string | null {
  const first = result.content[0];
  expect(first?.type).toBe('text');
  const parsed = JSON.parse(first?.type === 'text' ? first.text : 'null') as Record<string, unknown>;
  if (result.isError === true) {
    expect(Object.keys(parsed)).toEqual(['error']);
    expect(parsed.error).toMatchObject({ type: expect.any(String), code: expect.any(String), message: expect.any(String) });
    const code = (parsed.error as { code: string }).code;
    expect(code).not.toBe('internal_error');
    return code;
  }
  expect(parsed).toEqual(JSON.parse(JSON.stringify(result.structuredContent))); // JSON has no -0
  return null;
}

describe('arbitrary arguments', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await connect('FULL');
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers arbitrary arguments with a result or the envelope', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...allTools.map((t) => t.name)), fc.dictionary(keys, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }), async (name, args) => {
        checked(await h.call(name, args));
      }),
      propertyRuns<[string, Record<string, unknown>]>('fuzz: arbitrary arguments', 300),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 60_000);
});

/** A valid call of every toolset tool that reaches the API through `callApi` (so its reader runs). */
const validCalls: Record<string, Record<string, unknown>> = {
  nevent_segment_execute: { definition: { stanzas: [] }, page_size: 5 },
  nevent_dimension_values: { criterion_id: 'city' },
  nevent_get_campaign_metrics: { campaign_id: 'c1' },
  nevent_list_campaign_recipients: { campaign_id: 'c1' },
  nevent_quote_campaign: { channel: 'EMAIL', segment_ids: ['s1'] },
  nevent_create_campaign: { name: 'Draft', channel: 'SMS', message: 'See you at the arena' },
  nevent_get_campaign: { campaign_id: 'c1' },
  nevent_schedule_campaign: { campaign_id: 'c1', scheduled_time: '2099-01-01T00:00:00Z', confirmed: true },
  nevent_analytics_table_schema: { table: 'campaigns' },
  nevent_analytics_filter_values: { collection: 'campaigns', filters: [{ field: 'status' }] },
  nevent_analytics_query: { collection: 'campaigns' },
  nevent_campaign_report: { year: 2026, month: 1 },
  nevent_list_images: {},
  nevent_upload_image: { source: 'data:image/gif;base64,R0lGODlhAQABAAAAACwAAAAAAQABAAA=' },
  nevent_delete_image: { urls: ['https://cdn.example/a.png'], confirmed: true },
};

describe('arbitrary API answers', () => {
  let h: Harness;
  let body: unknown = null;
  beforeAll(async () => {
    // Every endpoint answers with the body of the current run.
    const anyRoute = new Proxy({}, { get: () => () => body });
    h = await connect('FULL', { apiRoutes: anyRoute });
  });
  afterAll(async () => {
    await h.close();
  });

  it('covers every toolset tool that calls the API', () => {
    const unlisted = allTools.filter((tool) => ['analytics', 'campaigns', 'audiences', 'media'].includes(tool.domain) && validCalls[tool.name] === undefined).map((tool) => tool.name);
    // The older tools read through the session's own operations (their answers are fuzzed in core tests).
    expect(unlisted.sort()).toEqual(['nevent_analytics_capabilities', 'nevent_create_segment', 'nevent_get_segment', 'nevent_list_campaigns', 'nevent_list_segments', 'nevent_segment_preview', 'nevent_segmentation_criteria', 'nevent_update_segment']);
  });

  it('reads any body as a result or refuses it as an api_error', async () => {
    const bodies = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.dictionary(fc.constantFrom('id', 'fans', 'content', 'values', 'total_fans', 'page', 'destinationUrl', 'Q1', 'errors', 'results', 'columns', 'data', 'metadata', 'status', 'name'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(validCalls)), bodies, async (name, answer) => {
        body = answer;
        const code = checked(await h.call(name, validCalls[name]));
        // Scheduling reads the campaign first: a record in another status than DRAFT is a conflict.
        const allowed = name === 'nevent_schedule_campaign' ? ['api_error', 'conflict'] : ['api_error'];
        if (code !== null) expect(allowed, `${name} ← ${JSON.stringify(answer).slice(0, 200)}`).toContain(code);
      }),
      propertyRuns<[string, unknown]>('fuzz: arbitrary API answers', 400, [
        // Found by this suite: a page number of -5e-324 in a recipients page became internal_error.
        ['nevent_list_campaign_recipients', { content: [], page: -5e-324 }],
        ['nevent_list_campaign_recipients', { content: [{ userId: 'u1' }], number: 2.5, totalElements: 1e300, totalPages: -1 }],
        ['nevent_list_campaign_recipients', [{ userId: 'u1', email: 'a@b.es' }]],
        ['nevent_segment_execute', { fans: [], total_fans: 1e300, current_page: -5e-324, total_pages: 0.5 }],
        ['nevent_list_images', { resources: [{ src: 'https://cdn.example/a.png', size: -5e-324 }] }],
      ]),
    );
  }, 60_000);
});

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

describe('arbitrary API answers to the paid-media, template and short-URL tools', () => {
  it('reads any body as a result or refuses it as an api_error', async () => {
    let body: unknown = null;
    // Every route answers with the body of the current run.
    const apiRoutes = new Proxy({}, { get: () => () => body });
    const api = await connect('FULL', { apiRoutes });
    try {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...Object.keys(validArgs)), fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.array(fc.dictionary(fc.constantFrom('id', '_id', 'name', 'items', 'rows', 'template', 'createdLinks', 'shortCode', 'userId', 'tags', 'success', 'sentTo', 'detectedMergeTags', 'spend'), fc.jsonValue({ maxDepth: 2 })), { maxLength: 4 })), async (name, sent) => {
          body = sent;
          const code = checked(await api.call(name, validArgs[name]));
          if (code !== null) expect(code, `${name} ← ${JSON.stringify(sent).slice(0, 200)}`).toBe('api_error');
        }),
        propertyRuns<[string, unknown]>('fuzz: paid media, templates, short URLs', 300, [
          ['nevent_list_short_urls', { items: [], total: 1e300, page: -5e-324, pageSize: 0.5, totalPages: -3 }],
          ['nevent_list_short_url_destinations', [{ destinationKey: 'k', totalClicks: 1e300 }]],
        ]),
      );
    } finally {
      await api.close();
    }
    expect(Object.keys(validArgs).sort()).toEqual(allTools.filter((t) => ['paid-media', 'templates', 'short-urls'].includes(t.domain) && t.name !== 'nevent_paid_ads_status').map((t) => t.name).sort());
  }, 60_000);
});
