import { afterEach, describe, expect, it } from 'vitest';
import { keychainServiceFor } from '../../../src-main/core/keychain/secret-store';
import type { FetchLike } from '../../../src-main/core/http/http-client';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { FakeKeychainStore } from '../../helpers/secret-stores';
import { activeTenant } from '../../../src-main/core/session/tenant-session';

let fixture: CoreFixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

function desktopOf(f: CoreFixture) {
  const desktop = f.core.registry.desktop;
  if (desktop === null) throw new Error('no desktop session');
  return desktop;
}

describe('session isolation under concurrency', () => {
  it('two sessions switching concurrently never see each other’s tenant', async () => {
    fixture = await startCoreFixture({ demo: { latencyMs: 5 } });
    const a = desktopOf(fixture);
    const b = fixture.core.registry.openMcpSession({ name: 'test-client', version: '1' });
    expect(b.activeTenantId).toBe('tn-acme');
    expect(b.homeTenantId).toBe('tn-acme');
    const targetsA = ['tn-acme-madrid', 'tn-acme-es', 'tn-acme-paris'];
    const targetsB = ['tn-acme-fr', 'tn-acme-lisbon', 'tn-acme-valencia'];
    const seenA = new Set<string>();
    const seenB = new Set<string>();
    const reads = async (session: typeof a, seen: Set<string>) => {
      for (let i = 0; i < 6; i += 1) {
        const answer = await activeTenant(session).listSegments({ limit: 3 });
        seen.add(answer.tenantId);
        for (const segment of answer.value.segments) expect(segment.tenantId).toBe(answer.tenantId);
      }
    };
    for (let round = 0; round < 3; round += 1) {
      await Promise.all([
        a.switchTenant(targetsA[round] ?? 'tn-acme'),
        b.switchTenant(targetsB[round] ?? 'tn-acme'),
        reads(a, seenA),
        reads(b, seenB),
      ]);
      expect(a.activeTenantId).toBe(targetsA[round]);
      expect(b.activeTenantId).toBe(targetsB[round]);
    }
    for (const t of seenA) expect(['tn-acme', ...targetsA]).toContain(t);
    for (const t of seenB) expect(['tn-acme', ...targetsB]).toContain(t);
    await Promise.all([a.resetTenant(), b.resetTenant()]);
    expect([a.activeTenantId, b.activeTenantId]).toEqual(['tn-acme', 'tn-acme']);
  });

  it('a request in flight during a switch answers with, and reports, the tenant it started in', async () => {
    // Hold every /segments answer until the switch has completed.
    let releaseSegments: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      releaseSegments = resolve;
    });
    const gatedFetch: FetchLike = async (input, init) => {
      const response = await fetch(input, init);
      if (new URL(input).pathname === '/segments') await gate;
      return response;
    };
    fixture = await startCoreFixture({ core: { fetch: gatedFetch } });
    const session = desktopOf(fixture);
    const inFlight = activeTenant(session).listSegments({ limit: 5 });
    await session.switchTenant('tn-acme-madrid');
    releaseSegments();
    const answer = await inFlight;
    expect(answer.tenantId).toBe('tn-acme');
    expect(answer.value.segments.every((s) => s.tenantId === 'tn-acme')).toBe(true);
    expect(session.activeTenantId).toBe('tn-acme-madrid');
    expect((await activeTenant(session).listSegments({ limit: 5 })).tenantId).toBe('tn-acme-madrid');
  });

  it('serializes switches within one session: the last requested wins, every step is whole', async () => {
    fixture = await startCoreFixture();
    const session = desktopOf(fixture);
    const seen: (string | null)[] = [];
    session.onDidChange((s) => {
      if (s.switchingTo === null) seen.push(s.activeTenantId);
    });
    const results = await Promise.all(['tn-acme-es', 'tn-acme-fr', 'tn-acme-pt'].map((t) => session.switchTenant(t)));
    expect(results.map((r) => [r.previousTenantId, r.activeTenantId])).toEqual([
      ['tn-acme', 'tn-acme-es'],
      ['tn-acme-es', 'tn-acme-fr'],
      ['tn-acme-fr', 'tn-acme-pt'],
    ]);
    expect(seen).toEqual(['tn-acme-es', 'tn-acme-fr', 'tn-acme-pt']);
  });
});

describe('token refresh through the account’s broker', () => {
  it('refreshes once for many concurrent 401s and retries them all', async () => {
    fixture = await startCoreFixture();
    const session = desktopOf(fixture);
    const old = session.credential;
    fixture.demo.faults.reset();
    fixture.demo.faults.expireAccessTokens();
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? activeTenant(session).listSegments({ limit: 2 }) : activeTenant(session).paidAdsStatus('meta'))));
    expect(answers.every((a) => a.tenantId === 'tn-acme')).toBe(true);
    const stats = fixture.demo.faults.stats();
    expect(stats.refreshCalls).toBe(1);
    expect(stats.refreshReuseRejected).toBe(0);
    expect(session.credential).not.toBe(old);
    expect(session.credential.refreshToken).not.toBe(old.refreshToken);
    // A call opened now sends the renewed token through both of its clients.
    const scope = await session.openScope();
    expect(scope.data.credential).toBe(session.credential);
  });

  it('sessions sharing one refresh token share one refresh; the rotated token is never reused', async () => {
    fixture = await startCoreFixture();
    const desktop = desktopOf(fixture);
    const mcp = [1, 2, 3].map((n) => fixture?.core.registry.openMcpSession({ name: `client-${n}`, version: null }));
    const all = [desktop, ...mcp.filter((s) => s !== undefined)];
    expect(new Set(all.map((s) => s.credential.refreshToken)).size).toBe(1);
    fixture.demo.faults.reset();
    fixture.demo.faults.expireAccessTokens();
    await Promise.all(all.flatMap((s) => [activeTenant(s).listSegments({ limit: 1 }), activeTenant(s).segmentationCriteria(), s.listTenants()]));
    expect(fixture.demo.faults.stats().refreshCalls).toBe(1);
    expect(new Set(all.map((s) => s.credential.accessToken)).size).toBe(1);

    // A later holder of an already-rotated token gets the newest pair without sending its old one.
    const late = fixture.core.registry.openMcpSession();
    fixture.demo.faults.expireAccessTokens();
    await activeTenant(late).listSegments({ limit: 1 });
    await activeTenant(desktop).listSegments({ limit: 1 });
    await Promise.all(all.map((s) => activeTenant(s).paidAdsStatus('tiktok')));
    const stats = fixture.demo.faults.stats();
    expect(stats.refreshCalls).toBe(2);
    expect(stats.refreshReuseRejected).toBe(0);
    expect(fixture.core.account.status().signedIn).toBe(true);
  });

  it('after a switch, a session refreshes its own tenant’s token and stays in its tenant', async () => {
    fixture = await startCoreFixture();
    const desktop = desktopOf(fixture);
    const mcp = fixture.core.registry.openMcpSession();
    await mcp.switchTenant('tn-acme-paris');
    fixture.demo.faults.reset();
    fixture.demo.faults.expireAccessTokens();
    const [a, b] = await Promise.all([activeTenant(desktop).listSegments({ limit: 1 }), activeTenant(mcp).listSegments({ limit: 1 })]);
    expect([a.tenantId, b.tenantId]).toEqual(['tn-acme', 'tn-acme-paris']);
    expect([desktop.activeTenantId, mcp.activeTenantId]).toEqual(['tn-acme', 'tn-acme-paris']);
    expect(fixture.demo.faults.stats()).toMatchObject({ refreshCalls: 2, refreshReuseRejected: 0 });
  });

  it('updates the keychain when the account’s stored refresh token rotates', async () => {
    const store = new FakeKeychainStore();
    fixture = await startCoreFixture({ user: null, core: { secretStore: store } });
    await fixture.core.account.signIn({ type: 'password', email: 'owner@demo.nevent.local', password: 'demo' });
    const service = keychainServiceFor(fixture.demo.url);
    const saved = JSON.parse((await store.get(service, 'owner@demo.nevent.local')) ?? 'null') as { refreshToken: string };
    fixture.demo.faults.expireAccessTokens();
    await activeTenant(desktopOf(fixture)).listSegments({ limit: 1 });
    await expect.poll(async () => JSON.parse((await store.get(service, 'owner@demo.nevent.local')) ?? 'null').refreshToken).not.toBe(saved.refreshToken);
    const now = JSON.parse((await store.get(service, 'owner@demo.nevent.local')) ?? 'null') as { refreshToken: string };
    expect(now.refreshToken).toBe(desktopOf(fixture).credential.refreshToken);
    expect(fixture.core.account.context?.credential.refreshToken).toBe(now.refreshToken);
  });

  it('a refused refresh signs the account out cleanly: sessions end, keychain entry removed', async () => {
    const store = new FakeKeychainStore();
    fixture = await startCoreFixture({ user: null, core: { secretStore: store } });
    await fixture.core.account.signIn({ type: 'password', email: 'owner@demo.nevent.local', password: 'demo' });
    const desktop = desktopOf(fixture);
    const mcp = fixture.core.registry.openMcpSession();
    const ended: string[] = [];
    fixture.core.registry.onDidEndSession((s) => ended.push(s.id));
    // Someone else spends the refresh token (e.g. another device): the API will refuse it.
    const spent = await fetch(`${fixture.demo.url}/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: desktop.credential.refreshToken }) });
    expect(spent.ok).toBe(true);
    fixture.demo.faults.expireAccessTokens();
    await expect(activeTenant(mcp).listSegments({ limit: 1 })).rejects.toMatchObject({ code: expect.stringMatching(/^(refresh_failed|signed_out)$/) });
    await expect.poll(() => fixture?.core.account.status().signedIn).toBe(false);
    expect(fixture.core.account.state.type).toBe('signedOut');
    expect(ended.sort()).toEqual([desktop.id, mcp.id].sort());
    expect(desktop.closed && mcp.closed).toBe(true);
    await expect(activeTenant(desktop).listSegments({ limit: 1 })).rejects.toMatchObject({ code: 'signed_out' });
    await expect.poll(() => store.get(keychainServiceFor(fixture?.demo.url ?? ''), 'owner@demo.nevent.local')).toBeNull();
    expect(() => fixture?.core.registry.openMcpSession()).toThrow(/signed in/);
  });
});
