/**
 * Every paid-media, template and short-URL tool through a real MCP client over the app's socket, against
 * the real core and the demo API over HTTP: each call names its tenant (`tenant_id`) and is answered from
 * it, the numbers agree across tools, DELETE-class tools do nothing without `confirmed: true`, and another
 * tenant's records stay out of reach.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { McpAuditLog } from '../../../src-main/mcp/audit-log';
import { fixedMode } from '../../../src-main/mcp/operation-mode';
import { startMcpSocketServer, type McpSocketServer } from '../../../src-main/mcp/socket-server';
import { paidMediaTemplateShortUrlToolNames } from '../../helpers/contract-tools';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { failure, ok } from './envelope-assert';
import { connectClient, tempSocketPath, type SocketClient } from './socket-helpers';

let fixture: CoreFixture;
let server: McpSocketServer;
let temp: { path: string; cleanup: () => void };
let client: SocketClient;
const audit = new McpAuditLog();
const called = new Set<string>();
const madrid = 'tn-acme-madrid';
const paris = 'tn-acme-paris';

beforeAll(async () => {
  fixture = await startCoreFixture({ user: 'owner' });
  temp = tempSocketPath();
  server = await startMcpSocketServer({ registry: fixture.core.registry, socketPath: temp.path, mode: fixedMode('FULL'), audit, maxLineBytes: 256 * 1024 });
  client = await connectClient(temp.path, 'toolset-b');
}, 120_000);

afterAll(async () => {
  await client.close();
  await server.close();
  await fixture.close();
  temp.cleanup();
});

type Out = Record<string, unknown>;
async function run(name: string, args: Out, tenant = madrid): Promise<Out> {
  called.add(name);
  const out = ok(await client.call(name, { ...args, tenant_id: tenant }));
  expect(out.tenant_id, name).toBe(tenant);
  return out;
}
async function refused(name: string, args: Out, tenant = madrid): Promise<{ code: string; message: string; param?: string }> {
  called.add(name);
  return failure(await client.call(name, { ...args, tenant_id: tenant }));
}

describe.skipIf(process.platform === 'win32')('short URLs', () => {
  it('lists, reads, measures and follows clicks; the counts agree', async () => {
    const page = await run('nevent_list_short_urls', { pageSize: 200 });
    const links = page.items as Out[];
    expect(page.total).toBe(links.length);
    const clicked = links.find((l) => l.userId === undefined && (l.clickCount as number) > 0) as Out;
    const one = await run('nevent_get_short_url', { id: clicked.id });
    expect(one.short_url).toEqual(clicked);
    const metrics = (await run('nevent_get_short_url_metrics', { id: clicked.id, days: 365 })).metrics as Out;
    expect(metrics.totalClicks).toBe(clicked.clickCount);
    const clicks = await run('nevent_get_short_url_clicks', { id: clicked.id, limit: 1000 });
    expect(clicks.count).toBe(Math.min(1000, clicked.clickCount as number));
    expect(JSON.stringify(clicks)).not.toMatch(/203\.0\.113|Mozilla/);
    const byCountry = Object.values(clicks.by_country as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(byCountry).toBe(clicks.count);

    const parent = links.find((l) => l.isParent === true) as Out;
    const userLinks = await run('nevent_list_short_url_user_links', { parentShortCode: parent.shortCode, limit: 10 });
    expect(userLinks.total).toBe(parent.userLinksCount);
    const campaign = (await run('nevent_get_short_url_campaign_metrics', { parentShortCode: parent.shortCode, days: 365, topN: 5 })).metrics as Out;
    expect(campaign.totalChildUrls).toBe(parent.userLinksCount);
    const destinations = await run('nevent_list_short_url_destinations', { origin: 'CAMPAIGN' });
    expect((destinations.items as Out[]).some((d) => d.canonicalShortCode === parent.shortCode)).toBe(true);
  });

  it('shortens a link for each fan, updates it, and keeps it out of another tenant', async () => {
    const created = (await run('nevent_create_short_url', { longUrl: 'https://nevent.es/e/ai-made', title: 'From the AI', tags: ['ai'] })).short_url as Out;
    expect(created).toMatchObject({ longUrl: 'https://nevent.es/e/ai-made', clickCount: 0, isActive: true });
    const bulk = await run('nevent_create_bulk_user_short_urls', { parentShortCode: created.shortCode, userIds: ['fan-1', 'fan-2', 'fan-2'] });
    expect(bulk).toMatchObject({ totalRequested: 3, totalCreated: 2 });
    expect((bulk.links as Out[]).map((l) => l.userId).sort()).toEqual(['fan-1', 'fan-2']);
    const listed = await run('nevent_list_short_url_user_links', { parentShortCode: created.shortCode });
    expect((listed.links as Out[]).map((l) => l.shortUrl).sort()).toEqual((bulk.links as Out[]).map((l) => l.shortUrl).sort());
    const updated = (await run('nevent_update_short_url', { id: created.id, isActive: false, expiresAt: '2030-01-01T00:00:00Z' })).short_url as Out;
    expect(updated).toMatchObject({ isActive: false, expiresAt: '2030-01-01T00:00:00.000Z', title: 'From the AI' });
    expect((await refused('nevent_get_short_url', { id: created.id }, paris)).code).toBe('not_found');
    expect((await refused('nevent_create_short_url', { longUrl: 'https://nevent.es/x', customShortCode: created.shortCode })).code).toBe('conflict');
  });
});

describe.skipIf(process.platform === 'win32')('templates', () => {
  it('creates, updates, clones, renames and previews; a test email needs confirmed: true', async () => {
    const made = (await run('nevent_create_template', { name: 'AI reminder', format: 'mjml', mjml_body: '<mjml><mj-body><mj-text>Hi {{first_name}}</mj-text></mj-body></mjml>', tags: ['ai'] })).template as Out;
    expect(made).toMatchObject({ name: 'AI reminder', format: 'mjml', tags: ['ai'] });
    expect(((await run('nevent_update_template', { template_id: made.id, tags: ['ai', 'v2'] })).template as Out).tags).toEqual(['ai', 'v2']);
    const copy = (await run('nevent_clone_template', { template_id: made.id })).template as Out;
    expect(copy.name).toBe('AI reminder (Copy)');
    expect(((await run('nevent_rename_template', { template_id: copy.id, name: 'AI reminder v2' })).template as Out).name).toBe('AI reminder v2');
    const preview = (await run('nevent_preview_template', { template_id: made.id, subject: 'Hello {{first_name}}' })).preview as Out;
    expect(preview.detectedMergeTags).toEqual(['first_name']);

    const asked = await refused('nevent_send_test_template', { template_id: made.id, emails: ['qa@example.com'] });
    expect(asked.code).toBe('confirmation_required');
    expect(asked.message).toContain('qa@example.com');
    const sent = (await run('nevent_send_test_template', { template_id: made.id, emails: ['qa@example.com'], confirmed: true })).result as Out;
    expect(sent).toMatchObject({ success: true, sentTo: ['qa@example.com'] });
    const unverified = await refused('nevent_send_test_template', { template_id: made.id, emails: ['qa@unverified.example'], confirmed: true });
    expect(unverified).toMatchObject({ code: 'api_error' });
    expect(unverified.message).toContain('not verified');
    expect((await refused('nevent_clone_template', { template_id: made.id }, paris)).code).toBe('not_found');
    expect((await refused('nevent_create_template', { name: 'bad', format: 'mjml', mjml_body: '<div/>' })).code).toBe('validation_failed');
  });
});

describe.skipIf(process.platform === 'win32')('paid media', () => {
  /** The first tenant and provider connected and inside the insights pilot, and one that is not. */
  async function find(): Promise<{ inside: { tenant: string; provider: string }; outside: { tenant: string; provider: string } }> {
    let inside: { tenant: string; provider: string } | null = null;
    let outside: { tenant: string; provider: string } | null = null;
    for (const tenant of [madrid, paris, 'tn-acme-barcelona', 'tn-acme-valencia', 'tn-acme-lyon', 'tn-acme-lisbon', 'tn-acme-porto']) {
      for (const provider of ['meta', 'google', 'tiktok']) {
        const status = ok(await client.call('nevent_paid_ads_status', { provider, tenant_id: tenant }));
        const health = await client.call('nevent_paid_ads_health', { provider, tenant_id: tenant });
        if (status.connected === true && health.isError !== true) inside ??= { tenant, provider };
        if (health.isError === true) outside ??= { tenant, provider };
      }
      if (inside !== null && outside !== null) return { inside, outside };
    }
    throw new Error('the demo has no tenant inside and outside the insights pilot');
  }

  it('walks campaigns → ad groups → ads, with insights that add up and attribution per campaign', async () => {
    const { inside, outside } = await find();
    const { tenant, provider } = inside;
    expect((await run('nevent_paid_ads_health', { provider }, tenant)).health).toMatchObject({ provider, featureGate: { isInsightsEnabled: true } });
    const campaigns = (await run('nevent_list_paid_campaigns', { provider }, tenant)).campaigns as Out[];
    const campaign = campaigns.find((c) => c.status === 'ACTIVE') ?? (campaigns[0] as Out);
    const window = { from: '2026-01-01', to: '2026-12-31' };
    const insights = await run('nevent_get_paid_campaign_insights', { provider, campaignId: campaign.id, ...window }, tenant);
    const totals = insights.totals as Out;
    const groups = (await run('nevent_list_paid_ad_groups', { provider, campaignId: campaign.id }, tenant)).adGroups as Out[];
    let groupSpend = 0;
    for (const group of groups) groupSpend += ((await run('nevent_get_paid_ad_group_insights', { provider, adGroupId: group.id, ...window }, tenant)).totals as Out).spend as number;
    expect(Math.abs(groupSpend - ((totals.spend as number | null) ?? 0))).toBeLessThanOrEqual(0.01 * (insights.count as number) + 0.01);
    const group = groups[0] as Out;
    expect(((await run('nevent_get_paid_ad_group_comparative_stats', { provider, adGroupId: group.id, ...window }, tenant)).stats as Out).siblingsInCampaign).toBe(groups.length - 1);
    expect(((await run('nevent_get_paid_ad_group_targeting', { provider, adGroupId: group.id }, tenant)).targeting as Out).adSetId).toBe(group.id);
    const ads = (await run('nevent_list_paid_ads', { provider, adGroupId: group.id }, tenant)).ads as Out[];
    expect(ads.every((a) => a.adGroupId === group.id)).toBe(true);
    expect(((await run('nevent_get_paid_ad_creative', { provider, adId: ads[0]?.id }, tenant)).creative as Out).adId).toBe(ads[0]?.id);
    const attribution = (await run('nevent_paid_attribution', { provider }, tenant)).attribution as Out[];
    expect(attribution.map((a) => a.campaignId).sort()).toEqual(campaigns.map((c) => c.id).sort());

    expect((await refused('nevent_get_paid_campaign_insights', { provider: outside.provider, campaignId: 'camp_1' }, outside.tenant)).code).toBe('feature_gate_not_enrolled');
  });
});

describe.skipIf(process.platform === 'win32')('every tool of these domains', () => {
  it('was called above through the client', () => {
    expect([...called].sort()).toEqual([...paidMediaTemplateShortUrlToolNames].sort());
  });

  it('STANDARD runs the writes, the test email (WRITE class, as upstream) only once confirmed', async () => {
    const standardServer = await startMcpSocketServer({ registry: fixture.core.registry, socketPath: `${temp.path}.ro`, mode: fixedMode('STANDARD'), audit: new McpAuditLog(), maxLineBytes: 64 * 1024 });
    const standard = await connectClient(`${temp.path}.ro`, 'standard');
    try {
      expect(failure(await standard.call('nevent_send_test_template', { template_id: 'x', emails: ['a@b.es'], tenant_id: madrid })).code).toBe('confirmation_required');
      // Confirmed, it reaches the API (which knows no template x).
      expect(failure(await standard.call('nevent_send_test_template', { template_id: 'x', emails: ['a@b.es'], confirmed: true, tenant_id: madrid })).code).toBe('not_found');
      expect(ok(await standard.call('nevent_create_short_url', { longUrl: 'https://nevent.es/std', tenant_id: madrid })).tenant_id).toBe(madrid);
    } finally {
      await standard.close();
      await standardServer.close();
    }
  });

  it('records each call once in the audit log, in the tenant it ran in, under its domain', () => {
    const entries = audit.entries().filter((e) => e.kind === 'tool' && e.name === 'nevent_create_template');
    // Two calls above: the template made, and the one the API refused (invalid MJML).
    expect(entries.map((e) => `${e.tenantId}:${e.result}:${e.domain}`)).toEqual([`${madrid}:ok:templates`, `${madrid}:validation_failed:templates`]);
    // The domain follows the tool, refused calls included.
    const domains = new Set(audit.entries().filter((e) => e.name.startsWith('nevent_create_short_url') || e.name === 'nevent_send_test_template').map((e) => `${e.name}:${e.domain}`));
    expect([...domains].sort()).toEqual(['nevent_create_short_url:short-urls', 'nevent_send_test_template:templates']);
  });
});
