/**
 * Property tests: any JSON arguments to any tool give a result (success or the envelope), never a crash;
 * and any body the Nevent API might send to a toolset tool is read or refused as an `api_error`, never
 * an internal error (the readers are liberal, the output schemas hold).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/server';
import { allTools } from '../../../src-main/mcp/tools';
import { connect } from './harness';
import type { Harness } from './harness';

const keys = fc.constantFrom(
  ...['tenantId', 'tenant_id', 'segment_id', 'name', 'definition', 'description', 'version', 'search', 'limit', 'cursor', 'status', 'channel', 'provider', 'topic', '__proto__', 'constructor', 'toString', ''],
  // The toolset's inputs (issue 12).
  ...['campaign_id', 'page', 'page_size', 'criterion_id', 'collection', 'filters', 'metrics', 'dimensions', 'dryRun', 'table', 'year', 'month', 'segment_ids', 'scheduled_time', 'confirmed', 'urls', 'source', 'file_path', 'imageName', 'email_body', 'utm_custom_params', 'offset'],
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
  expect(parsed).toEqual(result.structuredContent);
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
      { numRuns: 300 },
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
  nevent_create_campaign: { name: 'Draft', channel: 'SMS' },
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
      { numRuns: 400 },
    );
  }, 60_000);
});
