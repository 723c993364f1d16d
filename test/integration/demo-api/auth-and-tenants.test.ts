import { calculateJwkThumbprint, createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import type { JWK } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isSwitchableStatus, MeSchema, normalizeAccessibleTenants, normalizePlatformTenants, normalizeTokenResponse } from '../../../src-shared/api';
import { demoUsers, startDemoApi } from '../../../src-main/demo-api';
import type { DemoApi } from '../../../src-main/demo-api';
import { claimsOf, errorOf, login, refresh, refreshedPair, request, signIn, switchedPair, switchTenant } from './demo-http';
import type { DemoUserName, JsonResponse } from './demo-http';

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
  // The Spanish promoter group and its venues (accents and ñ in their names).
  'tn-ole',
  'tn-ole-malaga',
  'tn-ole-logrono',
  'tn-ole-coruna',
  'tn-ole-cadiz',
];

/** Home tenant and token role of each demo user (`solo`'s token carries no role). */
const expected: Record<DemoUserName, { home: string; tokenRole: string | undefined; slug: string | undefined }> = {
  superadmin: { home: 'tn-nevent', tokenRole: 'SUPERADMIN', slug: undefined },
  owner: { home: 'tn-acme', tokenRole: 'OWNER', slug: 'acme' },
  admin: { home: 'tn-globex-de', tokenRole: 'ADMIN', slug: undefined },
  staff: { home: 'tn-globex-uk', tokenRole: 'STAFF', slug: undefined },
  solo: { home: 'tn-solo-studio', tokenRole: undefined, slug: 'solo-studio' },
};

async function accessibleRaw(token: string): Promise<{ root: Record<string, unknown>; children: unknown[]; flatList: Record<string, unknown>[]; totalTenants: number }> {
  const response = await request(`${api.url}/users/accessible-tenants`, { token });
  expect(response.status).toBe(200);
  return response.body as { root: Record<string, unknown>; children: unknown[]; flatList: Record<string, unknown>[]; totalTenants: number };
}

async function accessible(token: string) {
  return normalizeAccessibleTenants(await accessibleRaw(token));
}

/** The ids of a raw `children` tree, depth first (the order `flatList` uses). */
function treeIds(nodes: unknown[]): string[] {
  const out: string[] = [];
  for (const node of nodes as { id: string; children?: unknown[] }[]) out.push(node.id, ...treeIds(node.children ?? []));
  return out;
}

describe('sign-in and tokens (default: HS256, like the real API)', () => {
  it('signs every demo user in with password "demo", answering snake_case with the claims Nevent sends', async () => {
    expect(demoUsers.map((u) => u.name).sort()).toEqual(['admin', 'owner', 'solo', 'staff', 'superadmin']);
    for (const user of demoUsers) {
      const response = await request(`${api.url}/auth/admin/login`, { body: { email: user.email, password: user.password } });
      expect(response.status, user.name).toBe(200);
      const body = response.body as Record<string, unknown>;
      // The wire: snake_case, never the camelCase names refresh and switch use.
      expect(Object.keys(body).sort(), user.name).toEqual(user.name === 'solo' ? ['access_token', 'loggedIn'] : ['access_token', 'loggedIn', 'refresh_token']);
      expect(body.loggedIn).toBe(true);
      const pair = normalizeTokenResponse(body);
      expect(pair.refreshToken !== undefined, user.name).toBe(user.name !== 'solo');

      expect(decodeProtectedHeader(pair.accessToken)).toEqual({ alg: 'HS256', typ: 'JWT' });
      const raw = decodeJwt(pair.accessToken);
      const claims = claimsOf(pair.accessToken);
      const want = expected[user.name];
      expect(claims.tenantId, user.name).toBe(want.home);
      // The platform user's tenant comes as `activeTenantId`, everyone else's as `tenantId`.
      expect(raw.activeTenantId, user.name).toBe(user.name === 'superadmin' ? want.home : undefined);
      expect(raw.tenantId, user.name).toBe(user.name === 'superadmin' ? undefined : want.home);
      expect(claims.role, user.name).toBe(want.tokenRole);
      expect('role' in raw, user.name).toBe(want.tokenRole !== undefined);
      expect(claims.email).toBe(user.email);
      expect(claims.iss).toBe('nevent-demo');
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(900);
      // Only the level-1 group tenants have a slug to put in the token.
      expect(claims.tenant_slug, user.name).toBe(want.slug);
      // The demo takes its own token.
      expect((await request(`${api.url}/auth/me`, { token: pair.accessToken })).status, user.name).toBe(200);
    }
  });

  it('publishes no signing keys: jwksUrl is null and the JWKS path is a 404', async () => {
    expect(api.jwksUrl).toBeNull();
    const response = await request(`${api.url}/.well-known/jwks.json`);
    expect(response.status).toBe(404);
    expect(errorOf(response).message).toMatch(/No signing keys are published/);
  });

  it('refuses a wrong password and an unknown user with 401', async () => {
    for (const body of [{ email: 'owner@demo.nevent.local', password: 'nope' }, { email: 'nobody@demo.nevent.local', password: 'demo' }]) {
      const response = await request(`${api.url}/auth/admin/login`, { body });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ statusCode: 401, message: 'Invalid email or password', error: 'Unauthorized' });
    }
  });

  it('answers /auth/me from the token, Mongo-style (`_id`, first and last name)', async () => {
    const { accessToken } = await signIn(api, 'owner');
    const response = await request(`${api.url}/auth/me`, { token: accessToken });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ _id: 'usr-owner', email: 'owner@demo.nevent.local', firstName: 'Olivia', lastName: 'Owner', role: 'OWNER', tenantId: 'tn-acme' });
    expect(MeSchema.parse(response.body)).toMatchObject({ _id: 'usr-owner', role: 'OWNER', tenantId: 'tn-acme' });
  });
});

describe('sign-in with { jwks: true } (ES256 and a published JWKS)', () => {
  let jwksApi: DemoApi;
  beforeAll(async () => {
    jwksApi = await startDemoApi({ jwks: true });
  });
  afterAll(async () => {
    await jwksApi.close();
  });

  it('issues ES256 tokens, kid = the key thumbprint, verifiable with the JWKS it serves', async () => {
    expect(jwksApi.jwksUrl).toBe(`${jwksApi.url}/.well-known/jwks.json`);
    const served = await request(jwksApi.jwksUrl ?? '');
    expect(served.status).toBe(200);
    const keys = (served.body as { keys: JWK[] }).keys;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(keys[0]).not.toHaveProperty('d');
    const jwks = createRemoteJWKSet(new URL(jwksApi.jwksUrl ?? ''));
    for (const user of demoUsers) {
      const pair = await signIn(jwksApi, user.name);
      const header = decodeProtectedHeader(pair.accessToken);
      expect(header.alg).toBe('ES256');
      expect(header.kid).toBe(await calculateJwkThumbprint(keys[0] as JWK));
      const { payload } = await jwtVerify(pair.accessToken, jwks, { issuer: 'nevent-demo', algorithms: ['ES256'] });
      // The same claims as in HS256 mode.
      expect(claimsOf(pair.accessToken)).toMatchObject({ tenantId: expected[user.name].home, email: user.email });
      expect(payload.role).toBe(expected[user.name].tokenRole);
    }
  });

  it('does not take the HS256 server’s tokens, nor the other way round', async () => {
    const es = (await signIn(jwksApi, 'owner')).accessToken;
    const hs = (await signIn(api, 'owner')).accessToken;
    expect((await request(`${jwksApi.url}/auth/me`, { token: hs })).status).toBe(401);
    expect((await request(`${api.url}/auth/me`, { token: es })).status).toBe(401);
  });
});

describe('unscoped sign-in (?unscoped=true)', () => {
  it('issues a token without tenant claims that must switch before tenant-scoped calls', async () => {
    const pair = normalizeTokenResponse((await login(api, 'owner', '?unscoped=true')).body);
    const claims = decodeJwt(pair.accessToken);
    expect(claims.tenantId).toBeUndefined();
    expect(claims.activeTenantId).toBeUndefined();
    expect(claims.tenant_slug).toBeUndefined();
    expect(claimsOf(pair.accessToken).tenantId).toBeUndefined();
    expect(MeSchema.parse((await request(`${api.url}/auth/me`, { token: pair.accessToken })).body).tenantId).toBeNull();
    expect((await accessible(pair.accessToken)).map((t) => t.id)).toEqual(ownerSubtree);
    for (const path of ['/segments', '/api/ads/meta/status', '/data/segmentation/criteria']) {
      const refused = await request(`${api.url}${path}`, { token: pair.accessToken });
      expect(refused.status, path).toBe(400);
      expect(errorOf(refused).message, path).toMatch(/not scoped to a tenant/);
    }
    const refreshed = await refreshedPair(api, pair.refreshToken ?? '');
    expect(claimsOf(refreshed.accessToken).tenantId).toBeUndefined();
    const scoped = await switchedPair(api, refreshed.accessToken, 'tn-acme-paris');
    expect(claimsOf(scoped.accessToken).tenantId).toBe('tn-acme-paris');
    expect((await request(`${api.url}/segments`, { token: scoped.accessToken })).status).toBe(200);
  });
});

describe('tenant visibility by role', () => {
  it('owner sees exactly their subtree, with INVITED and SUSPENDED memberships and reasons', async () => {
    const tenants = await accessible((await signIn(api, 'owner')).accessToken);
    expect(tenants.map((t) => t.id)).toEqual(ownerSubtree);
    const byId = new Map(tenants.map((t) => [t.id, t]));
    // Parents and levels as the tree says: five levels from the platform down to the arena.
    expect(byId.get('tn-acme')).toMatchObject({ parentId: 'tn-nevent', level: 1, slug: 'acme', domain: 'acme.nevent.es', status: 'ACTIVE', role: 'OWNER' });
    expect(byId.get('tn-acme-madrid-arena')).toMatchObject({ parentId: 'tn-acme-madrid', level: 4 });
    expect(byId.get('tn-acme-lyon')).toMatchObject({ status: 'INVITED', role: 'OWNER', statusReason: expect.stringMatching(/invitation/i) });
    expect(byId.get('tn-acme-porto')).toMatchObject({ status: 'SUSPENDED', role: 'OWNER', statusReason: expect.stringMatching(/suspended/i) });
    // Everyone else says nothing of status: active, and switchable.
    const plain = tenants.filter((t) => !['tn-acme', 'tn-acme-lyon', 'tn-acme-porto'].includes(t.id));
    expect(plain.every((t) => t.status === undefined && t.role === undefined && t.statusReason === undefined && isSwitchableStatus(t.status))).toBe(true);
    expect(tenants.filter((t) => !isSwitchableStatus(t.status)).map((t) => t.id)).toEqual(['tn-acme-lyon', 'tn-acme-porto']);
  });

  it('sends the real API’s minimal records: `flatList` includes root, tree nodes are {id, name, children?}', async () => {
    const raw = await accessibleRaw((await signIn(api, 'owner')).accessToken);
    expect(raw.totalTenants).toBe(ownerSubtree.length);
    expect(raw.flatList[0]).toEqual(raw.root);
    expect(raw.root).toEqual({ id: 'tn-acme', name: 'Acme Group', parentId: 'tn-nevent', level: 1, slug: 'acme', domain: 'acme.nevent.es', status: 'ACTIVE', role: 'OWNER' });
    expect(raw.flatList.find((t) => t.id === 'tn-acme-madrid')).toEqual({ id: 'tn-acme-madrid', name: 'Acme Madrid', parentId: 'tn-acme-es', level: 3 });
    expect(Object.keys(raw.flatList.find((t) => t.id === 'tn-acme-lyon') ?? {}).sort()).toEqual(['id', 'level', 'name', 'parentId', 'role', 'status', 'statusReason']);
    // Slugs and domains only on level-1 groups.
    expect(raw.flatList.filter((t) => 'slug' in t || 'domain' in t).map((t) => t.level)).toEqual([1]);

    expect(treeIds(raw.children)).toEqual(ownerSubtree.slice(1));
    expect((raw.children as { id: string }[]).map((n) => n.id)).toEqual(['tn-acme-es', 'tn-acme-fr', 'tn-acme-pt', 'tn-ole']);
    expect(raw.flatList.find((t) => t.id === 'tn-ole-logrono')).toEqual({ id: 'tn-ole-logrono', name: 'Auditorio de Logroño', parentId: 'tn-ole', level: 3 });
    const walk = (nodes: unknown[]): void => {
      for (const node of nodes as Record<string, unknown>[]) {
        expect(Object.keys(node).sort()).toEqual('children' in node ? ['children', 'id', 'name'] : ['id', 'name']);
        walk((node.children as unknown[] | undefined) ?? []);
      }
    };
    walk(raw.children);
    const spain = raw.children[0] as { children: { id: string; children?: { id: string }[] }[] };
    expect(spain.children.map((n) => n.id)).toEqual(['tn-acme-madrid', 'tn-acme-barcelona', 'tn-acme-valencia']);
    expect(spain.children[0]?.children?.map((n) => n.id)).toEqual(['tn-acme-madrid-arena']);
  });

  it('admin sees only their own tenant, solo exactly one', async () => {
    const admin = await accessibleRaw((await signIn(api, 'admin')).accessToken);
    expect(normalizeAccessibleTenants(admin).map((t) => t.id)).toEqual(['tn-globex-de']);
    expect(admin.children).toEqual([]);
    const solo = await accessibleRaw((await signIn(api, 'solo')).accessToken);
    expect(solo.totalTenants).toBe(1);
    expect(normalizeAccessibleTenants(solo)).toEqual([expect.objectContaining({ id: 'tn-solo-studio', name: 'Solo Studio', status: 'ACTIVE', role: 'OWNER' })]);
  });

  it('staff sees their home and its two cities, and may switch only inside it', async () => {
    const { accessToken } = await signIn(api, 'staff');
    const tenants = await accessible(accessToken);
    expect(tenants.map((t) => t.id)).toEqual(['tn-globex-uk', 'tn-globex-london', 'tn-globex-manchester']);
    expect(tenants[0]).toMatchObject({ role: 'STAFF', status: 'ACTIVE', level: 2 });
    expect(tenants.slice(1).every((t) => t.parentId === 'tn-globex-uk' && t.level === 3)).toBe(true);

    const london = await switchedPair(api, accessToken, 'tn-globex-london');
    expect(claimsOf(london.accessToken)).toMatchObject({ tenantId: 'tn-globex-london', role: 'STAFF' });
    for (const outside of ['tn-globex', 'tn-globex-de', 'tn-acme']) {
      const refused = await switchTenant(api, accessToken, outside);
      expect(refused.status, outside).toBe(403);
      expect(errorOf(refused).message).toMatch(/do not have access/);
    }
  });

  it('solo’s token has no role and its sign-in no refresh token; it still works, and a switch brings a pair', async () => {
    const pair = await signIn(api, 'solo');
    expect(pair.refreshToken).toBeUndefined();
    expect(decodeJwt(pair.accessToken)).not.toHaveProperty('role');
    expect(claimsOf(pair.accessToken)).toMatchObject({ tenantId: 'tn-solo-studio', subject: 'usr-solo' });
    expect((await request(`${api.url}/segments`, { token: pair.accessToken })).status).toBe(200);
    // `/auth/me` names the account's role even though the token carries none.
    expect((await request(`${api.url}/auth/me`, { token: pair.accessToken })).body).toMatchObject({ role: 'OWNER', tenantId: 'tn-solo-studio' });
    const switched = await switchedPair(api, pair.accessToken, 'tn-solo-studio');
    expect(decodeJwt(switched.accessToken)).not.toHaveProperty('role');
    expect(claimsOf((await refreshedPair(api, switched.refreshToken)).accessToken).tenantId).toBe('tn-solo-studio');
  });

  it('superadmin sees every tenant, rooted at the platform, five levels deep; /platform/tenants is a plain array', async () => {
    const token = (await signIn(api, 'superadmin')).accessToken;
    const tree = await accessibleRaw(token);
    const platform = await request(`${api.url}/platform/tenants`, { token });
    expect(platform.status).toBe(200);
    expect(Array.isArray(platform.body)).toBe(true);
    const records = platform.body as Record<string, unknown>[];
    // Minimal records: id, name, parentId, level, and a domain on some; no membership data.
    for (const record of records) {
      expect(Object.keys(record).sort()).toEqual('domain' in record ? ['domain', 'id', 'level', 'name', 'parentId'] : ['id', 'level', 'name', 'parentId']);
    }
    const all = normalizePlatformTenants(platform.body);
    expect(tree.root.id).toBe('tn-nevent');
    expect(normalizeAccessibleTenants(tree).map((t) => t.id)).toEqual(all.map((t) => t.id));
    expect(Math.max(...all.map((t) => t.level ?? -1))).toBe(4);
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    expect(all.length).toBe(tree.totalTenants);
  });

  it('/platform/tenants is 403 for everyone but SUPERADMIN', async () => {
    for (const user of ['owner', 'admin', 'staff', 'solo'] as const) {
      const response = await request(`${api.url}/platform/tenants`, { token: (await signIn(api, user)).accessToken });
      expect(response.status, user).toBe(403);
      expect(response.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      expect(errorOf(response).message).toMatch(/Only SUPERADMIN/);
    }
  });
});

describe('tenant switch', () => {
  it('answers camelCase with a token scoped to the tenant, and a refresh token that keeps that scope', async () => {
    const { accessToken } = await signIn(api, 'owner');
    const response = await switchTenant(api, accessToken, 'tn-acme-madrid');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body as object).sort()).toEqual(['accessToken', 'refreshToken']);
    const pair = normalizeTokenResponse(response.body);
    expect(decodeJwt(pair.accessToken)).toMatchObject({ tenantId: 'tn-acme-madrid', role: 'OWNER' });
    // Madrid is not a level-1 group: it has no slug to claim.
    expect(decodeJwt(pair.accessToken)).not.toHaveProperty('tenant_slug');
    const me = await request(`${api.url}/auth/me`, { token: pair.accessToken });
    expect(me.body).toMatchObject({ tenantId: 'tn-acme-madrid' });
    const refreshed = await refreshedPair(api, pair.refreshToken ?? '');
    expect(claimsOf(refreshed.accessToken).tenantId).toBe('tn-acme-madrid');
    expect(api.faults.stats().switchCalls).toBe(1);
  });

  it('superadmin may switch anywhere, the tenant coming back as activeTenantId', async () => {
    const { accessToken } = await signIn(api, 'superadmin');
    for (const id of ['tn-acme-porto', 'tn-globex-london', 'tn-solo-studio']) {
      const pair = await switchedPair(api, accessToken, id);
      expect(decodeJwt(pair.accessToken)).toMatchObject({ activeTenantId: id, role: 'SUPERADMIN' });
      expect(claimsOf(pair.accessToken).tenantId).toBe(id);
    }
  });

  it('refuses with the right status, in the shapes the real API uses, with a clear message', async () => {
    const owner = (await signIn(api, 'owner')).accessToken;
    const admin = (await signIn(api, 'admin')).accessToken;
    const nested = (response: JsonResponse) => {
      expect(response.body).toMatchObject({ error: { message: expect.any(String), code: 'TENANT_FORBIDDEN', type: expect.any(String), details: { field: 'tenantId' } } });
    };
    const plain = (response: JsonResponse) => expect(Object.keys(response.body as object)).toEqual(['message']);
    const nest = (response: JsonResponse) => expect(response.body).toMatchObject({ statusCode: response.status, error: 'Unauthorized' });
    const cases: { token: string | undefined; tenantId: string; status: number; message: RegExp; shape: (r: JsonResponse) => void }[] = [
      { token: owner, tenantId: 'tn-globex', status: 403, message: /do not have access to tenant Globex Events/, shape: nested },
      { token: admin, tenantId: 'tn-globex-berlin', status: 403, message: /do not have access/, shape: nested },
      { token: owner, tenantId: 'tn-acme-lyon', status: 403, message: /^Your membership in Acme Lyon is INVITED: accept the invitation before switching$/, shape: nested },
      { token: owner, tenantId: 'tn-acme-porto', status: 403, message: /^Your membership in Acme Porto is SUSPENDED/, shape: nested },
      { token: owner, tenantId: 'tn-does-not-exist', status: 404, message: /does not exist/, shape: plain },
      { token: undefined, tenantId: 'tn-acme', status: 401, message: /Missing bearer token/, shape: nest },
    ];
    for (const c of cases) {
      const response = await request(`${api.url}/users/tenant`, { token: c.token, body: { tenantId: c.tenantId } });
      expect(response.status, c.tenantId).toBe(c.status);
      c.shape(response);
      expect(errorOf(response).message, c.tenantId).toMatch(c.message);
    }
    // A refused switch leaves the caller where it was.
    expect((await request(`${api.url}/auth/me`, { token: owner })).body).toMatchObject({ tenantId: 'tn-acme' });
  });
});

describe('the SUPERADMIN switch is persisted server-side', () => {
  // A server of its own: the persisted tenant outlives sessions (and `faults.reset()`).
  let own: DemoApi;
  beforeAll(async () => {
    own = await startDemoApi();
  });
  afterAll(async () => {
    await own.close();
  });

  it('a later refresh, even one issued in another session and tenant, comes back in the tenant switched to last', async () => {
    const desktop = await signIn(own, 'superadmin');
    const other = await signIn(own, 'superadmin');
    expect(claimsOf(other.accessToken).tenantId).toBe('tn-nevent');

    await switchedPair(own, desktop.accessToken, 'tn-globex-london');
    // `other` never switched, and its refresh token was issued in the platform root.
    const moved = await refreshedPair(own, other.refreshToken);
    expect(claimsOf(moved.accessToken).tenantId).toBe('tn-globex-london');

    const acme = await switchedPair(own, desktop.accessToken, 'tn-acme-paris');
    expect(claimsOf(acme.accessToken).tenantId).toBe('tn-acme-paris');
    expect(claimsOf((await refreshedPair(own, moved.refreshToken)).accessToken).tenantId).toBe('tn-acme-paris');
    expect(claimsOf((await refreshedPair(own, desktop.refreshToken)).accessToken).tenantId).toBe('tn-acme-paris');
    // Sign-in itself still starts in the home tenant.
    expect(claimsOf((await signIn(own, 'superadmin')).accessToken).tenantId).toBe('tn-nevent');
  });

  it('an owner’s switch is session-scoped: another session’s refresh stays in its own tenant', async () => {
    const first = await signIn(own, 'owner');
    const second = await signIn(own, 'owner');
    await switchedPair(own, first.accessToken, 'tn-acme-madrid');
    expect(claimsOf((await refreshedPair(own, second.refreshToken)).accessToken).tenantId).toBe('tn-acme');
  });

  it('a refused SUPERADMIN switch persists nothing', async () => {
    const admin = await signIn(own, 'superadmin');
    const to = await switchedPair(own, admin.accessToken, 'tn-initech');
    expect((await switchTenant(own, admin.accessToken, 'tn-does-not-exist')).status).toBe(404);
    expect(claimsOf((await refreshedPair(own, to.refreshToken)).accessToken).tenantId).toBe('tn-initech');
    expect((await refresh(own, to.refreshToken)).status).toBe(401);
  });
});
