import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/create-core';
import { keychainServiceFor } from '../../../src-main/core/secret-store';
import { signInStandalone } from '../../../src-main/core/standalone-sign-in';
import type { SessionRegistryEvent } from '../../../src-main/core/session-registry';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { FakeClock } from '../../helpers/fake-clock';
import { FakeKeychainStore, MemorySecretStore } from '../../helpers/secret-stores';

let fixture: CoreFixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

const owner = { type: 'password' as const, email: 'owner@demo.nevent.local', password: 'demo' };

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('account: sign-in, restore, sign-out', () => {
  it('rejects a wrong password and an unreachable server with clear, typed errors', async () => {
    fixture = await startCoreFixture({ user: null });
    await expect(fixture.core.account.signIn({ ...owner, password: 'wrong' })).rejects.toMatchObject({ code: 'authentication_failed', message: 'wrong email or password' });
    expect(fixture.core.account.state.type).toBe('signedOut');
    await expect(fixture.core.account.signIn(owner, { apiUrl: 'http://127.0.0.1:9' })).rejects.toMatchObject({ code: 'api_unavailable' });
    expect(fixture.core.account.status().signedIn).toBe(false);
    expect(fixture.core.registry.desktop).toBeNull();
  });

  it('keeps tokens in the secret store only; account.json holds no token; a restarted core restores', async () => {
    const store = new FakeKeychainStore();
    fixture = await startCoreFixture({ user: null, core: { secretStore: store } });
    await fixture.core.account.signIn(owner);
    const desktop = fixture.core.registry.desktop;
    const tokens = [desktop?.credential.accessToken ?? '', desktop?.credential.refreshToken ?? ''];
    expect(fixture.core.account.status()).toMatchObject({ signedIn: true, email: owner.email, apiUrl: fixture.demo.url, storage: 'keychain', warning: null });

    const files = await filesUnder(fixture.configDir);
    expect(files.map((f) => f.slice(fixture?.configDir.length))).toEqual(['/account.json']);
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      for (const token of tokens) expect(text).not.toContain(token);
      expect(text).not.toMatch(/eyJ|rt_/);
      expect((await stat(file)).mode & 0o077).toBe(0);
    }

    // "Restart": a new core over the same config dir and store.
    const restarted = await createCore({ apiUrl: 'http://unused.invalid', secretStore: store, configDir: fixture.configDir, fetch: fixture.http.fetch });
    expect(await restarted.account.restore()).toBe(true);
    expect(restarted.account.status()).toMatchObject({ signedIn: true, email: owner.email, apiUrl: fixture.demo.url, storage: 'keychain' });
    expect(restarted.account.state).toEqual({ type: 'active' });
    const restoredDesktop = restarted.registry.desktop;
    expect(restoredDesktop?.activeTenantId).toBe('tn-acme');
    expect((await restoredDesktop?.listTenants())?.tenants.length).toBeGreaterThan(1);

    await restarted.account.signOut();
    expect(await store.get(keychainServiceFor(fixture.demo.url), owner.email)).toBeNull();
    expect(await filesUnder(fixture.configDir)).toEqual([]);
    expect(restoredDesktop?.closed).toBe(true);
    const again = await createCore({ secretStore: store, configDir: fixture.configDir, fetch: fixture.http.fetch });
    expect(await again.account.restore()).toBe(false);
    restarted.dispose();
    again.dispose();
  });

  it('a new sign-in replaces the saved account, leaving no orphaned keychain entry', async () => {
    const store = new FakeKeychainStore();
    fixture = await startCoreFixture({ user: null, core: { secretStore: store } });
    await fixture.core.account.signIn(owner);
    const other = await createCore({ apiUrl: fixture.demo.url, dataApiUrl: fixture.demo.dataUrl, secretStore: store, configDir: fixture.configDir });
    await other.account.signIn({ type: 'password', email: 'admin@demo.nevent.local', password: 'demo' });
    const service = keychainServiceFor(fixture.demo.url);
    expect(await store.get(service, owner.email)).toBeNull();
    expect(await store.get(service, 'admin@demo.nevent.local')).not.toBeNull();
    expect((await other.account.savedAccount())?.email).toBe('admin@demo.nevent.local');
    other.dispose();
  });

  it('restores with an expired access token by refreshing first, and rewrites the keychain', async () => {
    const store = new FakeKeychainStore();
    fixture = await startCoreFixture({ user: null, core: { secretStore: store } });
    await fixture.core.account.signIn(owner);
    const firstRefresh = fixture.core.account.context?.credential.refreshToken;
    fixture.core.dispose();
    // Restart 1000 s later: the stored access token (15 min) has expired; the renewed one (1 h) has not.
    fixture.demo.faults.setAccessTokenTtl(3600);
    const restarted = await createCore({ secretStore: store, configDir: fixture.configDir, fetch: fixture.http.fetch, clock: new FakeClock(Date.now() + 1_000_000) });
    expect(await restarted.account.restore()).toBe(true);
    expect(fixture.demo.faults.stats().refreshCalls).toBe(1);
    const saved = JSON.parse((await store.get(keychainServiceFor(fixture.demo.url), owner.email)) ?? '{}') as { refreshToken?: string };
    expect(saved.refreshToken).not.toBe(firstRefresh);
    expect(saved.refreshToken).toBe(restarted.registry.desktop?.credential.refreshToken);
    restarted.dispose();
  });

  it('says plainly when the sign-in will not be remembered (no OS keychain)', async () => {
    fixture = await startCoreFixture({ user: null, core: { secretStore: new MemorySecretStore() } });
    await fixture.core.account.signIn(owner);
    const status = fixture.core.account.status();
    expect(status.storage).toBe('memory');
    expect(status.warning).toContain('sign-in will not be remembered');
    expect(await filesUnder(fixture.configDir)).toEqual([]);
  });

  it('signs in with a pasted token pair for this run only (standalone mcp)', async () => {
    fixture = await startCoreFixture({ user: 'admin' });
    const source = fixture.core.registry.desktop?.credential;
    const standalone = await createCore({ apiUrl: fixture.demo.url, secretStore: new MemorySecretStore(), configDir: fixture.configDir, desktop: false });
    await standalone.account.signIn({ type: 'tokens', accessToken: source?.accessToken ?? '', refreshToken: source?.refreshToken ?? null }, { persist: false });
    expect(standalone.registry.desktop).toBeNull();
    const session = standalone.registry.openMcpSession({ name: 'claude-code', version: '2.0' });
    expect(session.homeTenantId).toBe('tn-globex-de');
    expect(session.snapshot()).toMatchObject({ kind: 'mcp', clientName: 'claude-code', activeTenantId: 'tn-globex-de', role: 'ADMIN' });
    expect(standalone.account.status()).toMatchObject({ storage: 'memory', email: 'admin@demo.nevent.local' });
    expect((await session.listSegments({ limit: 1 })).tenantId).toBe('tn-globex-de');
    standalone.dispose();
  });

  it('standalone mcp: tokens from NEVENT_JWT_TOKEN (+ NEVENT_REFRESH_TOKEN), else the saved account, else none', async () => {
    fixture = await startCoreFixture({ user: 'admin' });
    const source = fixture.core.registry.desktop?.credential;
    const standalone = await createCore({ secretStore: new MemorySecretStore(), configDir: fixture.configDir, desktop: false });
    const env = { NEVENT_JWT_TOKEN: source?.accessToken, NEVENT_REFRESH_TOKEN: source?.refreshToken ?? undefined, NEVENT_API_URL: fixture.demo.url, NEVENT_DATA_API_URL: fixture.demo.dataUrl };
    expect(await signInStandalone(standalone, env)).toBe('environment');
    const session = standalone.registry.openMcpSession();
    expect(session.activeTenantId).toBe('tn-globex-de');
    // The refresh token from the environment works when the access token is refused.
    fixture.demo.faults.expireAccessTokens();
    expect((await session.segmentationCriteria()).tenantId).toBe('tn-globex-de');
    standalone.dispose();
    const empty = await createCore({ secretStore: new MemorySecretStore(), configDir: fixture.configDir, desktop: false });
    expect(await signInStandalone(empty, {})).toBeNull();
    empty.dispose();
  });

  it('a sign-in that brings no refresh token (the real API may send none) works until the token expires, then says to sign in again', async () => {
    fixture = await startCoreFixture({ user: 'solo' });
    const session = fixture.core.registry.desktop;
    expect(session?.credential.refreshToken).toBeNull();
    // The role-less token of this user: no role is made up.
    expect(session?.snapshot().role).toBeNull();
    expect((await session?.listSegments({ limit: 1 }))?.tenantId).toBe('tn-solo-studio');
    fixture.demo.faults.expireAccessTokens();
    await expect(session?.listSegments({ limit: 1 })).rejects.toMatchObject({ code: 'authentication_failed', message: expect.stringContaining('sign in again') });
    expect(fixture.demo.faults.stats().refreshCalls).toBe(0);
  });

  it('refuses a pasted token that is not a valid signed token', async () => {
    fixture = await startCoreFixture({ user: null });
    await expect(fixture.core.account.signIn({ type: 'tokens', accessToken: 'not-a-token' }, { persist: false })).rejects.toMatchObject({ code: 'invalid_token' });
    expect(fixture.core.account.state.type).toBe('signedOut');
  });
});

describe('session registry', () => {
  it('starts MCP sessions in the desktop’s active tenant, reports events, moves and closes sessions', async () => {
    fixture = await startCoreFixture({ user: 'superadmin' });
    const registry = fixture.core.registry;
    const events: SessionRegistryEvent[] = [];
    registry.onDidChangeSessions((e) => events.push(e));
    const desktop = registry.desktop;
    if (desktop === null) throw new Error('no desktop');
    await desktop.switchTenant('tn-globex');

    const mcp = registry.openMcpSession({ name: 'cursor', version: '1.0' });
    expect(mcp.activeTenantId).toBe('tn-globex');
    expect(mcp.homeTenantId).toBe('tn-globex');
    expect(registry.snapshots().map((s) => s.kind)).toEqual(['desktop', 'mcp']);

    // Switching one session never changes another.
    await mcp.switchTenant('tn-initech');
    expect(desktop.activeTenantId).toBe('tn-globex');

    // The desktop moves one named session.
    const moved = await registry.moveSession(mcp.id, 'tn-acme');
    expect(moved.activeTenantId).toBe('tn-acme');
    expect(mcp.activeTenantId).toBe('tn-acme');
    expect(desktop.activeTenantId).toBe('tn-globex');
    await expect(registry.moveSession('nope', 'tn-acme')).rejects.toMatchObject({ code: 'not_found' });

    expect(registry.closeSession(mcp.id)).toBe(true);
    expect(registry.get(mcp.id)).toBeNull();
    expect(registry.closeSession(mcp.id)).toBe(false);

    const forMcp = events.filter((e) => e.snapshot.id === mcp.id).map((e) => `${e.type}:${e.snapshot.activeTenantId}:${e.snapshot.switchingTo !== null}`);
    expect(forMcp[0]).toBe('created:tn-globex:false');
    expect(forMcp).toContain('changed:tn-initech:false');
    expect(forMcp).toContain('changed:tn-acme:false');
    expect(forMcp.at(-1)?.startsWith('ended:')).toBe(true);
  });

  it('sign-out ends every session and later opens are refused', async () => {
    fixture = await startCoreFixture();
    const registry = fixture.core.registry;
    const sessions = [registry.openMcpSession(), registry.openMcpSession()];
    const ended: string[] = [];
    registry.onDidEndSession((s) => ended.push(s.id));
    await fixture.core.account.signOut();
    expect(ended).toHaveLength(3);
    expect(sessions.every((s) => s.closed)).toBe(true);
    expect(registry.sessions()).toEqual([]);
    expect(fixture.core.account.state.type).toBe('signedOut');
    expect(() => registry.openMcpSession()).toThrow(expect.objectContaining({ code: 'signed_out' }));
  });

  it('the org-picker choice moves the desktop session; a failed choice keeps the picker open', async () => {
    fixture = await startCoreFixture({ user: 'owner' });
    expect(fixture.core.account.state).toMatchObject({ type: 'choosingTenant' });
    expect(fixture.core.registry.desktop?.activeTenantId).toBe('tn-acme');
    await expect(fixture.core.registry.switchDesktop('tn-acme-porto')).rejects.toMatchObject({ code: 'tenant_forbidden' });
    expect(fixture.core.account.state.type).toBe('choosingTenant');
    // The failure is the desktop session's, with where it went, until a switch succeeds.
    expect(fixture.core.registry.desktop?.snapshot()).toMatchObject({ lastSwitchError: { code: 'tenant_forbidden' }, lastSwitchTarget: 'tn-acme-porto', switchingTo: null });
    await fixture.core.registry.switchDesktop('tn-acme-fr');
    expect(fixture.core.account.state).toEqual({ type: 'active' });
    expect(fixture.core.registry.desktop?.activeTenantId).toBe('tn-acme-fr');
    expect(fixture.core.registry.desktop?.snapshot()).toMatchObject({ lastSwitchError: null, lastSwitchTarget: null });
    // Later desktop switches (the same one path) move the desktop session; so does a reset.
    await fixture.core.registry.switchDesktop('tn-acme-es');
    expect(fixture.core.account.state).toEqual({ type: 'active' });
    expect(fixture.core.registry.desktop?.activeTenantId).toBe('tn-acme-es');
    await fixture.core.registry.switchDesktop('home');
    expect(fixture.core.account.state).toEqual({ type: 'active' });
    expect(fixture.core.registry.desktop?.activeTenantId).toBe('tn-acme');
  });

  it('the sign-in reads the tenant list once: the desktop’s first listing reuses it, later ones and other sessions ask the API', async () => {
    fixture = await startCoreFixture({ user: null });
    await fixture.core.account.signIn({ type: 'password', email: 'superadmin@demo.nevent.local', password: 'demo' });
    expect(fixture.http.count('/platform/tenants')).toBe(1);
    const desktop = fixture.core.registry.desktop;
    if (desktop === null) throw new Error('no desktop');
    const first = await desktop.listTenants();
    expect(fixture.http.count('/platform/tenants')).toBe(1);
    expect(first).toMatchObject({ role: 'SUPERADMIN', homeTenantId: 'tn-nevent', activeTenantId: 'tn-nevent' });
    expect(first.tenants.map((t) => t.id)).toContain('tn-acme-madrid-arena');
    // Read once only: the next listing (a Refresh, another session) sees what the API says now.
    const again = await desktop.listTenants();
    expect(fixture.http.count('/platform/tenants')).toBe(2);
    expect(again.tenants).toEqual(first.tenants);
    await fixture.core.registry.openMcpSession().listTenants();
    expect(fixture.http.count('/platform/tenants')).toBe(3);
  });

  it('a session in another tenant than the sign-in does not take the sign-in list', async () => {
    fixture = await startCoreFixture({ user: null });
    await fixture.core.account.signIn({ type: 'password', email: 'superadmin@demo.nevent.local', password: 'demo' });
    const desktop = fixture.core.registry.desktop;
    if (desktop === null) throw new Error('no desktop');
    await desktop.switchTenant('tn-globex');
    fixture.http.clear();
    expect((await desktop.listTenants()).activeTenantId).toBe('tn-globex');
    expect(fixture.http.count('/platform/tenants')).toBe(1);
  });

  it('choosing the current tenant just closes the picker', async () => {
    fixture = await startCoreFixture({ user: 'owner' });
    await fixture.core.registry.switchDesktop('tn-acme');
    expect(fixture.core.account.state).toEqual({ type: 'active' });
    expect(fixture.core.registry.desktop?.activeTenantId).toBe('tn-acme');
    expect(fixture.demo.faults.stats().switchCalls).toBe(0);
  });
});
