/**
 * The demo API's templates, short URLs and paid media over real HTTP: the real shapes (read with the
 * client's own readers), numbers that agree with each other, the real faults (test send `success:
 * false`, the insights pilot's 404), and no tenant reaching another's records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isFailureEnvelope,
  normalizeBulkUserLinks,
  normalizeClicks,
  normalizeDestinationPage,
  normalizePaidEntities,
  normalizePaidObject,
  normalizePaidRows,
  normalizeShortUrl,
  normalizeShortUrlMetrics,
  normalizeShortUrlPage,
  normalizeTemplateAnswer,
  normalizeTemplatePreview,
  normalizeUserLinks,
  PaidAdsStatusSchema,
  type ApiObject,
  type PaidMediaProvider,
} from '../../../src-shared/api';
import { startDemoApi, type DemoApi } from '../../../src-main/demo-api';
import { errorOf, expectCleanError, request, signIn, switchedPair } from './demo-http';

let api: DemoApi;
let madrid: string;
let paris: string;
beforeAll(async () => {
  api = await startDemoApi();
  const owner = (await signIn(api, 'owner')).accessToken;
  madrid = (await switchedPair(api, owner, 'tn-acme-madrid')).accessToken;
  paris = (await switchedPair(api, owner, 'tn-acme-paris')).accessToken;
});
afterAll(async () => {
  await api.close();
});

const get = async (path: string, token = madrid): Promise<unknown> => {
  const response = await request(`${api.url}${path}`, { token });
  expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(200);
  return response.body;
};

describe('templates', () => {
  const create = async (body: unknown, token = madrid) => request(`${api.url}/templates?ensureValidation=false&strict=false&force=false`, { token, body });

  it('creates ({template} with _id), updates, clones, renames, previews for a fan and sends a test', async () => {
    const created = await create({ name: 'Spring reminder', format: 'html', htmlBody: '<p>Hi {{first_name}}, see you at {{venue}}</p>', tags: ['event'] });
    expect(created.status).toBe(201);
    expect((created.body as { template: ApiObject }).template._id).toMatch(/^[0-9a-f]{24}$/);
    const template = normalizeTemplateAnswer(created.body);
    expect(template).toMatchObject({ name: 'Spring reminder', format: 'html', tags: ['event'] });

    const updated = normalizeTemplateAnswer((await request(`${api.url}/templates/${template.id}`, { method: 'PUT', token: madrid, body: { tags: ['event', 'spring'] } })).body);
    expect(updated).toMatchObject({ id: template.id, name: 'Spring reminder', tags: ['event', 'spring'] });

    const copy = normalizeTemplateAnswer(await (await request(`${api.url}/templates/${template.id}/clone`, { token: madrid, body: {} })).body);
    expect(copy.id).not.toBe(template.id);
    expect(copy.name).toBe('Spring reminder (Copy)');

    const renamed = normalizeTemplateAnswer((await request(`${api.url}/templates/${copy.id}/rename`, { method: 'PATCH', token: madrid, body: { name: 'Spring v2' } })).body);
    expect(renamed).toMatchObject({ id: copy.id, name: 'Spring v2' });

    const raw = normalizeTemplatePreview((await request(`${api.url}/templates/${template.id}/preview`, { token: madrid, body: {} })).body);
    expect(raw).toMatchObject({ userResolved: false, personalizedBody: null, detectedMergeTags: ['first_name', 'venue'] });
    const fanEmail = (raw as ApiObject).userEmail;
    expect(fanEmail).toBeNull();

    const sent = await request(`${api.url}/templates/${template.id}/test`, { token: madrid, body: { emails: ['qa@example.com'], subject: 'Test' } });
    expect(sent.body).toEqual({ success: true, sentTo: ['qa@example.com'], subject: 'Test', errorMessage: null });
  });

  it('fills merge tags for a sample fan of the tenant', async () => {
    const template = normalizeTemplateAnswer((await create({ name: 'Tags', format: 'html', htmlBody: '<p>{{first_name}} {{last_name}}</p>' })).body);
    const preview = normalizeTemplatePreview((await request(`${api.url}/templates/${template.id}/preview`, { token: madrid, body: { sampleUserEmail: 'nobody@example.com' } })).body);
    expect(preview.userResolved).toBe(false);
    // A fan of the tenant, found through the user-links of a campaign link (fan ids are the demo's user ids).
    const byId = normalizeTemplatePreview((await request(`${api.url}/templates/${template.id}/preview`, { token: madrid, body: { sampleUserId: await someFanId() } })).body);
    expect(byId.userResolved).toBe(true);
    expect(byId.personalizedBody).toBe(`<p>${String(byId.userDisplayName)}</p>`);
  });

  it('answers an unverified address 200 with success:false and its reason; invalid markup and addresses 400', async () => {
    const template = normalizeTemplateAnswer((await create({ name: 'x', format: 'html', htmlBody: '<p>x</p>' })).body);
    const refused = await request(`${api.url}/templates/${template.id}/test`, { token: madrid, body: { emails: ['qa@unverified.example'] } });
    expect(refused.status).toBe(200);
    expect(isFailureEnvelope(refused.body)).toBe(true);
    expect(errorOf(refused).message).toContain('not verified');
    expectCleanError(await create({ name: 'bad', format: 'mjml', mjmlBody: '<div>' }), 400);
    expectCleanError(await request(`${api.url}/templates/${template.id}/test`, { token: madrid, body: { emails: ['not an address'] } }), 400);
    expectCleanError(await request(`${api.url}/templates/${template.id}/rename`, { method: 'PATCH', token: madrid, body: { name: '' } }), 400);
  });

  it("never serves another tenant's template", async () => {
    const template = normalizeTemplateAnswer((await create({ name: 'Madrid only', format: 'html', htmlBody: '<p/>' })).body);
    expectCleanError(await request(`${api.url}/templates/${template.id}/clone`, { token: paris, body: {} }), 404);
  });
});

async function someFanId(): Promise<string> {
  const page = normalizeShortUrlPage(await get('/admin/short-url?pageSize=200'));
  const child = page.items.find((link) => typeof link.userId === 'string');
  if (child === undefined) throw new Error('no user link in the demo tenant');
  return child.userId as string;
}

describe('short URLs', () => {
  it('pages the links; a link, its metrics, clicks and lifetime count agree', async () => {
    const first = normalizeShortUrlPage(await get('/admin/short-url?page=0&pageSize=5'));
    expect(first.items).toHaveLength(5);
    expect(first.total).toBeGreaterThan(5);
    expect(first.totalPages).toBe(Math.ceil((first.total ?? 0) / 5));
    const all = normalizeShortUrlPage(await get('/admin/short-url?pageSize=200'));
    const manual = all.items.filter((l) => l.userId === null && (l.clickCount as number) > 0);
    expect(manual.length).toBeGreaterThan(0);
    const link = manual[0] as ApiObject & { id: string };
    const again = normalizeShortUrl(await get(`/admin/short-url/${link.id}`));
    expect(again).toStrictEqual(link);
    const metrics = normalizeShortUrlMetrics(await get(`/admin/short-url/${link.id}/metrics?days=365`));
    expect(metrics.totalClicks).toBe(link.clickCount);
    const byDay = Object.values(metrics.clicksByDay as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(byDay).toBe(link.clickCount);
    const clicks = normalizeClicks(await get(`/admin/short-url/${link.id}/clicks?limit=1000`));
    expect(clicks).toHaveLength(Math.min(1000, link.clickCount as number));
    expect(clicks[0]?.clickedAt).toBe(link.lastClickedAt);
    expect([...clicks].map((c) => c.clickedAt)).toEqual([...clicks].map((c) => c.clickedAt).sort().reverse());
    const limited = normalizeClicks(await get(`/admin/short-url/${link.id}/clicks?limit=1`));
    expect(limited).toHaveLength(1);
  });

  it('campaign metrics agree with the user links of the parent', async () => {
    const all = normalizeShortUrlPage(await get('/admin/short-url?pageSize=200'));
    const parent = all.items.find((l) => l.isParent === true);
    if (parent === undefined) throw new Error('no parent link');
    const links = normalizeUserLinks(await get(`/admin/short-url/${String(parent.shortCode)}/user-links`));
    expect(links.length).toBe(parent.userLinksCount);
    expect(links.every((l) => l.parentShortCode === parent.shortCode && typeof l.userId === 'string')).toBe(true);
    const metrics = normalizeShortUrlMetrics(await get(`/admin/short-url/${String(parent.shortCode)}/campaign-metrics?days=365&topN=3`));
    expect(metrics.totalChildUrls).toBe(links.length);
    expect(metrics.totalClicks).toBe(links.reduce((sum, l) => sum + (l.clickCount as number), 0));
    expect(metrics.urlsWithClicks).toBe(links.filter((l) => (l.clickCount as number) > 0).length);
    expect((metrics.topUsersByClicks as unknown[]).length).toBeLessThanOrEqual(3);
  });

  it('creates a link, refuses a taken code and a bad URL, updates (expiresAt null removes it), bulk-creates user links once per user', async () => {
    const created = await request(`${api.url}/admin/short-url`, { token: madrid, body: { longUrl: 'https://nevent.es/e/new', title: 'New', customShortCode: 'Promo26', expiresAt: '2030-01-01T00:00:00Z' } });
    expect(created.status).toBe(201);
    const link = normalizeShortUrl(created.body);
    expect(link).toMatchObject({ shortCode: 'Promo26', clickCount: 0, isActive: true, expiresAt: '2030-01-01T00:00:00.000Z' });
    expect(expectCleanError(await request(`${api.url}/admin/short-url`, { token: madrid, body: { longUrl: 'https://nevent.es/x', customShortCode: 'Promo26' } }), 409).message).toContain('already exists');
    expect(expectCleanError(await request(`${api.url}/admin/short-url`, { token: madrid, body: { longUrl: 'not a url' } }), 400).message).toContain('Invalid URL');
    const updated = normalizeShortUrl((await request(`${api.url}/admin/short-url/${link.id}`, { method: 'PUT', token: madrid, body: { isActive: false, expiresAt: null } })).body);
    expect(updated).toMatchObject({ isActive: false, expiresAt: null, title: 'New' });
    const bulk = normalizeBulkUserLinks((await request(`${api.url}/admin/short-url/Promo26/user-links`, { token: madrid, body: { parentShortCode: 'Promo26', userIds: ['u1', 'u2', 'u2'] } })).body);
    expect(bulk).toMatchObject({ totalRequested: 3, totalCreated: 2 });
    const again = normalizeBulkUserLinks((await request(`${api.url}/admin/short-url/Promo26/user-links`, { token: madrid, body: { parentShortCode: 'Promo26', userIds: ['u1', 'u3'] } })).body);
    expect(again.totalCreated).toBe(1);
    expect(normalizeUserLinks(await get('/admin/short-url/Promo26/user-links')).map((l) => l.userId).sort()).toEqual(['u1', 'u2', 'u3']);
    expect(normalizeShortUrl(await get(`/admin/short-url/${link.id}`))).toMatchObject({ isParent: true, userLinksCount: 3 });
    expectCleanError(await request(`${api.url}/admin/short-url/Promo26/user-links`, { token: madrid, body: { parentShortCode: 'Other1', userIds: ['u1'] } }), 400);
    expectCleanError(await request(`${api.url}/admin/short-url/${link.id}`, { token: paris }), 404);
  });

  it('groups links by destination, filtered by origin', async () => {
    const all = normalizeDestinationPage(await get('/admin/short-url/destinations?origin=ALL&pageSize=100'));
    const campaign = normalizeDestinationPage(await get('/admin/short-url/destinations?origin=CAMPAIGN&pageSize=100'));
    expect(campaign.items.length).toBeGreaterThan(0);
    expect(campaign.items.every((d) => d.origin === 'CAMPAIGN')).toBe(true);
    expect(all.total).toBeGreaterThan(campaign.total ?? Infinity);
    const links = normalizeShortUrlPage(await get('/admin/short-url?pageSize=200'));
    expect(all.items.reduce((sum, d) => sum + (d.linksCount as number), 0)).toBe(links.total);
  });
});

describe('paid media', () => {
  /** A tenant with a connected provider inside the insights pilot, and one outside it or not connected. */
  async function accounts(): Promise<{ inside: { token: string; provider: PaidMediaProvider } | null; outside: { token: string; provider: PaidMediaProvider } | null }> {
    const owner = (await signIn(api, 'owner')).accessToken;
    let inside = null;
    let outside = null;
    for (const tenant of ['tn-acme-madrid', 'tn-acme-paris', 'tn-acme-barcelona', 'tn-acme-valencia', 'tn-acme-lyon', 'tn-acme-lisbon', 'tn-acme-porto', 'tn-acme-es', 'tn-acme-fr', 'tn-acme-pt']) {
      const token = (await switchedPair(api, owner, tenant)).accessToken;
      for (const provider of ['meta', 'google', 'tiktok'] as const) {
        const status = PaidAdsStatusSchema.parse(await get(`/api/ads/${provider}/status`, token));
        const health = await request(`${api.url}/api/ads/${provider}/health`, { token });
        if (status.connected === true && health.status === 200) inside ??= { token, provider };
        else outside ??= { token, provider };
      }
      if (inside !== null && outside !== null) break;
    }
    return { inside, outside };
  }

  it('lists campaigns, ad groups and ads that point at each other; ad group insights add up to the campaign', async () => {
    const { inside } = await accounts();
    if (inside === null) throw new Error('no tenant in the insights pilot');
    const { token, provider } = inside;
    const campaigns = normalizePaidEntities(await get(`/api/ads/${provider}/campaigns`, token), 'campaigns');
    expect(campaigns.length).toBeGreaterThan(1);
    const campaign = campaigns.find((c) => c.status === 'ACTIVE') ?? (campaigns[0] as (typeof campaigns)[number]);
    const groups = normalizePaidEntities(await get(`/api/ads/${provider}/ad-groups?campaignId=${campaign.id}`, token), 'adGroups');
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.every((g) => g.campaignId === campaign.id)).toBe(true);
    const ads = normalizePaidEntities(await get(`/api/ads/${provider}/ads?campaignId=${campaign.id}`, token), 'ads');
    expect(ads.every((a) => a.campaignId === campaign.id && groups.some((g) => g.id === a.adGroupId))).toBe(true);

    const window = 'from=2026-01-01&to=2026-12-31';
    const rows = normalizePaidRows(await get(`/api/ads/${provider}/campaigns/${campaign.id}/insights?${window}`, token), 'rows');
    const groupRows = await Promise.all(groups.map(async (g) => normalizePaidRows(await get(`/api/ads/${provider}/ad-groups/${g.id}/insights?${window}`, token), 'rows')));
    const spend = (list: ApiObject[]) => Math.round(list.reduce((sum, r) => sum + (r.spend as number), 0) * 100) / 100;
    const impressions = (list: ApiObject[]) => list.reduce((sum, r) => sum + (r.impressions as number), 0);
    if (campaign.status !== 'ARCHIVED') expect(rows.length).toBeGreaterThan(0);
    expect(Math.abs(spend(groupRows.flat()) - spend(rows))).toBeLessThanOrEqual(0.01 * rows.length);
    expect(impressions(groupRows.flat())).toBeLessThanOrEqual(impressions(rows));
    expect(impressions(groupRows.flat())).toBeGreaterThanOrEqual(impressions(rows) - groups.length * rows.length);

    const stats = normalizePaidObject(await get(`/api/ads/${provider}/ad-groups/${String(groups[0]?.id)}/comparative-stats?${window}`, token), 'stats');
    expect(stats).toMatchObject({ adGroupId: groups[0]?.id, campaignId: campaign.id, siblingsInCampaign: groups.length - 1 });
    if (groups.length === 1) expect(stats.ctr).toBeNull();
    const targeting = normalizePaidObject(await get(`/api/ads/${provider}/ad-groups/${String(groups[0]?.id)}/targeting`, token), 'targeting');
    expect(targeting.adSetId).toBe(groups[0]?.id);
    const creative = normalizePaidObject(await get(`/api/ads/${provider}/ads/${String(ads[0]?.id)}/creative`, token), 'creative');
    expect(creative).toMatchObject({ adId: ads[0]?.id, utmCampaign: ads[0]?.utmCampaign ?? null });
    const attribution = normalizePaidRows(await get(`/api/ads/${provider}/attribution`, token), 'attribution');
    expect(attribution.map((a) => a.campaignId).sort()).toEqual(campaigns.map((c) => c.id).sort());
    expectCleanError(await request(`${api.url}/api/ads/${provider}/campaigns/nope/insights`, { token }), 404);
    expectCleanError(await request(`${api.url}/api/ads/${provider}/campaigns/${campaign.id}/insights?from=2026-13`, { token }), 400);
  });

  it('answers the insights reads 404 outside the pilot or without a connection; lists stay readable', async () => {
    const { outside } = await accounts();
    if (outside === null) throw new Error('every tenant is connected and in the pilot');
    const { token, provider } = outside;
    expect(expectCleanError(await request(`${api.url}/api/ads/${provider}/health`, { token }), 404).message).toBe('HTTP 404');
    expect(Array.isArray(await get(`/api/ads/${provider}/campaigns`, token))).toBe(true);
  });
});
