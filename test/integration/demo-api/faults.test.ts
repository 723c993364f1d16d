import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import type { JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { normalizeTokenResponse } from '../../../src-shared/api';
import { startDemoApi } from '../../../src-main/demo-api';
import type { DemoApi, SwitchFaultKind } from '../../../src-main/demo-api';
import { claimsOf, errorOf, refresh, refreshedPair, request, signIn, switchTenant } from './demo-http';

let api: DemoApi;
beforeAll(async () => {
  api = await startDemoApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => api.faults.reset());

const me = (on: DemoApi, token: string) => request(`${on.url}/auth/me`, { token });

async function faultySwitch(on: DemoApi, kind: SwitchFaultKind) {
  const { accessToken } = await signIn(on, 'owner');
  on.faults.failNextSwitches(1, kind);
  const response = await switchTenant(on, accessToken, 'tn-acme-madrid');
  return { accessToken, response };
}

/** A request the server does not answer within `ms`: the client's own deadline cuts it off. */
function expectNoAnswerWithin(url: string, init: RequestInit, ms: number): Promise<void> {
  return expect(fetch(url, { ...init, signal: AbortSignal.timeout(ms) })).rejects.toMatchObject({ name: 'TimeoutError' });
}

describe('switch faults', () => {
  it('http_500 and http_503 answer with NestJS errors, then the next switch works', async () => {
    for (const [kind, status, phrase] of [['http_500', 500, 'Internal Server Error'], ['http_503', 503, 'Service Unavailable']] as const) {
      const { accessToken, response } = await faultySwitch(api, kind);
      expect(response.status).toBe(status);
      expect(response.body).toMatchObject({ statusCode: status, error: phrase });
      expect(errorOf(response).message).toMatch(/^Injected fault/);
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

  it('takes faults only from switches that pass authentication and validation', async () => {
    const { accessToken } = await signIn(api, 'owner');
    api.faults.failNextSwitches(1, 'http_500');
    expect((await request(`${api.url}/users/tenant`, { body: { tenantId: 'tn-acme-madrid' } })).status).toBe(401);
    expect((await request(`${api.url}/users/tenant`, { token: accessToken, body: { tenantId: 7 } })).status).toBe(400);
    expect((await switchTenant(api, accessToken, 'tn-acme-madrid')).status).toBe(500);
    expect((await switchTenant(api, accessToken, 'tn-acme-madrid')).status).toBe(200);
  });

  it('malformed_token answers the usual camelCase pair with something that is not a JWT', async () => {
    const { response } = await faultySwitch(api, 'malformed_token');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body as object).sort()).toEqual(['accessToken', 'refreshToken']);
    const pair = normalizeTokenResponse(response.body);
    expect(() => decodeJwt(pair.accessToken)).toThrow();
  });

  it('timeout holds the request until the client gives up; the next switch works', async () => {
    const { accessToken } = await signIn(api, 'owner');
    api.faults.failNextSwitches(1, 'timeout');
    await expectNoAnswerWithin(`${api.url}/users/tenant`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` }, body: JSON.stringify({ tenantId: 'tn-acme-madrid' }) }, 300);
    expect((await switchTenant(api, accessToken, 'tn-acme-madrid')).status).toBe(200);
  });

  it('close() does not wait for a request held by the timeout fault (120 s; the test would time out)', async () => {
    const other = await startDemoApi();
    const { accessToken } = await signIn(other, 'owner');
    other.faults.failNextSwitches(1, 'timeout');
    const pending = fetch(`${other.url}/users/tenant`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` }, body: JSON.stringify({ tenantId: 'tn-acme-madrid' }) }).then(
      (response) => response.status,
      () => 'closed',
    );
    // Wait until the server holds the switch (counted on arrival), then close under it.
    await expect.poll(() => other.faults.stats().switchCalls, { timeout: 10_000, interval: 10 }).toBe(1);
    await other.close();
    expect(await pending).not.toBe(200);
  });
});

// The token faults behave the same whichever way the demo signs; with a JWKS the client can also
// check the signature itself.
describe.each([
  { mode: 'HS256 (default)', jwks: false },
  { mode: 'ES256 with a JWKS', jwks: true },
])('token faults, $mode', ({ jwks }) => {
  let on: DemoApi;
  let verifyWithJwks: ((token: string) => ReturnType<typeof jwtVerify>) | null = null;
  beforeAll(async () => {
    on = await startDemoApi({ jwks });
    if (on.jwksUrl !== null) {
      const keys = createLocalJWKSet((await request(on.jwksUrl)).body as JSONWebKeySet);
      verifyWithJwks = (token) => jwtVerify(token, keys, { issuer: on.issuer, algorithms: ['ES256'] });
    }
  });
  afterAll(async () => {
    await on.close();
  });
  beforeEach(() => on.faults.reset());

  it('wrong_tenant returns a validly signed token for another tenant', async () => {
    const { response } = await faultySwitch(on, 'wrong_tenant');
    const pair = normalizeTokenResponse(response.body);
    const tenant = claimsOf(pair.accessToken).tenantId;
    expect(typeof tenant).toBe('string');
    expect(tenant).not.toBe('tn-acme-madrid');
    // Validly signed: the server itself takes it, in that other tenant.
    expect((await me(on, pair.accessToken)).body).toMatchObject({ tenantId: tenant });
    if (verifyWithJwks !== null) expect((await verifyWithJwks(pair.accessToken)).payload.tenantId).toBe(tenant);
  });

  it('wrong_tenant for a SUPERADMIN names the other tenant in activeTenantId', async () => {
    const { accessToken } = await signIn(on, 'superadmin');
    on.faults.failNextSwitches(1, 'wrong_tenant');
    const pair = normalizeTokenResponse((await switchTenant(on, accessToken, 'tn-acme-madrid')).body);
    const raw = decodeJwt(pair.accessToken);
    expect(raw.activeTenantId).toEqual(expect.any(String));
    expect(raw.activeTenantId).not.toBe('tn-acme-madrid');
  });

  it('bad_signature returns a token for the right tenant that the server refuses', async () => {
    const { response } = await faultySwitch(on, 'bad_signature');
    const pair = normalizeTokenResponse(response.body);
    expect(decodeProtectedHeader(pair.accessToken).alg).toBe(jwks ? 'ES256' : 'HS256');
    expect(claimsOf(pair.accessToken).tenantId).toBe('tn-acme-madrid');
    const refused = await me(on, pair.accessToken);
    expect(refused.status).toBe(401);
    expect(errorOf(refused).message).toBe('Access token is invalid');
    if (verifyWithJwks !== null) await expect(verifyWithJwks(pair.accessToken)).rejects.toThrow(/signature/);
  });

  it('alg_none returns an unsigned token that is refused', async () => {
    const { response } = await faultySwitch(on, 'alg_none');
    const pair = normalizeTokenResponse(response.body);
    expect(decodeProtectedHeader(pair.accessToken).alg).toBe('none');
    expect(pair.accessToken.endsWith('.')).toBe(true);
    expect(claimsOf(pair.accessToken).tenantId).toBe('tn-acme-madrid');
    expect((await me(on, pair.accessToken)).status).toBe(401);
    if (verifyWithJwks !== null) await expect(verifyWithJwks(pair.accessToken)).rejects.toThrow();
  });

  it('expired_token returns a correctly signed token whose exp has passed', async () => {
    const { response } = await faultySwitch(on, 'expired_token');
    const pair = normalizeTokenResponse(response.body);
    const claims = claimsOf(pair.accessToken);
    expect(claims.tenantId).toBe('tn-acme-madrid');
    expect((claims.exp ?? Infinity) * 1000).toBeLessThan(Date.now());
    const refused = await me(on, pair.accessToken);
    expect(refused.status).toBe(401);
    expect(errorOf(refused).message).toBe('Access token has expired');
    if (verifyWithJwks !== null) await expect(verifyWithJwks(pair.accessToken)).rejects.toThrow(/exp/);
  });

  it('the refresh token in a faulty answer is never usable, and the caller keeps its old token', async () => {
    for (const kind of ['malformed_token', 'wrong_tenant', 'bad_signature', 'alg_none', 'expired_token'] as const) {
      const { accessToken, response } = await faultySwitch(on, kind);
      const pair = normalizeTokenResponse(response.body);
      expect(pair.refreshToken, kind).toBeDefined();
      expect((await refresh(on, pair.refreshToken)).status, kind).toBe(401);
      expect((await me(on, accessToken)).body, kind).toMatchObject({ tenantId: 'tn-acme' });
    }
  });
});

describe('refresh refused in one tenant', () => {
  it("refuses the refresh tokens issued in that tenant only, until reset", async () => {
    const { accessToken, refreshToken } = await signIn(api, 'owner');
    const switched = await switchTenant(api, accessToken, 'tn-acme-es');
    const tenantRefresh = normalizeTokenResponse(switched.body).refreshToken ?? '';
    expect((await request(`${api.url}/__demo/faults`, { body: { refuseRefreshIn: 'tn-acme-es' } })).status).toBe(200);
    expect((await refresh(api, tenantRefresh)).status).toBe(401);
    // The sign-in's own refresh token (issued in tn-acme) still works.
    const renewed = await refreshedPair(api, refreshToken);
    api.faults.reset();
    const again = normalizeTokenResponse((await switchTenant(api, renewed.accessToken, 'tn-acme-es')).body).refreshToken ?? '';
    expect((await refresh(api, again)).status).toBe(200);
  });
});

describe('latency and reset', () => {
  it('delays every API request until reset, but never the fault controls', async () => {
    api.faults.setLatency(60_000);
    await expectNoAnswerWithin(`${api.url}/auth/me`, {}, 200);
    await expectNoAnswerWithin(`${api.dataUrl}/analytics/capabilities`, {}, 200);
    // The controls answer at once, so a test can always undo what it set.
    expect((await request(`${api.url}/__demo/stats`)).status).toBe(200);
    api.faults.reset();
    expect((await request(`${api.url}/auth/me`)).status).toBe(401);
    expect((await request(`${api.url}/__demo/faults`, { body: {} })).body).toMatchObject({ latencyMs: 0 });
  });

  it('reset clears queued failures, refreshes in other tenants and counters', async () => {
    const { accessToken, refreshToken } = await signIn(api, 'owner');
    api.faults.failNextSwitches(3, 'http_500');
    api.faults.refreshInOtherTenant(3);
    api.faults.reset();
    expect(api.faults.stats()).toEqual({ refreshCalls: 0, switchCalls: 0, refreshReuseRejected: 0, requests: 0 });
    expect((await switchTenant(api, accessToken, 'tn-acme-madrid')).status).toBe(200);
    expect(claimsOf((await refreshedPair(api, refreshToken)).accessToken).tenantId).toBe('tn-acme');
    expect(api.faults.stats()).toMatchObject({ switchCalls: 1, refreshCalls: 1, requests: 2 });
  });
});

describe('fault controls over HTTP', () => {
  const faults = (body: unknown) => request(`${api.url}/__demo/faults`, { body });

  it('queue switch failures, expire tokens, move refreshes, set latency, reset; stats reflect the calls', async () => {
    const { accessToken, refreshToken } = await signIn(api, 'owner');
    expect((await faults({ failNextSwitches: { n: 1, kind: 'http_503' } })).status).toBe(200);
    expect((await switchTenant(api, accessToken, 'tn-acme-madrid')).status).toBe(503);

    expect((await faults({ expireAccessTokens: true })).status).toBe(200);
    expect((await me(api, accessToken)).status).toBe(401);
    const renewed = await refreshedPair(api, refreshToken);
    expect(claimsOf(renewed.accessToken).tenantId).toBe('tn-acme');

    expect((await faults({ refreshInOtherTenant: 1 })).status).toBe(200);
    expect(claimsOf((await refreshedPair(api, renewed.refreshToken)).accessToken).tenantId).not.toBe('tn-acme');

    const slow = await faults({ latencyMs: 60_000 });
    expect(slow.body).toMatchObject({ ok: true, latencyMs: 60_000 });
    await expectNoAnswerWithin(`${api.url}/auth/me`, {}, 200);

    // login, switch, me, refresh, refresh, and the held /auth/me (counted on arrival).
    expect((await request(`${api.url}/__demo/stats`)).body).toEqual({ refreshCalls: 2, switchCalls: 1, refreshReuseRejected: 0, requests: 6 });

    const reset = await faults({ reset: true });
    expect(reset.body).toMatchObject({ ok: true, latencyMs: 0, accessTokenTtlSeconds: 900, stats: { requests: 0 } });
    expect(api.faults.stats().requests).toBe(0);
    expect((await faults({ accessTokenTtlSeconds: 30 })).status).toBe(200);
    const pair = await signIn(api, 'admin');
    const claims = decodeJwt(pair.accessToken);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(30);
  });

  it('reject bad control bodies with a NestJS 400', async () => {
    for (const body of [{ failNextSwitches: { n: 1, kind: 'explode' } }, { latencyMs: -1 }, { refreshInOtherTenant: -1 }, { refreshInOtherTenant: 'two' }, { unknownKnob: true }, '{nope']) {
      const response = await faults(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: [expect.any(String)] });
    }
    // Nothing of that took effect.
    expect((await faults({})).body).toMatchObject({ latencyMs: 0 });
    const { refreshToken } = await signIn(api, 'owner');
    expect(claimsOf((await refreshedPair(api, refreshToken)).accessToken).tenantId).toBe('tn-acme');
  });
});
