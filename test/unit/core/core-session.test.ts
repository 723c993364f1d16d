import { describe, expect, it } from 'vitest';
import { CoreSession } from '../../../src-main/core/core-session';
import type { Credential } from '../../../src-main/core/credential';
import { HttpClient } from '../../../src-main/core/http-client';
import { TokenBroker } from '../../../src-main/core/token-broker';
import { TokenVerifier } from '../../../src-main/core/token-verifier';
import type { SessionSnapshot } from '../../../src-shared/session';
import { FakeClock } from '../../helpers/fake-clock';
import { fakeFetch, type FakeFetch } from '../../helpers/fake-fetch';
import { hsToken, type TestClaims } from '../../helpers/tokens';

const apiUrl = 'http://api.test';
const dataApiUrl = 'http://api.test/data';
const segId = '0123456789abcdef01234567';

function segment(tenantId: string, overrides: Record<string, unknown> = {}) {
  return { id: segId, name: 'VIP fans', definition: { stanzas: [] }, version: 3, tenantId, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', ...overrides };
}

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
    refresh: async (t) => {
      const body = (await http.request({ method: 'POST', baseUrl: apiUrl, path: '/auth/refresh', body: { refreshToken: t } })) as { access_token: string; refresh_token?: string };
      return body.refresh_token === undefined ? { accessToken: body.access_token } : { accessToken: body.access_token, refreshToken: body.refresh_token };
    },
  });
  const accessToken = await hsToken(claims, clock.now());
  const credential: Credential = { accessToken, refreshToken, claims: verifier.decodeStored(accessToken) };
  const session = new CoreSession({ kind: 'mcp', credential, urls: { apiUrl, dataApiUrl }, http, verifier, broker, clock });
  return { session, fake, clock, credential };
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
    expect(seen.map((s) => [s.switching, s.activeTenantId])).toEqual([
      [true, 'tenant-a'],
      [false, 'tenant-b'],
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

describe('CoreSession: 401 handling', () => {
  it('refreshes once and retries once; a second 401 is authentication_failed', async () => {
    const { session, fake } = await setup();
    fake.on('GET /campaigns', () => [401, { statusCode: 401, error: 'Unauthorized', message: 'expired', code: 'token_expired' }]);
    await expect(session.listCampaigns({})).rejects.toMatchObject({ code: 'authentication_failed' });
    expect(fake.count('GET /campaigns')).toBe(2);
    expect(fake.count('POST /auth/refresh')).toBe(1);
  });

  it('without a refresh token a 401 is authentication_failed, with no refresh attempt', async () => {
    const { session, fake } = await setup({ tenantId: 'tenant-a' }, null);
    fake.on('GET /campaigns', () => [401, null]);
    await expect(session.listCampaigns({})).rejects.toMatchObject({ code: 'authentication_failed' });
    expect(fake.count('POST /auth/refresh')).toBe(0);
  });

  it('refuses a refreshed token for another tenant and keeps the credential', async () => {
    const { session, fake, clock, credential } = await setup();
    fake.on('POST /auth/refresh', async () => [200, { access_token: await hsToken({ tenantId: 'tenant-z' }, clock.now()), refresh_token: 'r-z' }]);
    fake.on('GET /campaigns', () => [401, null]);
    await expect(session.listCampaigns({})).rejects.toMatchObject({ code: 'token_tenant_mismatch' });
    expect(session.credential).toBe(credential);
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
    expect(session.dataClient.credential).toBe(session.paidMediaClient.credential);
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
    await expect(session.getSegment('not-an-id')).rejects.toMatchObject({ code: 'validation_failed', param: 'segment_id' });
    await expect(session.listSegments({ limit: 0 })).rejects.toMatchObject({ code: 'validation_failed', param: 'limit' });
    await expect(session.listSegments({ cursor: 'garbage' })).rejects.toMatchObject({ code: 'invalid_request', param: 'cursor' });
    await expect(session.createSegment({ name: '  ', definition: { stanzas: [] } })).rejects.toMatchObject({ code: 'validation_failed' });
    expect(fake.calls).toHaveLength(0);
  });

  it('update without a version reads the current version first and sends it', async () => {
    const { session, fake } = await setup();
    fake.on('GET /segments/*', () => [200, segment('tenant-a', { version: 7 })]);
    fake.on('PUT /segments/*', (req) => [200, segment('tenant-a', { ...(req.body as object), version: 8 })]);
    await session.updateSegment(segId, { name: 'Renamed' });
    expect(fake.calls.map((c) => c.method)).toEqual(['GET', 'PUT']);
    expect(fake.calls[1]?.body).toEqual({ version: 7, name: 'Renamed' });
    await session.updateSegment(segId, { name: 'Again', version: 8 });
    expect(fake.calls.at(-1)?.body).toEqual({ version: 8, name: 'Again' });
    expect(fake.count('GET /segments/*')).toBe(1);
  });

  it('a stale version is a conflict with a clear message', async () => {
    const { session, fake } = await setup();
    fake.on('PUT /segments/*', () => [409, { statusCode: 409, error: 'Conflict', message: 'version mismatch' }]);
    await expect(session.updateSegment(segId, { name: 'x', version: 1 })).rejects.toMatchObject({ code: 'conflict', param: 'version', message: expect.stringContaining('reload') });
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

  it('reads the data API error envelope inside a 200', async () => {
    const { session, fake } = await setup();
    fake.on('GET /data/analytics/capabilities', () => [200, { success: false, error: { code: 'rate_limited', message: 'slow down' }, timestamp: 'now' }]);
    await expect(session.analyticsCapabilities()).rejects.toMatchObject({ code: 'rate_limited' });
  });
});

describe('CoreSession: close', () => {
  it('rejects work in flight and later calls with signed_out, and changes nothing after', async () => {
    const { session, fake } = await setup();
    fake.on('GET /campaigns', (req) => new Promise((_r, reject) => req.signal?.addEventListener('abort', () => reject(req.signal?.reason))));
    fake.on('POST /users/tenant', (req) => new Promise((_r, reject) => req.signal?.addEventListener('abort', () => reject(req.signal?.reason))));
    const ended: SessionSnapshot[] = [];
    session.onDidEnd((s) => ended.push(s));
    const read = session.listCampaigns({});
    const switching = session.switchTenant('tenant-b');
    const queued = session.switchTenant('tenant-c');
    await Promise.resolve();
    session.close();
    await expect(read).rejects.toMatchObject({ code: 'signed_out' });
    await expect(switching).rejects.toMatchObject({ code: 'signed_out' });
    await expect(queued).rejects.toMatchObject({ code: 'signed_out' });
    await expect(session.listTenants()).rejects.toMatchObject({ code: 'signed_out' });
    expect(session.activeTenantId).toBe('tenant-a');
    expect(session.tenantState.type).toBe('signedOut');
    expect(ended).toHaveLength(1);
  });
});
