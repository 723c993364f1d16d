import { describe, expect, it } from 'vitest';
import { CoreSession } from '../../../src-main/core/core-session';
import { SegmentConflictError } from '../../../src-main/core/tenant-session';
import type { Credential } from '../../../src-main/core/credential';
import { HttpClient } from '../../../src-main/core/http-client';
import { TokenBroker } from '../../../src-main/core/token-broker';
import { TokenVerifier } from '../../../src-main/core/token-verifier';
import { normalizeTokenResponse } from '../../../src-shared/api';
import type { SessionSnapshot } from '../../../src-shared/session';
import { FakeClock } from '../../helpers/fake-clock';
import { fakeFetch, type FakeFetch } from '../../helpers/fake-fetch';
import { hsToken, type TestClaims } from '../../helpers/tokens';

const apiUrl = 'http://api.test';
const dataApiUrl = 'http://api.test/data';
const segId = '0123456789abcdef01234567';

function segment(tenantId: string, overrides: Record<string, unknown> = {}) {
  return { id: segId, name: 'VIP fans', definition: { stanzas: [] }, tenantId, createdAt: '2026-01-01T00:00:00Z', modifiedAt: '2026-01-01T00:00:00Z', ...overrides };
}

const campaignQuery = { limit: 10, sort: 'createdAt', sortOrder: 'desc' } as const;

async function setup(claims: TestClaims = { tenantId: 'tenant-a' }, refreshToken: string | null = 'refresh-0') {
  const clock = new FakeClock();
  const fake = fakeFetch();
  const http = new HttpClient({ fetch: fake.fetch, timeoutMs: 1000 });
  const verifier = new TokenVerifier({ apiUrl, clock, fetch: fake.fetch, jwks: 'none' });
  let refreshSeq = 0;
  fake.on('POST /auth/refresh', async () => {
    refreshSeq += 1;
    return [200, { access_token: await hsToken({ tenantId: 'tenant-a' }, clock.now()), refresh_token: `refresh-${refreshSeq}` }];
  });
  const broker = new TokenBroker({
    refresh: async (t) => normalizeTokenResponse(await http.request({ method: 'POST', baseUrl: apiUrl, path: '/auth/refresh', body: { refreshToken: t } })),
  });
  const accessToken = await hsToken(claims, clock.now());
  const credential: Credential = { accessToken, refreshToken, claims: verifier.decodeStored(accessToken) };
  const session = new CoreSession({ kind: 'mcp', credential, urls: { apiUrl, dataApiUrl }, http, verifier, broker, clock });
  return { session, fake, clock, credential, http, verifier, broker };
}

function onSwitch(fake: FakeFetch, clock: FakeClock, shape: 'snake' | 'camel' | 'no-refresh' = 'snake') {
  fake.on('POST /users/tenant', async (req) => {
    const tenantId = (req.body as { tenantId: string }).tenantId;
    const access = await hsToken({ tenantId }, clock.now());
    if (shape === 'camel') return [200, { accessToken: access, refreshToken: `r-${tenantId}` }];
    if (shape === 'no-refresh') return [200, { access_token: access }];
    return [200, { access_token: access, refresh_token: `r-${tenantId}` }];
  });
}

describe('CoreSession: switch and reset', () => {
  it('reads camelCase token names, and keeps the old refresh token when none comes back', async () => {
    const { session, fake, clock } = await setup();
    onSwitch(fake, clock, 'camel');
    await session.switchTenant('tenant-b');
    expect(session.credential.refreshToken).toBe('r-tenant-b');
    onSwitch(fake, clock, 'no-refresh');
    await session.switchTenant('tenant-c');
    expect(session.activeTenantId).toBe('tenant-c');
    expect(session.credential.refreshToken).toBe('r-tenant-b');
  });

  it('reset without a home tenant (unscoped starting token) is no_home_tenant and sends nothing', async () => {
    const { session, fake } = await setup({ tenantId: null });
    expect(session.homeTenantId).toBeNull();
    await expect(session.resetTenant()).rejects.toMatchObject({ code: 'no_home_tenant' });
    expect(fake.calls).toHaveLength(0);
    expect(session.activeTenantId).toBeNull();
  });

  it('reset switches back to the home tenant', async () => {
    const { session, fake, clock } = await setup();
    onSwitch(fake, clock);
    await session.switchTenant('tenant-b');
    const outcome = await session.resetTenant();
    expect(outcome).toEqual({ activeTenantId: 'tenant-a', homeTenantId: 'tenant-a', previousTenantId: 'tenant-b' });
    expect((fake.calls.at(-1)?.body as { tenantId: string }).tenantId).toBe('tenant-a');
  });

  it('announces the switch: switching while in flight, then the new tenant', async () => {
    const { session, fake, clock } = await setup();
    onSwitch(fake, clock);
    const seen: SessionSnapshot[] = [];
    session.onDidChange((s) => seen.push(s));
    await session.switchTenant('tenant-b');
    expect(seen.map((s) => [s.switchingTo, s.activeTenantId])).toEqual([
      ['tenant-b', 'tenant-a'],
      [null, 'tenant-b'],
    ]);
  });

  it('maps 403 and 404 of the switch endpoint to tenant_forbidden / tenant_not_found', async () => {
    const { session, fake } = await setup();
    fake.on('POST /users/tenant', () => [403, { statusCode: 403, error: 'Forbidden', message: 'no access' }]);
    await expect(session.switchTenant('tenant-x')).rejects.toMatchObject({ code: 'tenant_forbidden', param: 'tenantId' });
    fake.on('POST /users/tenant', () => [404, { statusCode: 404, error: 'Not Found', message: 'unknown' }]);
    await expect(session.switchTenant('tenant-x')).rejects.toMatchObject({ code: 'tenant_not_found' });
    expect(session.activeTenantId).toBe('tenant-a');
  });
});

describe('CoreSession: callApi (the toolset\'s other endpoints)', () => {
  it('sends to the core or the data API in the session\'s tenant, unwraps the data envelope, reads success:false as an error', async () => {
    const { session, fake } = await setup();
    fake.on('GET /campaigns/c1/metrics', () => [200, { sent: 10 }]);
    fake.on('POST /data/segments/execute', () => [200, { success: true, data: { total_fans: 3 }, timestamp: 'now' }]);
    fake.on('POST /data/dimensions/values', () => [200, { success: false, message: 'unknown criterion', error: 'INVALID_CRITERION' }]);
    await expect(session.callApi({ api: 'core', method: 'GET', path: '/campaigns/c1/metrics', query: { page: 0 } })).resolves.toEqual({ tenantId: 'tenant-a', value: { sent: 10 } });
    expect(fake.calls.at(-1)?.query.get('page')).toBe('0');
    await expect(session.callApi({ api: 'data', method: 'POST', path: '/segments/execute', body: { page: 0 } })).resolves.toEqual({ tenantId: 'tenant-a', value: { total_fans: 3 } });
    await expect(session.callApi({ api: 'data', method: 'POST', path: '/dimensions/values', body: {} })).rejects.toMatchObject({ message: expect.stringContaining('unknown criterion') });
  });
});

describe('CoreSession: 401 handling', () => {
  it('renews and retries at most twice; a third 401 is authentication_failed, and no refresh token is sent twice', async () => {
    const { session, fake } = await setup();
    fake.on('GET /segments', () => [401, { message: 'HTTP 401' }]);
    await expect(session.listSegments({})).rejects.toMatchObject({ code: 'authentication_failed' });
    expect(fake.count('GET /segments')).toBe(3);
    expect(fake.calls.filter((c) => c.path === '/auth/refresh').map((c) => (c.body as { refreshToken: string }).refreshToken)).toEqual(['refresh-0', 'refresh-1']);
  });

  it('a pair another session renewed earlier, stale since, is renewed again instead of failing (once a flake)', async () => {
    // Two sessions from the same pair (an MCP session starts from the desktop's), one broker.
    const { session, fake, clock, credential, http, verifier, broker } = await setup();
    const other = new CoreSession({ kind: 'mcp', credential, urls: { apiUrl, dataApiUrl }, http, verifier, broker, clock });
    let valid = new Set<string>();
    fake.on('POST /auth/refresh', async () => {
      const access = await hsToken({ tenantId: 'tenant-a' }, clock.now());
      valid = new Set([access]);
      return [200, { access_token: access, refresh_token: `refresh-${fake.count('POST /auth/refresh')}` }];
    });
    fake.on('GET /segments', (req) => (valid.has(req.bearer ?? '') ? [200, { data: [], total: 0 }] : [401, { message: 'HTTP 401' }]));
    // The first session renews refresh-0 (remembered: refresh-0 → pair 1)…
    await session.listSegments({});
    // …then every access token so far is revoked (an expiry, or an hour passing).
    valid = new Set();
    // The second still holds refresh-0: the remembered pair 1 is stale, so pair 1's own refresh token is exchanged.
    await expect(other.listSegments({})).resolves.toMatchObject({ tenantId: 'tenant-a' });
    const sent = fake.calls.filter((c) => c.path === '/auth/refresh').map((c) => (c.body as { refreshToken: string }).refreshToken);
    expect(sent).toEqual(['refresh-0', 'refresh-1']);
  });

  it('without a refresh token a 401 is authentication_failed, with no refresh attempt', async () => {
    const { session, fake } = await setup({ tenantId: 'tenant-a' }, null);
    fake.on('GET /segments', () => [401, null]);
    await expect(session.listSegments({})).rejects.toMatchObject({ code: 'authentication_failed' });
    expect(fake.count('POST /auth/refresh')).toBe(0);
  });

  it('a refresh that comes back in another tenant (a persisted SUPERADMIN switch) is switched back before anything is answered', async () => {
    const { session, fake, clock, credential } = await setup();
    fake.on('POST /auth/refresh', async () => [200, { accessToken: await hsToken({ tenantId: 'tenant-z', tenantClaim: 'activeTenantId' }, clock.now()), refreshToken: 'r-z' }]);
    onSwitch(fake, clock, 'no-refresh');
    let first = true;
    fake.on('GET /segments', (req) => {
      if (first) {
        first = false;
        return [401, null];
      }
      return [200, [segment(req.query.get('tenant_id') ?? '?')]];
    });
    const answer = await session.listSegments({});
    expect(answer.tenantId).toBe('tenant-a');
    // The switch back used the fresh token; the retry used the re-scoped one and named its tenant.
    const rescope = fake.calls.find((c) => c.method === 'POST' && c.path === '/users/tenant');
    expect(rescope?.body).toEqual({ tenantId: 'tenant-a' });
    expect(fake.calls.at(-1)?.query.get('tenant_id')).toBe('tenant-a');
    expect(session.activeTenantId).toBe('tenant-a');
    expect(session.credential).not.toBe(credential);
    expect(session.credential.refreshToken).toBe('r-z');
  });

  it('fails the call clearly, and keeps the credential, when the switch back is refused', async () => {
    const { session, fake, clock, credential } = await setup();
    fake.on('POST /auth/refresh', async () => [200, { access_token: await hsToken({ tenantId: 'tenant-z' }, clock.now()), refresh_token: 'r-z' }]);
    fake.on('POST /users/tenant', () => [403, { message: 'Access denied' }]);
    fake.on('GET /segments', () => [401, null]);
    await expect(session.listSegments({})).rejects.toMatchObject({ code: 'token_tenant_mismatch', message: expect.stringMatching(/tenant-z.*tenant-a.*Access denied/) });
    expect(session.credential).toBe(credential);
    expect(fake.count('GET /segments')).toBe(1);
  });

  it('installs the refreshed credential for both clients at once', async () => {
    const { session, fake, credential } = await setup();
    let first = true;
    fake.on('GET /api/ads/*/status', () => {
      if (first) {
        first = false;
        return [401, null];
      }
      return [200, { connected: true, provider: 'meta', accountId: '1', accountName: 'Acme', lastSyncAt: null }];
    });
    await session.paidAdsStatus('meta');
    expect(session.credential).not.toBe(credential);
    const scope = await session.openScope();
    expect(scope.data.credential).toBe(session.credential);
    expect(scope.paidMedia.credential).toBe(scope.data.credential);
    expect(fake.calls.at(-1)?.bearer).toBe(session.credential.accessToken);
  });
});

describe('CoreSession: reads', () => {
  it.each([
    ['array', (items: unknown[]) => items],
    ['{segments}', (items: unknown[]) => ({ segments: items, total: items.length })],
    ['{content}', (items: unknown[]) => ({ content: items, page: 0, size: 50, totalElements: items.length, totalPages: 1 })],
  ])('lists segments in the %s shape', async (_shape, wrap) => {
    const { session, fake } = await setup();
    fake.on('GET /segments', () => [200, wrap([segment('tenant-a'), segment('tenant-a', { id: 'aaaaaaaaaaaaaaaaaaaaaaaa', name: 'Other' })])]);
    const answer = await session.listSegments({ search: 'vip' });
    expect(answer.tenantId).toBe('tenant-a');
    expect(answer.value.segments.map((s) => s.name)).toEqual(['VIP fans']);
    expect(answer.value.nextCursor).toBeNull();
    expect(fake.calls.at(-1)?.query.get('search')).toBe('vip');
  });

  it('refuses a segment that belongs to another tenant (isolation)', async () => {
    const { session, fake } = await setup();
    fake.on('GET /segments/*', () => [200, segment('tenant-b')]);
    await expect(session.getSegment(segId)).rejects.toMatchObject({ code: 'api_error' });
  });

  it('validates input before any request', async () => {
    const { session, fake } = await setup();
    await expect(session.getSegment('not an id/..')).rejects.toMatchObject({ code: 'validation_failed', param: 'segment_id' });
    await expect(session.updateSegment(segId, {})).rejects.toMatchObject({ code: 'validation_failed', param: 'segment_id' });
    await expect(session.listSegments({ limit: 0 })).rejects.toMatchObject({ code: 'validation_failed', param: 'limit' });
    await expect(session.listSegments({ cursor: 'garbage' })).rejects.toMatchObject({ code: 'invalid_request', param: 'cursor' });
    await expect(session.createSegment({ name: '  ', definition: { stanzas: [] } })).rejects.toMatchObject({ code: 'validation_failed' });
    expect(fake.calls).toHaveLength(0);
  });

  it('create sends what a usable segment needs: ids on every stanza and criterion, ACTIVE, our name, the tenant', async () => {
    const { session, fake } = await setup();
    fake.on('POST /segments', (req) => [201, { segment: { _id: 'bbbbbbbbbbbbbbbbbbbbbbbb', ...(req.body as object) } }]);
    const definition = { stanzas: [{ criteria: [{ criterion_id: 'city', operator: 'is', value: ['x'], filters: { property_name: 'home' }, extra_key: 1 }] }, { id: 'keep-me', criteria: [{ id: 'c-keep', criterion_id: 'age', operator: 'gt', value: 3 }] }] };
    const created = await session.createSegment({ name: 'VIP', definition });
    // (Before it, the criteria are asked for the definition check; this fake has none to give, so the API decides.)
    const post = fake.calls.find((c) => c.method === 'POST' && c.path === '/segments');
    const body = post?.body as { status: string; createdBy: string; tenantId: string; definition: { stanzas: { id: string; criteria: Record<string, unknown>[] }[] } };
    expect(body).toMatchObject({ name: 'VIP', status: 'ACTIVE', createdBy: 'nevent-companion', tenantId: 'tenant-a' });
    expect(post?.query.get('tenant_id')).toBe('tenant-a');
    const [s0, s1] = body.definition.stanzas;
    expect(s0?.id).toMatch(/\S/);
    expect(s0?.criteria[0]).toMatchObject({ criterion_id: 'city', filters: { property_name: 'home' }, extra_key: 1, id: expect.stringMatching(/\S/) });
    expect(s1).toMatchObject({ id: 'keep-me', criteria: [{ id: 'c-keep' }] });
    expect(created.value.id).toBe('bbbbbbbbbbbbbbbbbbbbbbbb');
  });

  it('update re-reads first and sends only what changes, with our name and the time', async () => {
    const { session, fake, clock } = await setup();
    fake.on('GET /segments/*', () => [200, segment('tenant-a', { unknownField: 'kept' })]);
    fake.on('PUT /segments/*', (req) => [200, segment('tenant-a', { ...(req.body as object), modifiedAt: '2026-01-02T00:00:00Z' })]);
    const updated = await session.updateSegment(segId, { name: 'Renamed' });
    expect(fake.calls.map((c) => `${c.method} ${c.query.get('tenant_id')}`)).toEqual(['GET tenant-a', 'PUT tenant-a']);
    expect(fake.calls[1]?.body).toEqual({ name: 'Renamed', modifiedBy: 'nevent-companion', modifiedAt: new Date(clock.now()).toISOString() });
    expect(updated.value.name).toBe('Renamed');
  });

  it('refuses to write when the segment changed since the edit started (revision by modifiedAt), with both versions', async () => {
    const { session, fake } = await setup();
    fake.on('GET /segments/*', () => [200, segment('tenant-a', { name: 'Changed by someone', modifiedAt: '2026-03-01T00:00:00Z' })]);
    const error = await session.updateSegment(segId, { name: 'Mine' }, { baseRevision: 'm:2026-01-01T00:00:00Z' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SegmentConflictError);
    expect(error).toMatchObject({ code: 'conflict', baseRevision: 'm:2026-01-01T00:00:00Z', current: { name: 'Changed by someone' } });
    expect(fake.count('PUT /segments/*')).toBe(0);
  });

  it('without a given base, the revision this session last read is the base (an AI that read, then wrote)', async () => {
    const { session, fake } = await setup();
    let stored = segment('tenant-a', { modifiedAt: undefined, name: 'A' });
    fake.on('GET /segments/*', () => [200, stored]);
    fake.on('PUT /segments/*', (req) => [200, (stored = { ...stored, ...(req.body as object) })]);
    await session.getSegment(segId);
    // Someone else renames it; the API sends no modifiedAt, so the content hash tells.
    stored = { ...stored, name: 'B' };
    await expect(session.updateSegment(segId, { description: 'mine' })).rejects.toMatchObject({ code: 'conflict' });
    expect(fake.count('PUT /segments/*')).toBe(0);
    // Having now seen the current version, the edit goes through.
    await session.getSegment(segId);
    await expect(session.updateSegment(segId, { description: 'mine' })).resolves.toMatchObject({ value: { description: 'mine' } });
  });

  it('caches criteria per tenant (enveloped), does not cache failures, and clears on switch', async () => {
    const { session, fake, clock } = await setup();
    onSwitch(fake, clock);
    let fail = true;
    fake.on('GET /data/segmentation/criteria', () => {
      if (fail) {
        fail = false;
        return [500, null];
      }
      return [200, { success: true, data: { criteria: [{ id: 'c1', type: 'fan', label: 'City', operators: ['eq'], valueType: 'TEXT' }] }, timestamp: 'now' }];
    });
    await expect(session.segmentationCriteria()).rejects.toMatchObject({ code: 'api_error' });
    await session.segmentationCriteria();
    await session.segmentationCriteria();
    expect(fake.count('GET /data/segmentation/criteria')).toBe(2);
    await session.switchTenant('tenant-b');
    expect((await session.segmentationCriteria()).tenantId).toBe('tenant-b');
    expect(fake.count('GET /data/segmentation/criteria')).toBe(3);
  });

  it('reads a data API failure inside a 200 as an API error with its own words', async () => {
    const { session, fake } = await setup();
    fake.on('GET /data/analytics/capabilities', () => [200, { success: false, message: 'Failed to load capabilities', error: 'BigQuery timeout', timestamp: 'now' }]);
    await expect(session.analyticsCapabilities()).rejects.toMatchObject({ code: 'api_error', message: 'Failed to load capabilities: BigQuery timeout' });
  });

  it('lists campaigns from the analytics collection, with the columns the table has', async () => {
    const { session, fake } = await setup();
    fake.on('GET /data/analytics/schema/campaigns', () => [200, { success: true, data: { table: 'campaigns', columns: [{ name: 'campaign_id' }, { name: 'name' }, { name: 'status' }, { name: 'executed_at' }] } }]);
    fake.on('POST /data/analytics/query', (request) =>
      (request.body as { metrics?: unknown }).metrics === undefined
        ? [200, { success: true, data: { data: [{ campaign_id: 'c1', name: 'Spring', status: 'EXECUTED', executed_at: '2026-05-01' }, { name: 'no id' }], metadata: { totalRows: 2 } } }]
        : [200, { success: true, data: { data: [{ total: 1 }] } }],
    );
    const answer = await session.listCampaigns({ ...campaignQuery, status: 'EXECUTED', channel: 'SMS' });
    expect(answer.value.campaigns).toEqual([{ id: 'c1', name: 'Spring', status: 'EXECUTED', executed_at: '2026-05-01' }]);
    // No channel column: that filter could not apply, and the answer says so.
    expect(answer.value.ignoredFilters).toEqual(['channel']);
    // How many there are (a count with the same filters) and whether more exist (one row more than asked).
    expect(answer.value).toMatchObject({ total: 1, hasMore: false });
    const queries = fake.calls.filter((c) => c.method === 'POST').map((c) => c.body as Record<string, unknown>);
    expect(queries.find((q) => q.metrics === undefined)).toMatchObject({ collection: 'campaigns', filters: [{ field: 'status', operator: 'eq', value: 'EXECUTED' }], sort: { field: 'campaign_id', order: 'desc' }, limit: 11 });
    expect(queries.find((q) => q.metrics !== undefined)).toEqual({ collection: 'campaigns', metrics: [{ field: 'campaign_id', operation: 'count', alias: 'total' }], filters: [{ field: 'status', operator: 'eq', value: 'EXECUTED' }] });
    await session.listCampaigns(campaignQuery);
    expect(fake.count('GET /data/analytics/schema/campaigns')).toBe(1);
  });

  it('answers not_available (cached per tenant) where the tenant has no campaigns table', async () => {
    const { session, fake } = await setup();
    fake.on('GET /data/analytics/schema/campaigns', () => [404, { success: false, message: 'Table not found', error: 'Unknown table: campaigns' }]);
    await expect(session.listCampaigns(campaignQuery)).rejects.toMatchObject({ code: 'not_available', message: expect.stringContaining('nevent_campaign_report') });
    await expect(session.listCampaigns(campaignQuery)).rejects.toMatchObject({ code: 'not_available' });
    expect(fake.count('GET /data/analytics/schema/campaigns')).toBe(1);
    expect(fake.count('POST /data/analytics/query')).toBe(0);
  });
});

/** A route answer the test lets go of: `reached` once the request arrived, `release()` to answer it. */
function gate(answer: () => [number, unknown] | Promise<[number, unknown]>) {
  let arrived!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const handler = async (): Promise<[number, unknown]> => {
    arrived();
    await released;
    return answer();
  };
  return { reached, release, handler };
}

const criteria = { criteria: [{ id: 'city', type: 'profile_property', label: 'City', operators: ['is'], valueType: 'ENTITY' }] };
const madrid = { stanzas: [{ id: 's1', criteria: [{ id: 'c1', criterion_id: 'city', operator: 'is', value: ['madrid'] }] }] };
const tenantOfToken = (token: string | null): string | undefined => (token === null ? undefined : (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { tenantId?: string }).tenantId);

describe("CoreSession: a call's tenant is fixed when it starts", () => {
  it('a switch while an update waits at its first request: the re-read and the write still go to the tenant it started in', async () => {
    const { session, fake, clock } = await setup();
    onSwitch(fake, clock);
    const held = gate(() => [200, criteria]);
    fake.on('GET /data/segmentation/criteria', held.handler);
    fake.on('GET /segments/*', (req) => [200, segment(req.query.get('tenant_id') ?? '?')]);
    fake.on('PUT /segments/*', (req) => [200, segment(req.query.get('tenant_id') ?? '?', { name: 'Renamed' })]);
    const update = session.updateSegment(segId, { name: 'Renamed', definition: madrid });
    await held.reached;
    await session.switchTenant('tenant-b');
    held.release();
    await expect(update).resolves.toMatchObject({ tenantId: 'tenant-a', value: { name: 'Renamed' } });
    const sent = fake.calls.filter((c) => c.path.startsWith('/segments/')).map((c) => [c.method, c.query.get('tenant_id'), tenantOfToken(c.bearer)]);
    expect(sent).toEqual([
      ['GET', 'tenant-a', 'tenant-a'],
      ['PUT', 'tenant-a', 'tenant-a'],
    ]);
    expect(session.activeTenantId).toBe('tenant-b');
  });

  it('a call that names the active tenant keeps it through a switch (it is not "the session")', async () => {
    const { session, fake, clock } = await setup();
    onSwitch(fake, clock);
    const held = gate(() => [200, criteria]);
    fake.on('GET /data/segmentation/criteria', held.handler);
    fake.on('POST /segments', (req) => [201, { _id: 'bbbbbbbbbbbbbbbbbbbbbbbb', ...(req.body as object) }]);
    const scope = await session.openScope('tenant-a');
    const created = scope.createSegment({ name: 'VIP', definition: madrid });
    await held.reached;
    await session.switchTenant('tenant-b');
    held.release();
    await expect(created).resolves.toMatchObject({ tenantId: 'tenant-a' });
    const post = fake.calls.find((c) => c.method === 'POST' && c.path === '/segments');
    expect(tenantOfToken(post?.bearer ?? null)).toBe('tenant-a');
    expect(post?.body).toMatchObject({ tenantId: 'tenant-a' });
  });

  it("a 401 after a switch renews the call's own tenant credential, not the session's new one, and leaves the session's alone", async () => {
    const { session, fake, clock } = await setup();
    onSwitch(fake, clock);
    const held = gate(() => [200, criteria]);
    fake.on('GET /data/segmentation/criteria', held.handler);
    fake.on('GET /segments/*', (req) => [200, segment(req.query.get('tenant_id') ?? '?')]);
    let refusedOnce = false;
    fake.on('PUT /segments/*', (req) => {
      if (!refusedOnce) {
        refusedOnce = true;
        return [401, null];
      }
      return [200, segment(req.query.get('tenant_id') ?? '?', { name: 'Renamed' })];
    });
    const update = session.updateSegment(segId, { name: 'Renamed', definition: madrid });
    await held.reached;
    await session.switchTenant('tenant-b');
    const afterSwitch = session.credential;
    held.release();
    await expect(update).resolves.toMatchObject({ tenantId: 'tenant-a' });
    // The refresh exchanged the call's (tenant-a) refresh token, never the session's new one (r-tenant-b).
    expect(fake.calls.filter((c) => c.path === '/auth/refresh').map((c) => (c.body as { refreshToken: string }).refreshToken)).toEqual(['refresh-0']);
    const puts = fake.calls.filter((c) => c.method === 'PUT').map((c) => tenantOfToken(c.bearer));
    expect(puts).toEqual(['tenant-a', 'tenant-a']);
    expect(session.credential).toBe(afterSwitch);
  });

  it('a call whose session ends while it waits fails before sending anything more', async () => {
    const { session, fake } = await setup();
    const held = gate(() => [200, criteria]);
    fake.on('GET /data/segmentation/criteria', held.handler);
    fake.on('POST /segments', (req) => [201, { _id: 'bbbbbbbbbbbbbbbbbbbbbbbb', ...(req.body as object) }]);
    const created = session.createSegment({ name: 'VIP', definition: madrid });
    await held.reached;
    session.close();
    held.release();
    await expect(created).rejects.toMatchObject({ code: 'signed_out' });
    expect(fake.count('POST /segments')).toBe(0);
  });
});

describe('CoreSession: close', () => {
  it('rejects work in flight and later calls with signed_out, and changes nothing after', async () => {
    const { session, fake } = await setup();
    fake.on('GET /segments', (req) => new Promise((_r, reject) => req.signal?.addEventListener('abort', () => reject(req.signal?.reason))));
    fake.on('POST /users/tenant', (req) => new Promise((_r, reject) => req.signal?.addEventListener('abort', () => reject(req.signal?.reason))));
    const ended: SessionSnapshot[] = [];
    session.onDidEnd((s) => ended.push(s));
    const read = session.listSegments({});
    const switching = session.switchTenant('tenant-b');
    const queued = session.switchTenant('tenant-c');
    await Promise.resolve();
    session.close();
    await expect(read).rejects.toMatchObject({ code: 'signed_out' });
    await expect(switching).rejects.toMatchObject({ code: 'signed_out' });
    await expect(queued).rejects.toMatchObject({ code: 'signed_out' });
    await expect(session.listTenants()).rejects.toMatchObject({ code: 'signed_out' });
    expect(session.activeTenantId).toBe('tenant-a');
    expect(session.sessionState).toEqual({ type: 'ended', reason: 'closed' });
    expect(ended).toHaveLength(1);
  });
});
