import { decodeJwt } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { normalizeAccessibleTenants, normalizeTokenResponse } from '../../../src-shared/api';
import { startDemoApi } from '../../../src-main/demo-api';
import type { DemoApi } from '../../../src-main/demo-api';
import { claimsOf, errorOf, refresh as refreshWith, refreshedPair, request, signIn } from './demo-http';

let api: DemoApi;
beforeAll(async () => {
  api = await startDemoApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => api.faults.reset());

const refresh = (refreshToken: unknown) => refreshWith(api, refreshToken);
const me = (token: string) => request(`${api.url}/auth/me`, { token });

describe('refresh tokens rotate and are single-use', () => {
  it('returns a new camelCase pair and spends the old refresh token; a reuse is 401 and counted', async () => {
    const first = await signIn(api, 'owner');
    const rotated = await refresh(first.refreshToken);
    expect(rotated.status).toBe(200);
    expect(Object.keys(rotated.body as object).sort()).toEqual(['accessToken', 'refreshToken']);
    const second = normalizeTokenResponse(rotated.body);
    expect(second.refreshToken).toBeDefined();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(claimsOf(second.accessToken)).toMatchObject({ tenantId: 'tn-acme', role: 'OWNER' });
    expect((await me(second.accessToken)).status).toBe(200);

    const reused = await refresh(first.refreshToken);
    expect(reused.status).toBe(401);
    expect(reused.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    expect(errorOf(reused).message).toMatch(/already used/);
    // The rotated token still works exactly once.
    expect((await refresh(second.refreshToken)).status).toBe(200);
    expect((await refresh(second.refreshToken)).status).toBe(401);
    expect(api.faults.stats()).toMatchObject({ refreshCalls: 4, refreshReuseRejected: 2 });
  });

  it('rejects unknown and malformed refresh requests without counting them as reuse', async () => {
    const unknown = await refresh('rt_never_issued');
    expect(unknown.status).toBe(401);
    expect(errorOf(unknown).message).toMatch(/Refresh token is invalid/);
    const missing = await request(`${api.url}/auth/refresh`, { body: {} });
    expect(missing.status).toBe(400);
    // NestJS validation style: `message` is a list, the field named in it.
    expect(missing.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: [expect.stringMatching(/^refreshToken: /)] });
    expect((await refresh(42)).status).toBe(400);
    expect(api.faults.stats().refreshReuseRejected).toBe(0);
  });

  it('needs no bearer, and an access token is not a refresh token', async () => {
    const pair = await signIn(api, 'admin');
    expect((await refresh(pair.accessToken)).status).toBe(401);
    expect((await refresh(pair.refreshToken)).status).toBe(200);
  });

  it('concurrent refreshes with one token: exactly one wins', async () => {
    const pair = await signIn(api, 'admin');
    const results = await Promise.all(Array.from({ length: 5 }, () => refresh(pair.refreshToken)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 401)).toHaveLength(4);
    expect(api.faults.stats().refreshReuseRejected).toBe(4);
  });
});

describe('refreshInOtherTenant(n): refreshes that come back in another tenant', () => {
  it('the next n refreshes (and only those) answer with a validly signed token for another tenant the user can see', async () => {
    const { accessToken } = await signIn(api, 'owner');
    const visible = new Set(normalizeAccessibleTenants((await request(`${api.url}/users/accessible-tenants`, { token: accessToken })).body).map((t) => t.id));
    const sessions = await Promise.all([signIn(api, 'owner'), signIn(api, 'owner'), signIn(api, 'owner')]);
    api.faults.refreshInOtherTenant(2);
    const tenants: string[] = [];
    for (const session of sessions) {
      const pair = await refreshedPair(api, session.refreshToken);
      const tenant = claimsOf(pair.accessToken).tenantId ?? '';
      tenants.push(tenant);
      // A real token: the demo takes it, and answers in that other tenant.
      expect((await me(pair.accessToken)).body).toMatchObject({ tenantId: tenant });
    }
    expect(tenants[0]).not.toBe('tn-acme');
    expect(tenants[1]).not.toBe('tn-acme');
    expect(tenants[2]).toBe('tn-acme');
    expect(tenants.every((t) => visible.has(t))).toBe(true);
    expect(api.faults.stats().refreshCalls).toBe(3);
  });

  it('the refresh token that came with it is bound to the other tenant', async () => {
    const session = await signIn(api, 'owner');
    api.faults.refreshInOtherTenant(1);
    const elsewhere = await refreshedPair(api, session.refreshToken);
    const tenant = claimsOf(elsewhere.accessToken).tenantId;
    expect(tenant).not.toBe('tn-acme');
    expect(claimsOf((await refreshedPair(api, elsewhere.refreshToken)).accessToken).tenantId).toBe(tenant);
  });

  it('works for a user who sees one tenant only (the token names a tenant they cannot use)', async () => {
    const session = await signIn(api, 'admin');
    api.faults.refreshInOtherTenant(1);
    const pair = await refreshedPair(api, session.refreshToken);
    expect(claimsOf(pair.accessToken).tenantId).not.toBe('tn-globex-de');
  });

  it('is cleared by reset()', async () => {
    const session = await signIn(api, 'owner');
    api.faults.refreshInOtherTenant(5);
    api.faults.reset();
    expect(claimsOf((await refreshedPair(api, session.refreshToken)).accessToken).tenantId).toBe('tn-acme');
  });
});

describe('access-token expiry', () => {
  it('uses the configured TTL and rejects an expired token with 401 "expired"', async () => {
    api.faults.setAccessTokenTtl(0);
    const expired = await signIn(api, 'owner');
    const claims = decodeJwt(expired.accessToken);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(0);
    const refused = await me(expired.accessToken);
    expect(refused.status).toBe(401);
    expect(errorOf(refused).message).toBe('Access token has expired');

    api.faults.setAccessTokenTtl(120);
    const renewed = await refreshedPair(api, expired.refreshToken);
    const renewedClaims = decodeJwt(renewed.accessToken);
    expect((renewedClaims.exp ?? 0) - (renewedClaims.iat ?? 0)).toBe(120);
    expect((await me(renewed.accessToken)).status).toBe(200);
  });

  it('expireAccessTokens() rejects every token issued so far, and only those', async () => {
    const owner = await signIn(api, 'owner');
    const admin = await signIn(api, 'admin');
    api.faults.expireAccessTokens();
    for (const token of [owner.accessToken, admin.accessToken]) {
      const refused = await me(token);
      expect(refused.status).toBe(401);
      expect(errorOf(refused).message).toBe('Access token has expired');
    }
    const fresh = await refreshedPair(api, owner.refreshToken);
    expect((await me(fresh.accessToken)).status).toBe(200);
  });

  it('tells an expired token from a forged one', async () => {
    const { accessToken } = await signIn(api, 'owner');
    const [header, payload, signature = ''] = accessToken.split('.');
    const flipped = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const refused = await me(flipped);
    expect(refused.status).toBe(401);
    expect(errorOf(refused).message).toBe('Access token is invalid');
  });

  it('honours accessTokenTtlSeconds and issuer given at start', async () => {
    const other = await startDemoApi({ accessTokenTtlSeconds: 60, issuer: 'https://issuer.test' });
    try {
      const pair = await signIn(other, 'solo');
      const claims = decodeJwt(pair.accessToken);
      expect(claims.iss).toBe('https://issuer.test');
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(60);
      expect((await request(`${other.url}/auth/me`, { token: pair.accessToken })).status).toBe(200);
      // A token from one server is not valid on another: each signs with its own secret.
      expect((await me(pair.accessToken)).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});
