/** `serve`'s HTTP transport over the fake-backed desktop service: guard, API, event stream, static page. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HandoffStore } from '../../../src-main/serve/handoff';
import { startServeHttp, type ServeHttp } from '../../../src-main/serve/http-server';
import { createTestService, secretToken } from './fakes';
import { callApi, httpRequest, openEventStream } from './http-client';

const token = 'launch-token-for-tests-0123456789abcdef';
const rendererDir = join(tmpdir(), `nevent-shell-renderer-${process.pid}`);
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Nevent</title><script src="/assets/app.js"></script>');
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');

describe('serve HTTP transport', () => {
  afterAll(() => rmSync(rendererDir, { recursive: true, force: true }));
  let t: Awaited<ReturnType<typeof createTestService>>;
  let http: ServeHttp;

  beforeEach(async () => {
    t = await createTestService();
    http = await startServeHttp({
      dispatch: t.dispatch,
      events: t.events,
      initialEvents: () => [
        { channel: 'session.onDidChange', payload: t.service.state() },
        { channel: 'mcp.onDidChangeSessions', payload: t.service.sessionList() },
        { channel: 'segments.onDidChange', payload: t.service.segments() },
      ],
      rendererDir,
      token,
      port: 0,
      heartbeatMs: 50,
    });
  });
  afterEach(async () => {
    await http.close();
  });

  it('listens on loopback and prints a ui URL with the token', () => {
    expect(http.uiUrl).toBe(`http://127.0.0.1:${http.port}/?token=${token}`);
  });

  it('answers contract calls with the token', async () => {
    expect((await callApi(http.port, token, 'account.signIn', { method: 'demo' })).json).toMatchObject({ ok: true, value: { state: 'active' } });
    const list = await callApi(http.port, token, 'tenants.list');
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({ ok: true, value: { activeTenantId: 't-root' } });
    expect(await callApi(http.port, token, 'tenants.switch', { tenantId: '' })).toMatchObject({ json: { ok: false, error: { code: 'invalid_request' } } });
    expect(await callApi(http.port, token, 'nope.nothing')).toMatchObject({ json: { ok: false, error: { code: 'invalid_request' } } });
  });

  it('refuses requests without the token, with a wrong token, a wrong Host or a foreign Origin', async () => {
    const noToken = await httpRequest(http.port, { method: 'POST', path: '/api/session.get', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noToken.status).toBe(401);
    expect(JSON.parse(noToken.body)).toMatchObject({ ok: false, error: { code: 'authentication_failed' } });
    expect((await callApi(http.port, `${token.slice(0, -1)}x`, 'session.get')).status).toBe(401);
    expect((await callApi(http.port, token, 'session.get', undefined, { host: `evil.example:${http.port}` })).status).toBe(403);
    expect((await callApi(http.port, token, 'session.get', undefined, { host: '127.0.0.1:1' })).status).toBe(403);
    expect((await callApi(http.port, token, 'session.get', undefined, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await callApi(http.port, token, 'session.get', undefined, { origin: `http://127.0.0.1:${http.port}` })).status).toBe(200);
    expect((await httpRequest(http.port, { path: '/api/events' })).status).toBe(401);
  });

  it('never answers CORS', async () => {
    const preflight = await httpRequest(http.port, { method: 'OPTIONS', path: '/api/session.get', headers: { origin: `http://127.0.0.1:${http.port}`, 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    const ok = await callApi(http.port, token, 'session.get');
    expect(ok.status).toBe(200);
    const raw = await httpRequest(http.port, { method: 'POST', path: '/api/session.get', headers: { 'content-type': 'application/json', 'x-nevent-token': token }, body: '{}' });
    expect(Object.keys(raw.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect(raw.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('refuses non-JSON bodies (no simple-request CSRF)', async () => {
    const form = await httpRequest(http.port, { method: 'POST', path: '/api/account.signOut', headers: { 'content-type': 'text/plain', 'x-nevent-token': token }, body: '{}' });
    expect(form.status).toBe(415);
    const huge = await httpRequest(http.port, { method: 'POST', path: '/api/segments.create', headers: { 'content-type': 'application/json', 'x-nevent-token': token }, body: JSON.stringify({ payload: { name: 'x'.repeat(2 * 1024 * 1024) } }) });
    expect(huge.status).toBe(413);
  });

  it('serves the page and its assets without any credential, and never sets a cookie', async () => {
    for (const path of ['/', `/?token=${token}`, '/assets/app.js', '/segments/123']) {
      const answer = await httpRequest(http.port, { path });
      expect(answer.status).toBe(200);
      // Cookies are not isolated by port: any other server on 127.0.0.1 would receive one.
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
    expect((await httpRequest(http.port, { path: '/' })).body).toContain('<title>Nevent</title>');
    expect((await httpRequest(http.port, { path: '/assets/app.js' })).body).toContain('console.log');
    // A cookie carrying the token opens nothing: the API takes the header only.
    expect((await httpRequest(http.port, { method: 'POST', path: '/api/session.get', headers: { 'content-type': 'application/json', cookie: `nevent_token=${token}` }, body: '{}' })).status).toBe(401);
    expect((await httpRequest(http.port, { path: `/?token=${token}`, headers: { host: `attacker.test:${http.port}` } })).status).toBe(403);
  });

  it('hands the token over once per code, only to codes minted with the token, and never after they expire', async () => {
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) => httpRequest(http.port, { method: 'POST', path, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    expect((await post('/auth/handoff', {})).status).toBe(401);
    const minted = JSON.parse((await post('/auth/handoff', {}, { 'x-nevent-token': token })).body) as { code: string; expiresInMs: number };
    expect(minted.code).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(minted.expiresInMs).toBeLessThanOrEqual(5 * 60 * 1000);
    const redeemed = await post('/auth/redeem', { code: minted.code });
    expect(redeemed.status).toBe(200);
    expect(JSON.parse(redeemed.body)).toEqual({ token });
    expect(redeemed.headers['set-cookie']).toBeUndefined();
    // Single use.
    expect((await post('/auth/redeem', { code: minted.code })).status).toBe(401);
    expect((await post('/auth/redeem', { code: 'guess' })).status).toBe(401);
    // A newer code from the same page replaces the older one.
    const first = JSON.parse((await post('/auth/handoff', {}, { 'x-nevent-token': token })).body) as { code: string };
    const second = JSON.parse((await post('/auth/handoff', { replaces: first.code }, { 'x-nevent-token': token })).body) as { code: string };
    expect((await post('/auth/redeem', { code: first.code })).status).toBe(401);
    expect((await post('/auth/redeem', { code: second.code })).status).toBe(200);
    // Not from another site.
    const fresh = JSON.parse((await post('/auth/handoff', {}, { 'x-nevent-token': token })).body) as { code: string };
    expect((await post('/auth/redeem', { code: fresh.code }, { origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect((await httpRequest(http.port, { method: 'POST', path: '/auth/redeem', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ code: fresh.code }) })).status).toBe(415);
  });

  it('lets hand-off codes expire', () => {
    let now = 1_000;
    const store = new HandoffStore({ ttlMs: 100, now: () => now });
    const a = store.issue();
    const b = store.issue();
    now += 99;
    expect(store.redeem(a.code)).toBe(true);
    now += 1;
    expect(store.redeem(b.code)).toBe(false);
  });

  it('streams events in order with increasing versions, starting with the current snapshots', async () => {
    const stream = await openEventStream(http.port, token);
    try {
      expect(stream.status).toBe(200);
      await stream.waitFor((events) => events.length >= 3);
      expect(stream.events.slice(0, 3).map((e) => e.event)).toEqual(['session.onDidChange', 'mcp.onDidChangeSessions', 'segments.onDidChange']);
      await callApi(http.port, token, 'account.signIn', { method: 'demo' });
      await callApi(http.port, token, 'tenants.switch', { tenantId: 't-east' });
      t.bridge.append({ name: 'nevent_list_tenants' });
      await stream.waitFor((events) => events.some((e) => e.event === 'mcp.onDidAppendAudit') && events.some((e) => e.event === 'notifications.onDidNotify'));
      const ids = stream.events.map((e) => Number(e.id));
      expect(ids).toEqual(ids.map((_, i) => i + 1));
      const versions = stream.events.filter((e) => e.event === 'session.onDidChange').map((e) => (JSON.parse(e.data) as { version: number }).version);
      expect(versions.length).toBeGreaterThan(2);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      expect(new Set(versions).size).toBe(versions.length);
      const last = JSON.parse(stream.events.filter((e) => e.event === 'session.onDidChange').at(-1)?.data ?? '{}') as { desktop: { activeTenant: { name: string } } };
      expect(last.desktop.activeTenant.name).toBe('Acme East');
      expect(JSON.stringify(stream.events)).not.toContain(secretToken);
    } finally {
      stream.close();
    }
  });

  it('closes open event streams on shutdown', async () => {
    const stream = await openEventStream(http.port, token);
    await stream.waitFor((events) => events.length >= 2);
    await http.close();
    http = { ...http, close: async () => undefined };
  });
});
