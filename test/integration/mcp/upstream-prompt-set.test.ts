/**
 * A prompt set written for Nevent AI (the public Nevent MCP server, docs/upstream-toolset.md): every tool
 * it backs with the HTTP API, called by its name with inputs as its schemas define them (no `tenant_id`,
 * upstream's snake_case and camelCase as they are), and every `nevent_help` topic it has. None may be
 * refused for its input: a prompt that works with Nevent AI works here. Real core, demo API, a v2 SDK
 * client on the app's socket in FULL mode (a client without elicitation, as upstream's clients are).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/server';
import { connectPeer, type Peer } from './peers';
import { startSocketToolset, type SocketToolset } from './socket-toolset-fixture';

/** Upstream's help topics (src/tools/help.ts). */
const upstreamTopics = ['workflows', 'errors', 'tenants', 'analytics', 'segments', 'campaigns', 'templates', 'deliverability', 'paid_media', 'short_urls', 'media'];

/** The 51 tools upstream backs with an HTTP endpoint (docs/upstream-toolset.md, "HTTP-backed tools"). */
const upstreamHttpTools = [
  'nevent_analytics_query', 'nevent_analytics_capabilities', 'nevent_analytics_table_schema', 'nevent_analytics_filter_values', 'nevent_campaign_report',
  'nevent_segmentation_criteria', 'nevent_segment_preview', 'nevent_segment_execute', 'nevent_dimension_values',
  'nevent_list_segments', 'nevent_get_segment', 'nevent_create_segment', 'nevent_update_segment',
  'nevent_create_campaign', 'nevent_schedule_campaign', 'nevent_quote_campaign', 'nevent_get_campaign_metrics', 'nevent_list_campaign_recipients',
  'nevent_upload_image', 'nevent_list_images', 'nevent_delete_image',
  'nevent_paid_ads_status', 'nevent_paid_ads_health', 'nevent_list_paid_campaigns', 'nevent_get_paid_campaign_insights', 'nevent_paid_attribution', 'nevent_list_paid_ad_groups',
  'nevent_get_paid_ad_group_insights', 'nevent_get_paid_ad_group_comparative_stats', 'nevent_get_paid_ad_group_targeting', 'nevent_list_paid_ads', 'nevent_get_paid_ad_creative',
  'nevent_list_short_urls', 'nevent_get_short_url', 'nevent_get_short_url_metrics', 'nevent_get_short_url_campaign_metrics', 'nevent_get_short_url_clicks',
  'nevent_list_short_url_user_links', 'nevent_create_short_url', 'nevent_update_short_url', 'nevent_create_bulk_user_short_urls', 'nevent_list_short_url_destinations',
  'nevent_create_template', 'nevent_update_template', 'nevent_clone_template', 'nevent_rename_template', 'nevent_preview_template', 'nevent_send_test_template',
  'nevent_list_tenants', 'nevent_switch_tenant', 'nevent_reset_tenant',
];

/** A definition as upstream's schema writes it: ids on stanzas and criteria, a modifier. */
const definition = { stanzas: [{ id: 'stanza-1', criteria: [{ id: 'criterion-1', criterion_id: 'city', operator: 'is', value: ['madrid'] }] }] };

let toolset: SocketToolset;
let peer: Peer;
const outcomes = new Map<string, string>();

/** Calls as a Nevent AI prompt would; records the outcome (ok or the error code) and answers the result. */
async function prompt(name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result: CallToolResult = await peer.call(name, args);
  if (result.isError === true) {
    const first = result.content[0];
    const error = (JSON.parse(first?.type === 'text' ? first.text : '{}') as { error: { code: string; message: string; param?: string } }).error;
    outcomes.set(`${name} ${JSON.stringify(args).slice(0, 80)}`, `${error.code}${error.param === undefined ? '' : ` (${error.param})`}: ${error.message}`);
    return {};
  }
  outcomes.set(`${name} ${JSON.stringify(args).slice(0, 80)}`, 'ok');
  return result.structuredContent as Record<string, unknown>;
}

beforeAll(async () => {
  toolset = await startSocketToolset('upstream-prompts');
  peer = await connectPeer('modern', { kind: 'socket', path: toolset.server.path }, 'nevent-ai-prompts');
}, 120_000);
afterAll(async () => {
  await peer?.close();
  await toolset?.close();
});

describe('prompts written for Nevent AI', () => {
  it('every upstream HTTP tool, with inputs as upstream defines them, runs without an input refusal', async () => {
    const tenants = await prompt('nevent_list_tenants', {});
    expect((tenants.tenants as unknown[]).length).toBeGreaterThan(1);
    await prompt('nevent_switch_tenant', { tenant_id: 'tn-acme-es' });

    // Analytics and audiences.
    await prompt('nevent_analytics_capabilities', {});
    await prompt('nevent_analytics_table_schema', { table: 'campaigns' });
    await prompt('nevent_analytics_filter_values', { collection: 'campaigns', filters: [{ field: 'channel' }] });
    await prompt('nevent_analytics_filter_values', { collection: 'campaigns', filters: [] });
    await prompt('nevent_analytics_query', { collection: 'campaigns', dimensions: [{ field: 'channel', alias: 'ch' }], metrics: [{ field: 'sent', operation: 'sum', alias: 'sent' }], filters: [{ field: 'status', operator: 'eq', value: 'EXECUTED' }], sort: { field: 'sent', order: 'desc' }, limit: 10, dryRun: true });
    await prompt('nevent_campaign_report', { year: 2025, month: 12 });
    await prompt('nevent_segmentation_criteria', {});
    await prompt('nevent_segment_preview', { definition });
    await prompt('nevent_segment_execute', { definition, page: 0, page_size: 20 });
    await prompt('nevent_dimension_values', { criterion_id: 'city', search: 'ma' });

    // Segments (upstream's list takes no input; its ids are 24-hex).
    const segments = (await prompt('nevent_list_segments', {})).segments as Array<{ id: string }>;
    const segmentId = segments[0]?.id as string;
    await prompt('nevent_get_segment', { segment_id: segmentId });
    const created = (await prompt('nevent_create_segment', { name: 'Madrid fans (Nevent AI prompt)', definition, description: 'From a prompt' })).segment as { id: string };
    await prompt('nevent_update_segment', { segment_id: created.id, name: 'Madrid fans, renamed', definition });

    // Campaigns.
    const campaigns = (await prompt('nevent_list_campaigns', { status: 'EXECUTED', limit: 5, sort: 'executedAt', sort_order: 'desc' })).campaigns as Array<{ id: string }>;
    const campaignId = campaigns[0]?.id as string;
    await prompt('nevent_get_campaign_metrics', { campaign_id: campaignId });
    await prompt('nevent_list_campaign_recipients', { campaign_id: campaignId, status: 'DELIVERED', page: 0, page_size: 25 });
    await prompt('nevent_quote_campaign', { channel: 'SMS', segment_ids: [segmentId], transactional: false });
    const draft = (await prompt('nevent_create_campaign', { name: 'Spring presale', channel: 'EMAIL', email_subject: 'Presale opens', email_body: '<p>Hello {{first_name}}</p>', preview_text: 'Tickets', from_name: 'Acme', reply_to: 'hello@acme.example', segment_ids: [segmentId], utm_source: 'nevent', utm_campaign: 'spring' })).campaign as { id: string };
    await prompt('nevent_schedule_campaign', { campaign_id: draft.id, scheduled_time: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(), confirmed: true });

    // Media (upstream: a data URL or raw base64, an optional name and type).
    const image = await prompt('nevent_upload_image', { source: 'R0lGODlhAQABAAAAACwAAAAAAQABAAA=', imageName: 'pixel.gif', mimeType: 'image/gif' });
    await prompt('nevent_list_images', {});
    await prompt('nevent_delete_image', { urls: [image.destinationUrl] });

    // Paid media (provider in the path; the provider's own ids, camelCase).
    await prompt('nevent_paid_ads_status', { provider: 'meta' });
    await prompt('nevent_paid_ads_health', { provider: 'meta' });
    const paid = (await prompt('nevent_list_paid_campaigns', { provider: 'meta' })).campaigns as Array<{ id: string }> | undefined;
    const paidCampaign = paid?.[0]?.id ?? 'none';
    await prompt('nevent_get_paid_campaign_insights', { provider: 'meta', campaignId: paidCampaign, from: '2026-01-01', to: '2026-01-07' });
    await prompt('nevent_paid_attribution', { provider: 'meta' });
    const groups = (await prompt('nevent_list_paid_ad_groups', { provider: 'meta', campaignId: paidCampaign })).adGroups as Array<{ id: string }> | undefined;
    const adGroupId = groups?.[0]?.id ?? 'none';
    await prompt('nevent_get_paid_ad_group_insights', { provider: 'meta', adGroupId });
    await prompt('nevent_get_paid_ad_group_comparative_stats', { provider: 'meta', adGroupId, from: '2026-01-01' });
    await prompt('nevent_get_paid_ad_group_targeting', { provider: 'meta', adGroupId });
    const ads = (await prompt('nevent_list_paid_ads', { provider: 'meta', campaignId: paidCampaign, adGroupId })).ads as Array<{ id: string }> | undefined;
    await prompt('nevent_get_paid_ad_creative', { provider: 'meta', adId: ads?.[0]?.id ?? 'none' });

    // Short URLs.
    const links = (await prompt('nevent_list_short_urls', { isActive: true, page: 0, pageSize: 50 })).items as Array<{ id: string; isParent?: boolean; shortCode: string }>;
    const link = links.find((l) => l.isParent !== true) ?? links[0];
    const parent = links.find((l) => l.isParent === true);
    await prompt('nevent_get_short_url', { id: link?.id });
    await prompt('nevent_get_short_url_metrics', { id: link?.id, days: 30 });
    await prompt('nevent_get_short_url_clicks', { id: link?.id, limit: 100 });
    await prompt('nevent_get_short_url_campaign_metrics', { parentShortCode: parent?.shortCode ?? link?.shortCode, days: 30, topN: 10 });
    await prompt('nevent_list_short_url_user_links', { parentShortCode: parent?.shortCode ?? link?.shortCode });
    await prompt('nevent_list_short_url_destinations', { origin: 'ALL', page: 0, pageSize: 20 });
    const made = await prompt('nevent_create_short_url', { longUrl: 'https://acme.example/presale', title: 'Presale', tags: ['spring'], metadata: { source: 'prompt' } });
    await prompt('nevent_update_short_url', { id: (made.short_url as { id: string }).id, title: 'Presale (updated)', isActive: true, expiresAt: null });
    await prompt('nevent_create_bulk_user_short_urls', { parentShortCode: parent?.shortCode ?? link?.shortCode, userIds: ['fan-prompt-1'] });

    // Templates.
    const template = (await prompt('nevent_create_template', { name: 'Presale', format: 'html', html_body: '<p>Hi {{first_name}}</p>', tags: ['spring'] })).template as { id: string };
    await prompt('nevent_update_template', { template_id: template.id, name: 'Presale v2', html_body: '<p>Hello {{first_name}}</p>' });
    await prompt('nevent_clone_template', { template_id: template.id });
    await prompt('nevent_rename_template', { template_id: template.id, name: 'Presale final' });
    await prompt('nevent_preview_template', { template_id: template.id, sample_user_email: 'nobody@demo.nevent.local', subject: 'Preview' });
    await prompt('nevent_send_test_template', { template_id: template.id, emails: ['qa@acme.example'], subject: 'Test' });

    await prompt('nevent_reset_tenant', {});

    const called = new Set([...outcomes.keys()].map((key) => key.split(' ')[0]));
    expect(upstreamHttpTools.filter((name) => !called.has(name))).toEqual([]);
    // No prompt was refused for its input; what upstream's tools would answer differently is said, not refused.
    const refusedInput = [...outcomes].filter(([, outcome]) => /^(validation_failed|invalid_request)/.test(outcome));
    expect(refusedInput).toEqual([]);
    // Tools that send or delete ask first (confirmation_required); paid insights may be outside the pilot.
    const notOk = [...outcomes].filter(([, outcome]) => outcome !== 'ok').map(([key, outcome]) => `${key.split(' ')[0]}: ${outcome.split(':')[0]}`);
    for (const entry of notOk) expect(entry).toMatch(/(nevent_delete_image|nevent_send_test_template): confirmation_required|feature_gate_not_enrolled/);
  }, 120_000);

  it.each(upstreamTopics)('nevent_help({ topic: "%s" }) answers', async (topic) => {
    const answer = await prompt('nevent_help', { topic });
    expect(answer.guidance).toEqual(expect.any(String));
    expect((answer.guidance as string).length).toBeGreaterThan(200);
  });
});
