/**
 * The short-URL tools against real-shaped answers (test/fixtures/nevent-api/core.short-urls.*): what
 * they send (upstream's names, only what was given, ids encoded into one path segment), what they
 * answer (empty fields dropped, clicks without personal data, pages), and the envelope for bad input.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiCall } from '../../../src-main/core/http/api-call';
import { CoreError } from '../../../src-main/core/common/core-error';
import { loadNeventCorpus } from '../../helpers/nevent-fixtures';
import { connect, failure, ok, type Harness } from './harness';

const corpus = await loadNeventCorpus();
const body = (file: string, index = 0): unknown => corpus.files.find((f) => f.file === file)?.cases[index]?.body;

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const id = '507f1f77bcf86cd799439011';

async function withRoutes(mode: 'READ_ONLY' | 'STANDARD', routes: Record<string, (call: ApiCall) => unknown>): Promise<{ h: Harness; sent: ApiCall[] }> {
  const sent: ApiCall[] = [];
  const apiRoutes = Object.fromEntries(Object.entries(routes).map(([key, answer]) => [key, (call: ApiCall) => (sent.push(call), answer(call))]));
  h = await connect(mode, { apiRoutes });
  return { h, sent };
}

describe('reads', () => {
  it('lists a page with upstream query names, links without empty fields, and the next page', async () => {
    const { h, sent } = await withRoutes('READ_ONLY', { 'core GET /admin/short-url': () => ({ ...(body('core.short-urls.list.json', 2) as object), total: 45, totalPages: 3 }) });
    const out = ok(await h.call('nevent_list_short_urls', { isActive: true, search: 'summer', page: 0 }));
    expect(sent[0]?.query).toEqual({ isActive: 'true', search: 'summer', page: 0, pageSize: 20 });
    expect(out).toMatchObject({ total: 45, page: 0, totalPages: 3, next_page: 1, tenant_id: 'tenant-root' });
    const [user] = out.items as Record<string, unknown>[];
    expect(user).toMatchObject({ id: '507f1f77bcf86cd799439012', shortCode: 'Ab1234', userId: 'user-001' });
    expect(user).not.toHaveProperty('title'); // null upstream: dropped
    expect(user).not.toHaveProperty('tags'); // []: dropped
  });

  it('reads one link, its metrics and campaign metrics with the defaults upstream uses', async () => {
    const { h, sent } = await withRoutes('READ_ONLY', {
      [`core GET /admin/short-url/${id}`]: () => body('core.short-urls.get.json'),
      [`core GET /admin/short-url/${id}/metrics`]: () => body('core.short-urls.metrics.json'),
      'core GET /admin/short-url/Xj4K9a/campaign-metrics': () => body('core.short-urls.campaign-metrics.json'),
    });
    expect(ok(await h.call('nevent_get_short_url', { id })).short_url).toMatchObject({ id, shortCode: 'Xj4K9a', userLinksCount: 150 });
    expect(ok(await h.call('nevent_get_short_url_metrics', { id })).metrics).toMatchObject({ totalClicks: 47, clicksByDay: { '2025-05-10': 5 } });
    expect(ok(await h.call('nevent_get_short_url_campaign_metrics', { parentShortCode: 'Xj4K9a', topN: 3 })).metrics).toMatchObject({ totalChildUrls: 150 });
    expect(sent.map((c) => c.query)).toEqual([undefined, { days: 30 }, { days: 30, topN: 3 }]);
  });

  it('answers clicks without IP addresses or user agents, with counts', async () => {
    const { h, sent } = await withRoutes('READ_ONLY', { [`core GET /admin/short-url/${id}/clicks`]: () => [...(body('core.short-urls.clicks.json') as object[]), ...(body('core.short-urls.clicks.json', 1) as object[])] });
    const out = ok(await h.call('nevent_get_short_url_clicks', { id, limit: 2 }));
    expect(sent[0]?.query).toEqual({ limit: 2 });
    expect(out.count).toBe(2);
    expect(JSON.stringify(out)).not.toMatch(/1\.2\.3\.4|Mozilla|ipAddress|userAgent|fbclid/);
    expect(out.clicks).toEqual([
      { clickedAt: '2025-05-10T14:23:00Z', shortCode: 'Xj4K9a', country: 'ES', device: 'mobile', browser: 'Chrome', os: 'Android', referer: 'https://instagram.com', isPaidTraffic: false },
      { clickedAt: '2025-05-11T09:00:00Z', shortCode: 'Xj4K9a', device: 'unknown', utmSource: 'facebook', utmMedium: 'cpc', utmCampaign: 'summer', isPaidTraffic: true },
    ]);
    expect(out.by_country).toEqual({ ES: 1, unknown: 1 });
  });

  it('pages the user links of a parent with limit/cursor', async () => {
    const links = Array.from({ length: 5 }, (_, i) => ({ id: `l${i}`, shortCode: `Code0${i}`, userId: `u${i}`, parentShortCode: 'Xj4K9a', title: null, clickCount: i }));
    const { h } = await withRoutes('READ_ONLY', { 'core GET /admin/short-url/Xj4K9a/user-links': () => links });
    const first = ok(await h.call('nevent_list_short_url_user_links', { parentShortCode: 'Xj4K9a', limit: 3 }));
    expect(first).toMatchObject({ count: 3, total: 5 });
    expect(first.links).toEqual([{ id: 'l0', shortCode: 'Code00', userId: 'u0', clickCount: 0 }, { id: 'l1', shortCode: 'Code01', userId: 'u1', clickCount: 1 }, { id: 'l2', shortCode: 'Code02', userId: 'u2', clickCount: 2 }]);
    const second = ok(await h.call('nevent_list_short_url_user_links', { parentShortCode: 'Xj4K9a', limit: 3, cursor: first.next_cursor }));
    expect((second.links as { id: string }[]).map((l) => l.id)).toEqual(['l3', 'l4']);
    expect(second.next_cursor).toBeNull();
    // A cursor of one parent never continues another's listing.
    expect(failure(await h.call('nevent_list_short_url_user_links', { parentShortCode: 'Other1', cursor: first.next_cursor })).code).toBe('invalid_request');
  });

  it('lists destinations without the member records', async () => {
    const { h, sent } = await withRoutes('READ_ONLY', { 'core GET /admin/short-url/destinations': () => body('core.short-urls.destinations.json') });
    const out = ok(await h.call('nevent_list_short_url_destinations', { origin: 'CAMPAIGN', search: 'festival' }));
    expect(sent[0]?.query).toEqual({ origin: 'CAMPAIGN', search: 'festival', page: 0, pageSize: 20 });
    expect((out.items as Record<string, unknown>[])[0]).toMatchObject({ destinationKey: 'campaign-dest:v1:9f2a1c', totalClicks: 1843, memberShortCodes: ['Xj4K9a', 'Bq7L2m'] });
    expect((out.items as Record<string, unknown>[])[0]).not.toHaveProperty('members');
    expect(out.next_page).toBeNull();
  });
});

describe('writes', () => {
  it('are refused in READ_ONLY before anything is sent', async () => {
    const { h, sent } = await withRoutes('READ_ONLY', { 'core POST /admin/short-url': () => body('core.short-urls.create.json') });
    for (const [name, args] of [['nevent_create_short_url', { longUrl: 'https://nevent.es' }], ['nevent_update_short_url', { id, isActive: false }], ['nevent_create_bulk_user_short_urls', { parentShortCode: 'Xj4K9a', userIds: ['u1'] }]] as const) {
      expect(failure(await h.call(name, args)).code).toBe('operation_not_permitted');
    }
    expect(sent).toEqual([]);
  });

  it('create sends only the given fields under upstream names; update sends null to remove the expiry', async () => {
    const { h, sent } = await withRoutes('STANDARD', {
      'core POST /admin/short-url': () => body('core.short-urls.create.json'),
      [`core PUT /admin/short-url/${id}`]: () => body('core.short-urls.update.json'),
    });
    const created = ok(await h.call('nevent_create_short_url', { longUrl: 'https://nevent.es/events/test', customShortCode: 'SUMMER', metadata: { campaignId: 'NEV-123' }, unknownKey: 'ignored' }));
    expect(created.short_url).toMatchObject({ shortCode: 'Xj4K9a', shortUrl: 'https://nevt.link/Xj4K9a' });
    const updated = ok(await h.call('nevent_update_short_url', { id, isActive: false, expiresAt: null }));
    expect(updated.short_url).toMatchObject({ isActive: false });
    expect(sent.map((c) => c.body)).toEqual([{ longUrl: 'https://nevent.es/events/test', customShortCode: 'SUMMER', metadata: { campaignId: 'NEV-123' } }, { isActive: false, expiresAt: null }]);
    expect(failure(await h.call('nevent_update_short_url', { id })).message).toContain('nothing to change');
    expect(sent).toHaveLength(2);
  });

  it('bulk user links answer who got which link', async () => {
    const { h, sent } = await withRoutes('STANDARD', { 'core POST /admin/short-url/Xj4K9a/user-links': () => body('core.short-urls.bulk-user-links.json', 1) });
    const out = ok(await h.call('nevent_create_bulk_user_short_urls', { parentShortCode: 'Xj4K9a', userIds: ['user-001', 'user-002', 'user-003'] }));
    expect(sent[0]?.body).toEqual({ parentShortCode: 'Xj4K9a', userIds: ['user-001', 'user-002', 'user-003'] });
    expect(out).toMatchObject({ totalRequested: 3, totalCreated: 1, links: [{ userId: 'user-001', shortCode: 'Ab1234', shortUrl: 'https://nevt.link/Ab1234' }] });
  });
});

describe('bad input', () => {
  it.each(([
    ['nevent_get_short_url', { id: '../segments' }, 'id'],
    ['nevent_get_short_url', { id: 42 }, 'id'],
    ['nevent_get_short_url', { id: 'x'.repeat(10_000) }, 'id'],
    ['nevent_update_short_url', { id, title: 'x'.repeat(10_000) }, 'title'],
    ['nevent_get_short_url_metrics', { id, days: 0 }, 'days'],
    ['nevent_get_short_url_clicks', { id, limit: 5000 }, 'limit'],
    ['nevent_list_short_urls', { pageSize: 201 }, 'pageSize'],
    ['nevent_list_short_urls', { isActive: 'yes' }, 'isActive'],
    ['nevent_list_short_url_destinations', { origin: 'SPAM' }, 'origin'],
    ['nevent_get_short_url_campaign_metrics', { parentShortCode: 'a/b' }, 'parentShortCode'],
    ['nevent_create_short_url', { longUrl: 'javascript:alert(1)' }, 'longUrl'],
    ['nevent_create_short_url', { longUrl: 'https://nevent.es', customShortCode: 'no' }, 'customShortCode'],
    ['nevent_create_short_url', { longUrl: 'https://nevent.es', expiresAt: 'tomorrow' }, 'expiresAt'],
    ['nevent_create_bulk_user_short_urls', { parentShortCode: 'Xj4K9a', userIds: [] }, 'userIds'],
  ] as const).map(([name, args, param]) => [name, param, args] as const))('%s with a bad %s (case %#): invalid input, nothing sent', async (name, param, args) => {
    const { h, sent } = await withRoutes('STANDARD', {});
    const error = failure(await h.call(name, args));
    expect(error).toMatchObject({ type: 'invalid_request', code: 'validation_failed' });
    expect(error.param).toBe(param);
    expect(sent).toEqual([]);
  });

  it('an id of another tenant answers the API\'s not_found envelope', async () => {
    const { h } = await withRoutes('READ_ONLY', {
      [`core GET /admin/short-url/${id}`]: () => {
        throw new CoreError('not_found', 'HTTP 404');
      },
    });
    expect(failure(await h.call('nevent_get_short_url', { id }))).toMatchObject({ type: 'not_found', code: 'not_found' });
  });

  it('a body without an id is an api_error naming the field, not a crash', async () => {
    const { h } = await withRoutes('READ_ONLY', { [`core GET /admin/short-url/${id}`]: () => ({ shortCode: 'Xj4K9a' }) });
    expect(failure(await h.call('nevent_get_short_url', { id }))).toMatchObject({ code: 'api_error', param: 'id' });
  });
});
