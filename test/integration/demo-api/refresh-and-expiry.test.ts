import { decodeJwt } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema, normalizeTokenResponse } from '../../../src-shared/api';
import { startDemoApi } from '../../../src-main/demo-api';
import type { DemoApi } from '../../../src-main/demo-api';
import { request, signIn } from './demo-http';

let api: DemoApi;
beforeAll(async () => {
  api = await startDemoApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => api.faults.reset());

const refresh = (refreshToken: unknown) => request(`${api.url}/auth/refresh`, { body: { refreshToken } });
const me = (token: string) => request(`${api.url}/auth/me`, { token });

describe('refresh tokens rotate and are single-use', () => {
  it('returns a new pair and spends the old refresh token; a reuse is 401 and counted', async () => {
    const first = await signIn(api, 'owner');
    const rotated = await refresh(first.refreshToken);
    expect(rotated.status).toBe(200);
    const second = normalizeTokenResponse(rotated.body);
    expect(second.refreshToken).toBeDefined();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect((await me(second.accessToken)).status).toBe(200);

    const reused = await refresh(first.refreshToken);
    expect(reused.status).toBe(401);
    expect(ApiErrorBodySchema.parse(reused.body)).toMatchObject({ code: 'refresh_failed', message: expect.stringMatching(/already used/) });
    // The rotated token still works exactly once.
    expect((await refresh(second.refreshToken)).status).toBe(200);
    expect((await refresh(second.refreshToken)).status).toBe(401);
    expect(api.faults.stats()).toMatchObject({ refreshCalls: 4, refreshReuseRejected: 2 });
  });

  it('rejects unknown and malformed refresh requests without counting them as reuse', async () => {
    expect((await refresh('rt_never_issued')).status).toBe(401);
    const missing = await request(`${api.url}/auth/refresh`, { body: {} });
    expect(missing.status).toBe(400);
    expect(ApiErrorBodySchema.parse(missing.body).param).toBe('refreshToken');
    expect((await refresh(42)).status).toBe(400);
    expect(api.faults.stats().refreshReuseRejected).toBe(0);
  });

  it('concurrent refreshes with one token: exactly one wins', async () => {
    const pair = await signIn(api, 'admin');
    const results = await Promise.all(Array.from({ length: 5 }, () => refresh(pair.refreshToken)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 401)).toHaveLength(4);
    expect(api.faults.stats().refreshReuseRejected).toBe(4);
  });
});

describe('access-token expiry', () => {
  it('uses the configured TTL and rejects an expired token with 401 token_expired', async () => {
    api.faults.setAccessTokenTtl(0);
    const expired = await signIn(api, 'owner');
    const claims = decodeJwt(expired.accessToken);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(0);
    const refused = await me(expired.accessToken);
    expect(refused.status).toBe(401);
    expect(ApiErrorBodySchema.parse(refused.body).code).toBe('token_expired');

    api.faults.setAccessTokenTtl(120);
    const renewed = normalizeTokenResponse((await refresh(expired.refreshToken)).body);
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
      expect(ApiErrorBodySchema.parse(refused.body).code).toBe('token_expired');
    }
    const fresh = normalizeTokenResponse((await refresh(owner.refreshToken)).body);
    expect((await me(fresh.accessToken)).status).toBe(200);
  });

  it('honours accessTokenTtlSeconds and issuer given at start', async () => {
    const other = await startDemoApi({ accessTokenTtlSeconds: 60, issuer: 'https://issuer.test' });
    try {
      const pair = await signIn(other, 'solo');
      const claims = decodeJwt(pair.accessToken);
      expect(claims.iss).toBe('https://issuer.test');
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(60);
      // A token from one server is not valid on another: the keys differ.
      expect((await me(pair.accessToken)).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});
