import { decodeJwt, decodeProtectedHeader, createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AccessibleTenantsResponseSchema, AccessTokenClaimsSchema, ApiErrorBodySchema, MeSchema, normalizeTokenResponse, PlatformTenantsResponseSchema } from '../../../src-shared/api';
import { demoUsers, startDemoApi } from '../../../src-main/demo-api';
import type { DemoApi } from '../../../src-main/demo-api';
import { request, signIn, switchTenant } from './demo-http';

let api: DemoApi;
beforeAll(async () => {
  api = await startDemoApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => api.faults.reset());

const ownerSubtree = [
  'tn-acme',
  'tn-acme-es',
  'tn-acme-madrid',
  'tn-acme-madrid-arena',
  'tn-acme-barcelona',
  'tn-acme-valencia',
  'tn-acme-fr',
  'tn-acme-paris',
  'tn-acme-lyon',
  'tn-acme-pt',
  'tn-acme-lisbon',
  'tn-acme-porto',
];

async function accessible(token: string) {
  const response = await request(`${api.url}/users/accessible-tenants`, { token });
  expect(response.status).toBe(200);
  return AccessibleTenantsResponseSchema.parse(response.body);
}

describe('sign-in and tokens', () => {
  it('signs every demo user in with password "demo" and issues ES256 tokens verifiable with the JWKS', async () => {
    const jwks = createRemoteJWKSet(new URL(api.jwksUrl));
    for (const user of demoUsers) {
      const response = await request(`${api.url}/auth/admin/login`, { body: { email: user.email, password: user.password } });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ loggedIn: true });
      const pair = normalizeTokenResponse(response.body);
      expect(pair.refreshToken).toBeTruthy();
      const header = decodeProtectedHeader(pair.accessToken);
      expect(header.alg).toBe('ES256');
      expect(header.kid).toBeTruthy();
      const { payload } = await jwtVerify(pair.accessToken, jwks, { issuer: 'nevent-demo' });
      const claims = AccessTokenClaimsSchema.parse(payload);
      expect(claims.role).toBe(user.role);
      expect(claims.email).toBe(user.email);
      expect(claims.exp - claims.iat).toBe(900);
      expect(claims.tenant_slug).toBeTruthy();
      expect(claims.tenant_role).toBe(user.role.toLowerCase());
    }
  });

  it('refuses a wrong password and an unknown user with 401 JSON', async () => {
    for (const body of [{ email: 'owner@demo.nevent.local', password: 'nope' }, { email: 'nobody@demo.nevent.local', password: 'demo' }]) {
      const response = await request(`${api.url}/auth/admin/login`, { body });
      expect(response.status).toBe(401);
      expect(ApiErrorBodySchema.parse(response.body).message).toBe('Invalid email or password');
    }
  });

  it('answers /auth/me from the token', async () => {
    const { accessToken } = await signIn(api, 'owner');
    const response = await request(`${api.url}/auth/me`, { token: accessToken });
    expect(response.status).toBe(200);
    expect(MeSchema.parse(response.body)).toEqual({ id: 'usr-owner', email: 'owner@demo.nevent.local', name: 'Olivia Owner', role: 'OWNER', tenantId: 'tn-acme' });
  });
});

describe('unscoped sign-in (?unscoped=true)', () => {
  it('issues a token without tenant claims that must switch before tenant-scoped calls', async () => {
    const login = await request(`${api.url}/auth/admin/login?unscoped=true`, { body: { email: 'owner@demo.nevent.local', password: 'demo' } });
    const pair = normalizeTokenResponse(login.body);
    const claims = decodeJwt(pair.accessToken);
    expect(claims.tenantId).toBeUndefined();
    expect(claims.tenant_slug).toBeUndefined();
    expect(MeSchema.parse((await request(`${api.url}/auth/me`, { token: pair.accessToken })).body).tenantId).toBeNull();
    expect((await accessible(pair.accessToken)).totalTenants).toBe(ownerSubtree.length);
    for (const path of ['/segments', '/campaigns', '/data/segmentation/criteria']) {
      const refused = await request(`${api.url}${path}`, { token: pair.accessToken });
      expect(refused.status, path).toBe(400);
      expect(JSON.stringify(refused.body)).toMatch(/not scoped to a tenant/);
    }
    const refreshed = normalizeTokenResponse((await request(`${api.url}/auth/refresh`, { body: { refreshToken: pair.refreshToken } })).body);
    expect(decodeJwt(refreshed.accessToken).tenantId).toBeUndefined();
    const scoped = normalizeTokenResponse((await switchTenant(api, refreshed.accessToken, 'tn-acme-paris')).body);
    expect(decodeJwt(scoped.accessToken).tenantId).toBe('tn-acme-paris');
    expect((await request(`${api.url}/segments`, { token: scoped.accessToken })).status).toBe(200);
  });
});

describe('tenant visibility by role', () => {
  it('owner sees exactly their subtree, with INVITED and SUSPENDED memberships and reasons', async () => {
    const tree = await accessible((await signIn(api, 'owner')).accessToken);
    expect(tree.flatList.map((t) => t.id)).toEqual(ownerSubtree);
    expect(tree.totalTenants).toBe(ownerSubtree.length);
    expect(tree.root?.id).toBe('tn-acme');
    expect(tree.children.map((n) => n.id)).toEqual(['tn-acme-es', 'tn-acme-fr', 'tn-acme-pt']);
    const spain = tree.children[0];
    expect(spain?.children.map((n) => n.id)).toEqual(['tn-acme-madrid', 'tn-acme-barcelona', 'tn-acme-valencia']);
    expect(spain?.children[0]?.children.map((n) => n.id)).toEqual(['tn-acme-madrid-arena']);
    const lyon = tree.flatList.find((t) => t.id === 'tn-acme-lyon');
    const porto = tree.flatList.find((t) => t.id === 'tn-acme-porto');
    expect(lyon).toMatchObject({ status: 'INVITED', role: 'OWNER' });
    expect(lyon?.statusReason).toMatch(/invitation/i);
    expect(porto).toMatchObject({ status: 'SUSPENDED' });
    expect(porto?.statusReason).toMatch(/suspended/i);
    expect(tree.flatList.filter((t) => t.status === 'ACTIVE').every((t) => t.statusReason === undefined)).toBe(true);
  });

  it('admin sees only their own tenant, solo exactly one', async () => {
    const admin = await accessible((await signIn(api, 'admin')).accessToken);
    expect(admin.flatList.map((t) => t.id)).toEqual(['tn-globex-de']);
    expect(admin.children).toEqual([]);
    const solo = await accessible((await signIn(api, 'solo')).accessToken);
    expect(solo.totalTenants).toBe(1);
    expect(solo.root?.id).toBe('tn-solo-studio');
  });

  it('superadmin sees every tenant, rooted at the platform, at least four levels deep', async () => {
    const token = (await signIn(api, 'superadmin')).accessToken;
    const tree = await accessible(token);
    const all = PlatformTenantsResponseSchema.parse((await request(`${api.url}/platform/tenants`, { token })).body);
    expect(tree.root?.id).toBe('tn-nevent');
    expect(tree.flatList.map((t) => t.id)).toEqual(all.map((t) => t.id));
    expect(Math.max(...all.map((t) => t.level))).toBeGreaterThanOrEqual(3);
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
  });

  it('/platform/tenants is 403 for everyone but SUPERADMIN', async () => {
    for (const user of ['owner', 'admin', 'solo'] as const) {
      const response = await request(`${api.url}/platform/tenants`, { token: (await signIn(api, user)).accessToken });
      expect(response.status).toBe(403);
      ApiErrorBodySchema.parse(response.body);
    }
  });
});

describe('tenant switch', () => {
  it('issues a token scoped to the tenant, and a refresh token that keeps that scope', async () => {
    const { accessToken } = await signIn(api, 'owner');
    const response = await switchTenant(api, accessToken, 'tn-acme-madrid');
    expect(response.status).toBe(200);
    const pair = normalizeTokenResponse(response.body);
    expect(decodeJwt(pair.accessToken)).toMatchObject({ tenantId: 'tn-acme-madrid', tenant_slug: 'acme-madrid', role: 'OWNER' });
    const me = await request(`${api.url}/auth/me`, { token: pair.accessToken });
    expect(me.body).toMatchObject({ tenantId: 'tn-acme-madrid' });
    const refreshed = await request(`${api.url}/auth/refresh`, { body: { refreshToken: pair.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(decodeJwt(normalizeTokenResponse(refreshed.body).accessToken).tenantId).toBe('tn-acme-madrid');
    expect(api.faults.stats().switchCalls).toBe(1);
  });

  it('superadmin may switch anywhere', async () => {
    const { accessToken } = await signIn(api, 'superadmin');
    for (const id of ['tn-acme-porto', 'tn-globex-london', 'tn-solo-studio']) {
      const response = await switchTenant(api, accessToken, id);
      expect(response.status).toBe(200);
      expect(decodeJwt(normalizeTokenResponse(response.body).accessToken).tenantId).toBe(id);
    }
  });

  it('refuses with the right status and a clear message', async () => {
    const owner = (await signIn(api, 'owner')).accessToken;
    const admin = (await signIn(api, 'admin')).accessToken;
    const cases: { token: string | undefined; tenantId: string; status: number; message: RegExp }[] = [
      { token: owner, tenantId: 'tn-globex', status: 403, message: /do not have access to tenant Globex Events/ },
      { token: admin, tenantId: 'tn-globex-berlin', status: 403, message: /do not have access/ },
      { token: owner, tenantId: 'tn-acme-lyon', status: 403, message: /^Your membership in Acme Lyon is INVITED: accept the invitation before switching$/ },
      { token: owner, tenantId: 'tn-acme-porto', status: 403, message: /^Your membership in Acme Porto is SUSPENDED/ },
      { token: owner, tenantId: 'tn-does-not-exist', status: 404, message: /does not exist/ },
      { token: undefined, tenantId: 'tn-acme', status: 401, message: /Missing bearer token/ },
    ];
    for (const c of cases) {
      const response = await request(`${api.url}/users/tenant`, { token: c.token, body: { tenantId: c.tenantId } });
      expect(response.status, c.tenantId).toBe(c.status);
      expect(ApiErrorBodySchema.parse(response.body).message).toMatch(c.message);
    }
  });
});
