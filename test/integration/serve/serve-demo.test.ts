/**
 * `nevent-companion serve --demo` as a user runs it (the built CLI, a real demo API, a real MCP client
 * over the socket): every contract method over HTTP, the event stream, the request guard, shutdown.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestChannelNames, tenantAt, type RequestChannel, type TenantColumns } from '../../../src-shared/ipc';
import { callApi, httpRequest, openEventStream } from '../../unit/shell/http-client';
import { connectClient, type SocketClient } from '../mcp/socket-helpers';
import { startServe, type ServeProcess } from './serve-process';

type Answer = Awaited<ReturnType<typeof callApi>>['json'];

describe('serve --demo (spawned CLI)', () => {
  let serve: ServeProcess;
  let mcp: SocketClient;
  const called = new Set<RequestChannel>();

  async function call(channel: RequestChannel, payload?: unknown): Promise<Record<string, never>> {
    const answer: Answer = (await callApi(serve.port, serve.token, channel, payload)).json;
    called.add(channel);
    if (!answer.ok) throw new Error(`${channel} failed: ${JSON.stringify(answer.error)}`);
    return answer.value as unknown as Record<string, never>;
  }

  beforeAll(async () => {
    serve = await startServe();
  });
  afterAll(async () => {
    await mcp?.close().catch(() => undefined);
    if (serve.child.exitCode === null) await serve.stop();
    serve.cleanup();
  });

  it('prints the ui URL with a token and the socket path', () => {
    expect(serve.uiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{40,}$/);
    expect(serve.socketPath).toBe(join(serve.home, 'sock', 'mcp.sock'));
    expect(existsSync(serve.socketPath)).toBe(true);
  });

  it('serves the built renderer, which needs no credential, and never sets a cookie', async () => {
    for (const path of ['/', new URL(serve.uiUrl).pathname + new URL(serve.uiUrl).search]) {
      const page = await httpRequest(serve.port, { path });
      expect(page.status).toBe(200);
      expect(page.body).toContain('<div id="root">');
      expect(page.headers['set-cookie']).toBeUndefined();
    }
  });

  it('refuses requests without the token, with a wrong Host or a foreign Origin', async () => {
    const noToken = await httpRequest(serve.port, { method: 'POST', path: '/api/session.get', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noToken.status).toBe(401);
    expect((await callApi(serve.port, 'x'.repeat(43), 'session.get')).status).toBe(401);
    expect((await callApi(serve.port, serve.token, 'session.get', undefined, { host: `rebind.attacker.test:${serve.port}` })).status).toBe(403);
    expect((await callApi(serve.port, serve.token, 'session.get', undefined, { origin: 'http://attacker.test' })).status).toBe(403);
    expect((await callApi(serve.port, serve.token, 'session.get', undefined, { origin: `http://localhost:${serve.port}` })).status).toBe(200);
    const preflight = await httpRequest(serve.port, { method: 'OPTIONS', path: '/api/session.get', headers: { origin: 'http://attacker.test', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a pathologically nested payload with invalid_request, not an internal error', async () => {
    // Under the 1 MB body cap; JSON.parse copes, anything recursive after it would not.
    const deep = `${'{"a":'.repeat(150_000)}1${'}'.repeat(150_000)}`;
    const body = `{"payload":{"definition":{"stanzas":[{"criteria":[{"criterion_id":"city","operator":"eq","value":"x","modifiers":${deep}}]}]}}}`;
    const answer = await httpRequest(serve.port, { method: 'POST', path: '/api/segments.preview', headers: { 'content-type': 'application/json', 'x-nevent-token': serve.token }, body });
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/too complex/) } });
  });

  it('answers every contract method, with events in order', async () => {
    const stream = await openEventStream(serve.port, serve.token);
    try {
      // App and account.
      expect(await call('app.info')).toMatchObject({ shell: 'serve', demoUsers: ['superadmin', 'owner', 'admin', 'staff', 'solo'] });
      const state = await call('session.get');
      expect(state).toMatchObject({ account: { state: 'choosingTenant', demo: true, user: { email: 'owner@demo.nevent.local', role: 'OWNER' } }, desktop: { activeTenant: { id: 'tn-acme' } }, bridge: { state: 'listening', socketPath: serve.socketPath } });

      // Tenants.
      const list = await call('tenants.list');
      const columns = list.tenants as unknown as TenantColumns;
      const tenants = columns.id.map((_, i) => tenantAt(columns, i));
      // As the real API lists them: most tenants say no status (active) and carry no slug.
      expect(tenants.find((t) => t.id === 'tn-acme-es')).toEqual({ id: 'tn-acme-es', name: 'Acme Spain', parentId: 'tn-acme' });
      const target = tenants.find((t) => t.status === undefined && t.id !== 'tn-acme');
      expect(target).toBeDefined();
      expect(await call('tenants.switch', { tenantId: target?.id })).toMatchObject({ activeTenantId: target?.id, previousTenantId: 'tn-acme' });
      expect(await call('tenants.pin', { tenantId: target?.id })).toMatchObject({ pinned: [{ id: target?.id, name: target?.name }] });
      expect(await call('session.get')).toMatchObject({ account: { state: 'active' }, tenants: { recent: [{ id: target?.id }, { id: 'tn-acme' }] } });
      expect(await call('tenants.unpin', { tenantId: target?.id })).toMatchObject({ pinned: [] });
      expect(await call('tenants.reset')).toMatchObject({ activeTenantId: 'tn-acme' });
      // Nothing in flight: nothing to cancel (the cancel itself: cancel-switch.test.ts and the e2e).
      expect(await call('tenants.cancelSwitch')).toEqual({ cancelled: false });

      // Segments.
      const criteria = await call('segments.criteria');
      const criterion = (criteria.criteria as unknown as Array<{ id: string; operators: string[]; valueType: string }>).find((c) => c.valueType === 'TEXT');
      expect(criterion).toBeDefined();
      const definition = { stanzas: [{ criteria: [{ criterion_id: criterion?.id, operator: criterion?.operators[0], value: 'Bilbao' }] }] };
      const preview = await call('segments.preview', { definition });
      expect(preview).toMatchObject({ tenantId: 'tn-acme' });
      expect(typeof preview.estimated_fan_count).toBe('number');
      const created = await call('segments.create', { name: 'Serve test segment', definition, expectedTenantId: 'tn-acme' });
      const segment = created.segment as unknown as { id: string; revision: string };
      expect(await call('segments.get', { segmentId: segment.id })).toMatchObject({ segment: { name: 'Serve test segment', revision: segment.revision }, tenantId: 'tn-acme' });
      expect(await call('segments.update', { segmentId: segment.id, baseRevision: segment.revision, name: 'Renamed by serve test' })).toMatchObject({ segment: { name: 'Renamed by serve test' } });
      // An edit that started from the old revision is refused: nothing written over the rename.
      const stale = (await callApi(serve.port, serve.token, 'segments.update', { segmentId: segment.id, baseRevision: segment.revision, name: 'Stale write' })).json;
      expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(((await call('segments.list', { search: 'Renamed by serve' })).segments as unknown as unknown[]).length).toBe(1);
      // Main keeps the desktop tenant's list: the write is in it, without the window asking.
      expect(await call('segments.current')).toMatchObject({ tenantId: 'tn-acme', status: 'ready', criteriaStatus: 'ready', segments: expect.arrayContaining([expect.objectContaining({ id: segment.id, name: 'Renamed by serve test' })]) });
      expect(await call('segments.current', { reload: true })).toMatchObject({ tenantId: 'tn-acme', status: 'ready' });

      // MCP: a real client over the socket gets its own session, then the desktop moves it.
      mcp = await connectClient(serve.socketPath, 'serve-integration');
      await mcp.call('nevent_list_tenants');
      const sessions = await call('mcp.sessions');
      const mcpSession = (sessions.sessions as unknown as Array<{ id: string; kind: string; clientName: string | null; activeTenantId: string }>).find((s) => s.kind === 'mcp');
      expect(mcpSession).toMatchObject({ clientName: 'serve-integration', activeTenantId: 'tn-acme' });
      expect(await call('session.get')).toMatchObject({ bridge: { state: 'listening', sessionCount: 1 } });
      expect(await call('mcp.moveSession', { sessionId: mcpSession?.id, tenantId: target?.id })).toMatchObject({ activeTenantId: target?.id });
      const active = await mcp.call('nevent_get_active_tenant');
      expect(JSON.stringify(active.structuredContent)).toContain(target?.id ?? '?');
      expect(await call('session.get')).toMatchObject({ desktop: { activeTenant: { id: 'tn-acme' } } });
      await mcp.call('nevent_create_segment', { name: 'refused in read-only', definition });
      const audit = await call('mcp.audit', { sessionId: mcpSession?.id });
      const names = (audit.entries as unknown as Array<{ name: string; result: string }>).map((e) => `${e.name}:${e.result}`);
      expect(names).toContain('nevent_list_tenants:ok');
      expect(names).toContain('nevent_create_segment:operation_not_permitted');
      expect(await call('mcp.audit', { result: 'error', limit: 1 })).toMatchObject({ entries: [{ name: 'nevent_create_segment' }] });

      // Mode and settings: the same open conversation obeys each change from its next call.
      expect(await call('session.get')).toMatchObject({ operationMode: 'READ_ONLY' });
      expect(await call('mcp.setMode', { mode: 'STANDARD' })).toEqual({ mode: 'STANDARD' });
      const allowed = await mcp.call('nevent_create_segment', { name: 'allowed once STANDARD', definition });
      expect(allowed.isError).not.toBe(true);
      expect(await call('mcp.setMode', { mode: 'READ_ONLY' })).toEqual({ mode: 'READ_ONLY' });
      expect(JSON.stringify((await mcp.call('nevent_create_segment', { name: 'refused again', definition })).content)).toContain('operation_not_permitted');
      expect(await call('mcp.audit', { kind: 'mode' })).toMatchObject({ entries: [{ name: 'STANDARD → READ_ONLY' }, { name: 'READ_ONLY → STANDARD' }] });
      expect(await call('settings.get')).toMatchObject({ operationMode: 'READ_ONLY' });
      // settings.update does not take the mode (one channel sets it): the field is refused, nothing changes.
      expect((await callApi(serve.port, serve.token, 'settings.update', { operationMode: 'FULL' })).json).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
      expect(await call('settings.update', { apiUrl: 'https://api.nevent.example' })).toMatchObject({ apiUrl: 'https://api.nevent.example', operationMode: 'READ_ONLY' });

      // The bridge's tools as the MCP panel lists them, against the mode in effect (READ_ONLY here).
      const toolList = (await call('mcp.tools')) as unknown as { mode: string; tools: { name: string; domain: string; access: string; allowed: boolean }[] };
      expect(toolList.mode).toBe('READ_ONLY');
      expect(toolList.tools.find((t) => t.name === 'nevent_schedule_campaign')).toMatchObject({ domain: 'campaigns', access: 'destructive', allowed: false });
      expect(toolList.tools.filter((t) => t.allowed).every((t) => t.access === 'read' || t.access === 'tenant')).toBe(true);

      // Client configuration, in the private HOME.
      const configPreview = await call('mcp.clientConfigPreview', { client: 'cursor' });
      expect(configPreview).toMatchObject({ client: 'cursor', path: join(serve.home, '.cursor', 'mcp.json'), exists: false, current: null, changed: true });
      expect(String(configPreview.proposed)).toContain('"--attach"');
      // serve runs on a socket of its own (--socket): the entry must name it, or it reaches nothing.
      expect(JSON.parse(String(configPreview.proposed))).toMatchObject({ mcpServers: { 'nevent-app': { args: expect.arrayContaining(['--socket', serve.socketPath]) } } });
      expect(String(configPreview.diff)).toContain('+     "nevent-app": {');
      const clients = (await call('mcp.clients')).clients as unknown as Array<{ client: string; installed: boolean; configured: boolean; path: string }>;
      expect(clients.map((c) => c.client)).toEqual(['claude', 'claude-code', 'cursor', 'vscode', 'windsurf', 'zed', 'codex', 'gemini', 'copilot', 'qwen', 'opencode']);
      // A fresh HOME: nothing is installed.
      expect(clients.every((c) => !c.installed && !c.configured)).toBe(true);
      expect(await call('mcp.clientConfigWrite', { client: 'cursor' })).toMatchObject({ written: true, backupPath: null });
      expect(readFileSync(join(serve.home, '.cursor', 'mcp.json'), 'utf8')).toBe(configPreview.proposed);
      expect(await call('mcp.clientConfigPreview', { client: 'cursor' })).toMatchObject({ exists: true, changed: false, installed: true });
      expect(((await call('mcp.clients')).clients as unknown as Array<{ client: string; configured: boolean }>).find((c) => c.client === 'cursor')).toMatchObject({ configured: true });
      // "Install the extension": the checkout's bundle, copied into the app's folder; this test's serve has no
      // desktop to open it with, so the answer says where it is.
      const extension = await call('mcp.installExtension');
      expect(extension).toMatchObject({ path: expect.stringMatching(/nevent-companion\.mcpb$/), opened: expect.any(Boolean) });
      expect(existsSync(String(extension.path))).toBe(true);

      // The loopback MCP HTTP endpoint: off by default; on, it answers only with the bridge token (shown once).
      expect(await call('mcp.httpStatus')).toMatchObject({ state: 'off', url: null });
      const enabled = await call('mcp.httpEnable', { enabled: true });
      expect(enabled).toMatchObject({ state: 'listening', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/) });
      const bridgeToken = await call('mcp.httpCreateToken');
      expect(bridgeToken).toMatchObject({ token: expect.stringMatching(/^ncb_/), url: enabled.url });
      const initialize = (bearer: string) => fetch(String(enabled.url), { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${bearer}` }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'serve-test', version: '1' } } }) });
      expect((await initialize(String(bridgeToken.token))).status).toBe(200);
      expect(await call('mcp.httpRevokeToken')).toMatchObject({ tokenPresent: false });
      expect((await initialize(String(bridgeToken.token))).status).toBe(401);
      expect(await call('mcp.httpEnable', { enabled: false })).toMatchObject({ state: 'off', url: null });

      // Sign out ends every session; sign in again as another demo user.
      expect(await call('account.signOut')).toMatchObject({ state: 'signedOut', user: null });
      expect(await call('mcp.sessions')).toMatchObject({ sessions: [] });
      // One tenant: straight to the app, no org-picker.
      expect(await call('account.signIn', { method: 'demo', user: 'solo' })).toMatchObject({ state: 'active' });

      expect(requestChannelNames.filter((c) => !called.has(c))).toEqual([]);

      // Events: ids in order, state versions strictly increasing, every kind seen, no token anywhere.
      await stream.waitFor((events) => events.some((e) => e.event === 'session.onDidChange' && e.data.includes('"solo@demo.nevent.local"')));
      const ids = stream.events.map((e) => Number(e.id));
      expect(ids).toEqual(ids.map((_, i) => i + 1));
      const versions = stream.events.filter((e) => e.event === 'session.onDidChange').map((e) => (JSON.parse(e.data) as { version: number }).version);
      expect(versions.every((v, i) => i === 0 || v > (versions[i - 1] ?? 0))).toBe(true);
      const sessionVersions = stream.events.filter((e) => e.event === 'mcp.onDidChangeSessions').map((e) => (JSON.parse(e.data) as { version: number }).version);
      expect(sessionVersions.every((v, i) => i === 0 || v > (sessionVersions[i - 1] ?? 0))).toBe(true);
      expect(new Set(stream.events.map((e) => e.event))).toEqual(new Set(['session.onDidChange', 'mcp.onDidChangeSessions', 'segments.onDidChange', 'mcp.onDidAppendAudit', 'notifications.onDidNotify', 'settings.onDidChange']));
      // The settings changed above (URLs, the mode) reached the page as pushes, as main now holds them.
      expect(stream.events.filter((e) => e.event === 'settings.onDidChange').map((e) => (JSON.parse(e.data) as { apiUrl: string | null }).apiUrl)).toContain('https://api.nevent.example');
      expect(stream.events.filter((e) => e.event === 'notifications.onDidNotify').map((e) => (JSON.parse(e.data) as { title: string }).title)).toContain(`Switched to ${target?.name}`);
      expect(JSON.stringify(stream.events)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    } finally {
      stream.close();
    }
  });

  it('shuts down cleanly on SIGTERM: exit 0, socket removed', async () => {
    expect(await serve.stop('SIGTERM')).toBe(0);
    expect(existsSync(serve.socketPath)).toBe(false);
    expect(serve.stderr()).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  });
});
