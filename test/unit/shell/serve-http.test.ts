/** `serve`'s HTTP transport over the fake-backed desktop service: guard, API, event stream, static page. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
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
    expect((await callApi(http.port, token, 'account.signIn', { method: 'demo' })).json).toMatchObject({ ok: true, value: { state: 'signed_in' } });
    const list = await callApi(http.port, token, 'tenants.list');
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({ ok: true, value: { activeTenantId: 't-root' } });
    expect(await callApi(http.port, token, 'tenants.switch', { tenantId: '' })).toMatchObject({ json: { ok: false, error: { code: 'invalid_request' } } });
    expect(await callApi(http.port, token, 'nope.nothing')).toMatchObject({ json: { ok: false, error: { code: 'invalid_request' } } });
  });

  it('refuses requests without the token, with a wrong token, a wrong Host or a foreign Origin', async () => {
    const noToken = await httpRequest(http.port, { method: 'POST', path: '/api/account.status', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noToken.status).toBe(401);
    expect(JSON.parse(noToken.body)).toMatchObject({ ok: false, error: { code: 'authentication_failed' } });
    expect((await callApi(http.port, `${token.slice(0, -1)}x`, 'account.status')).status).toBe(401);
    expect((await callApi(http.port, token, 'account.status', undefined, { host: `evil.example:${http.port}` })).status).toBe(403);
    expect((await callApi(http.port, token, 'account.status', undefined, { host: '127.0.0.1:1' })).status).toBe(403);
    expect((await callApi(http.port, token, 'account.status', undefined, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await callApi(http.port, token, 'account.status', undefined, { origin: `http://127.0.0.1:${http.port}` })).status).toBe(200);
    expect((await httpRequest(http.port, { path: '/api/events' })).status).toBe(401);
  });

  it('never answers CORS', async () => {
    const preflight = await httpRequest(http.port, { method: 'OPTIONS', path: '/api/account.status', headers: { origin: `http://127.0.0.1:${http.port}`, 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    const ok = await callApi(http.port, token, 'account.status');
    expect(ok.status).toBe(200);
    const raw = await httpRequest(http.port, { method: 'POST', path: '/api/account.status', headers: { 'content-type': 'application/json', 'x-nevent-token': token }, body: '{}' });
    expect(Object.keys(raw.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect(raw.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('refuses non-JSON bodies (no simple-request CSRF)', async () => {
    const form = await httpRequest(http.port, { method: 'POST', path: '/api/account.signOut', headers: { 'content-type': 'text/plain', 'x-nevent-token': token }, body: '{}' });
    expect(form.status).toBe(415);
    const huge = await httpRequest(http.port, { method: 'POST', path: '/api/segments.create', headers: { 'content-type': 'application/json', 'x-nevent-token': token }, body: JSON.stringify({ payload: { name: 'x'.repeat(2 * 1024 * 1024) } }) });
    expect(huge.status).toBe(413);
  });

  it('serves the page with the token in the query, then its assets by cookie, and nothing without', async () => {
    expect((await httpRequest(http.port, { path: '/' })).status).toBe(401);
    const page = await httpRequest(http.port, { path: `/?token=${token}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Nevent</title>');
    const cookie = String(page.headers['set-cookie']).split(';')[0] ?? '';
    expect(String(page.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await httpRequest(http.port, { path: '/assets/app.js', headers: { cookie } })).body).toContain('console.log');
    expect((await httpRequest(http.port, { path: '/assets/app.js' })).status).toBe(401);
    expect((await httpRequest(http.port, { path: '/segments/123', headers: { cookie } })).body).toContain('<title>Nevent</title>');
    expect((await httpRequest(http.port, { path: `/?token=${token}`, headers: { host: `attacker.test:${http.port}` } })).status).toBe(403);
  });

  it('streams events in order with increasing versions, starting with the current snapshots', async () => {
    const stream = await openEventStream(http.port, token);
    try {
      expect(stream.status).toBe(200);
      await stream.waitFor((events) => events.length >= 2);
      expect(stream.events.slice(0, 2).map((e) => e.event)).toEqual(['session.onDidChange', 'mcp.onDidChangeSessions']);
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
