import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import type { JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema, normalizeTokenResponse } from '../../../src-shared/api';
import { startDemoApi } from '../../../src-main/demo-api';
import type { DemoApi } from '../../../src-main/demo-api';
import { request, signIn, switchTenant } from './demo-http';

let api: DemoApi;
let verifyWithJwks: (token: string) => ReturnType<typeof jwtVerify>;
beforeAll(async () => {
  api = await startDemoApi();
  const jwks = createLocalJWKSet((await request(api.jwksUrl)).body as JSONWebKeySet);
  verifyWithJwks = (token) => jwtVerify(token, jwks, { issuer: api.issuer, algorithms: ['ES256'] });
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => api.faults.reset());

const me = (token: string) => request(`${api.url}/auth/me`, { token });

async function faultySwitch(kind: Parameters<DemoApi['faults']['failNextSwitches']>[1]) {
  const { accessToken } = await signIn(api, 'owner');
  api.faults.failNextSwitches(1, kind);
  const response = await switchTenant(api, accessToken, 'tn-acme-madrid');
  return { accessToken, response };
}

describe('switch faults', () => {
  it('http_500 and http_503 answer with JSON errors, then the next switch works', async () => {
    for (const [kind, status] of [['http_500', 500], ['http_503', 503]] as const) {
      const { accessToken, response } = await faultySwitch(kind);
      expect(response.status).toBe(status);
      expect(ApiErrorBodySchema.parse(response.body).message).toMatch(/Injected fault/);
      expect((await switchTenant(api, accessToken, 'tn-acme-madrid')).status).toBe(200);
    }
  });

  it('fails exactly the next n switches', async () => {
    const { accessToken } = await signIn(api, 'owner');
    api.faults.failNextSwitches(2, 'http_500');
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await switchTenant(api, accessToken, 'tn-acme-paris')).status);
    expect(statuses).toEqual([500, 500, 200]);
    expect(api.faults.stats().switchCalls).toBe(3);
  });

  it('malformed_token returns something that is not a JWT', async () => {
    const { response } = await faultySwitch('malformed_token');
    expect(response.status).toBe(200);
    const pair = normalizeTokenResponse(response.body);
    expect(() => decodeJwt(pair.accessToken)).toThrow();
  });

  it('wrong_tenant returns a validly signed token for another tenant', async () => {
    const { response } = await faultySwitch('wrong_tenant');
    const pair = normalizeTokenResponse(response.body);
    const { payload } = await verifyWithJwks(pair.accessToken);
    expect(payload.tenantId).not.toBe('tn-acme-madrid');
    expect(typeof payload.tenantId).toBe('string');
  });

  it('bad_signature returns a token for the right tenant that fails JWKS verification and is refused as a bearer', async () => {
    const { response } = await faultySwitch('bad_signature');
    const pair = normalizeTokenResponse(response.body);
    expect(decodeJwt(pair.accessToken).tenantId).toBe('tn-acme-madrid');
    await expect(verifyWithJwks(pair.accessToken)).rejects.toThrow();
    expect((await me(pair.accessToken)).status).toBe(401);
  });

  it('alg_none returns an unsigned token that is refused', async () => {
    const { response } = await faultySwitch('alg_none');
    const pair = normalizeTokenResponse(response.body);
    expect(decodeProtectedHeader(pair.accessToken).alg).toBe('none');
    expect(decodeJwt(pair.accessToken).tenantId).toBe('tn-acme-madrid');
    await expect(verifyWithJwks(pair.accessToken)).rejects.toThrow();
    expect((await me(pair.accessToken)).status).toBe(401);
  });

  it('expired_token returns a correctly signed token whose exp has passed', async () => {
    const { response } = await faultySwitch('expired_token');
    const pair = normalizeTokenResponse(response.body);
    const claims = decodeJwt(pair.accessToken);
    expect(claims.tenantId).toBe('tn-acme-madrid');
    expect((claims.exp ?? Infinity) * 1000).toBeLessThan(Date.now());
    await expect(verifyWithJwks(pair.accessToken)).rejects.toThrow(/exp/);
    const refused = await me(pair.accessToken);
    expect(ApiErrorBodySchema.parse(refused.body).code).toBe('token_expired');
  });

  it('the refresh token in a faulty answer is never usable, and the caller keeps its old token', async () => {
    for (const kind of ['malformed_token', 'wrong_tenant', 'bad_signature', 'alg_none', 'expired_token'] as const) {
      const { accessToken, response } = await faultySwitch(kind);
      const pair = normalizeTokenResponse(response.body);
      expect((await request(`${api.url}/auth/refresh`, { body: { refreshToken: pair.refreshToken } })).status).toBe(401);
      expect((await me(accessToken)).body).toMatchObject({ tenantId: 'tn-acme' });
    }
  });

  it('timeout holds the request until the client gives up; the next switch works', async () => {
    const { accessToken } = await signIn(api, 'owner');
    api.faults.failNextSwitches(1, 'timeout');
    const started = Date.now();
    await expect(
      fetch(`${api.url}/users/tenant`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` }, body: JSON.stringify({ tenantId: 'tn-acme-madrid' }), signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect((await switchTenant(api, accessToken, 'tn-acme-madrid')).status).toBe(200);
  });

  it('close() does not wait for a request held by the timeout fault', async () => {
    const other = await startDemoApi();
    const { accessToken } = await signIn(other, 'owner');
    other.faults.failNextSwitches(1, 'timeout');
    const pending = fetch(`${other.url}/users/tenant`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` }, body: JSON.stringify({ tenantId: 'tn-acme-madrid' }) }).catch(() => 'closed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(5000);
    await pending;
  });
});

describe('latency and reset', () => {
  it('adds latency to every request until reset', async () => {
    api.faults.setLatency(200);
    const started = Date.now();
    await request(api.jwksUrl);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    api.faults.reset();
    // No timing upper bound here (a loaded CI machine makes those flaky): the server reports its setting.
    expect((await request(`${api.url}/__demo/faults`, { body: {} })).body).toMatchObject({ latencyMs: 0 });
  });

  it('reset clears queued failures and counters', async () => {
    const { accessToken } = await signIn(api, 'owner');
    api.faults.failNextSwitches(3, 'http_500');
    api.faults.reset();
    expect(api.faults.stats()).toEqual({ refreshCalls: 0, switchCalls: 0, refreshReuseRejected: 0, requests: 0 });
    expect((await switchTenant(api, accessToken, 'tn-acme-madrid')).status).toBe(200);
    expect(api.faults.stats()).toMatchObject({ switchCalls: 1, requests: 1 });
  });
});

describe('fault controls over HTTP', () => {
  const faults = (body: unknown) => request(`${api.url}/__demo/faults`, { body });

  it('queues switch failures, sets latency, expires tokens, resets; stats reflect the calls', async () => {
    const { accessToken, refreshToken } = await signIn(api, 'owner');
    expect((await faults({ failNextSwitches: { n: 1, kind: 'http_503' } })).status).toBe(200);
    expect((await switchTenant(api, accessToken, 'tn-acme-madrid')).status).toBe(503);

    expect((await faults({ expireAccessTokens: true })).status).toBe(200);
    expect((await me(accessToken)).status).toBe(401);
    expect((await request(`${api.url}/auth/refresh`, { body: { refreshToken } })).status).toBe(200);

    expect((await faults({ latencyMs: 150 })).status).toBe(200);
    const started = Date.now();
    await request(api.jwksUrl);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    const stats = await request(`${api.url}/__demo/stats`);
    expect(stats.body).toEqual({ refreshCalls: 1, switchCalls: 1, refreshReuseRejected: 0, requests: 5 });

    expect((await faults({ reset: true })).status).toBe(200);
    expect(api.faults.stats().requests).toBe(0);
    expect((await faults({ accessTokenTtlSeconds: 30 })).status).toBe(200);
    const pair = await signIn(api, 'admin');
    const claims = decodeJwt(pair.accessToken);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(30);
  });

  it('rejects bad control bodies with 400', async () => {
    for (const body of [{ failNextSwitches: { n: 1, kind: 'explode' } }, { latencyMs: -1 }, { unknownKnob: true }, '{nope']) {
      const response = await faults(body);
      expect(response.status).toBe(400);
      ApiErrorBodySchema.parse(response.body);
    }
  });
});
