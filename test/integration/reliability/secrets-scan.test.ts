/**
 * Secrets scan: a full run — password sign-in, switches, failed switches, token expiry and refresh,
 * tool calls and tool errors — through the in-process core with the MCP socket, a spawned stdio
 * `nevent-companion mcp`, and a spawned `serve` (its HTTP contract, event stream and MCP socket). Every
 * token the API ever issued or received is captured by a proxy in front of it; then every log line,
 * tool result, error, audit entry, IPC answer and event, and every file under the config directories
 * is searched for any of them (whole, or the signature part alone) → none.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/create-core';
import { MemorySecretStore } from '../../../src-main/core/keychain/secret-store';
import type { DemoApi } from '../../../src-main/demo-api';
import { McpAuditLog } from '../../../src-main/mcp/audit-log';
import { startMcpSocketServer } from '../../../src-main/mcp/socket-server';
import { binPath, repoRoot, spawnCliClient } from '../mcp/cli-helpers';
import { connectClient, tempSocketPath, waitFor } from '../mcp/socket-helpers';
import type { TokenCaptureProxy } from './token-capture-proxy';
import { useProxiedDemo } from './proxied-demo-fixture';
import { fakeJwtShape } from '../../helpers/tokens';
import { fixedMode } from '../../../src-main/mcp/operation-mode';

const fixture = useProxiedDemo();
const tempDir = fixture.tempDir;
let demo: DemoApi;
let proxy: TokenCaptureProxy;
beforeAll(() => {
  demo = fixture.demo();
  proxy = fixture.proxy();
});
const seen: { where: string; text: string }[] = [];
const record = (where: string, value: unknown): void => {
  seen.push({ where, text: typeof value === 'string' ? value : JSON.stringify(value) });
};

/** Runs the tool calls every part makes, recording every answer and every thrown error. */
async function exercise(where: string, call: (name: string, args?: Record<string, unknown>) => Promise<unknown>): Promise<void> {
  let succeeded = 0;
  const steps: [string, Record<string, unknown>?][] = [
    ['nevent_list_tenants'],
    ['nevent_switch_tenant', { tenantId: 'tn-acme-es' }],
    ['nevent_list_segments', { limit: 3 }],
    ['nevent_get_active_tenant'],
    ['nevent_segmentation_criteria'],
    ['nevent_analytics_capabilities'],
    ['nevent_paid_ads_status', { provider: 'google' }],
    ['nevent_list_campaigns', { limit: 2 }],
    ['nevent_list_segments', { tenant_id: 'tn-acme-fr' }], // tenant_mismatch
    ['nevent_get_segment', { segment_id: '0123456789abcdef01234567' }], // not_found
    ['nevent_switch_tenant', { tenantId: 'tn-globex' }], // forbidden
    ['nevent_create_segment', { name: 'x', definition: { stanzas: [] } }], // READ_ONLY refusal
    ['nevent_reset_tenant'],
  ];
  const run = async (name: string, args?: Record<string, unknown>): Promise<void> => {
    try {
      const answer = await call(name, args);
      if ((answer as { isError?: boolean }).isError !== true) succeeded += 1;
      record(`${where} ${name}`, answer);
    } catch (error) {
      record(`${where} ${name} error`, error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : error);
    }
  };
  for (const [name, args] of steps) await run(name, args);
  // Every switch-step fault, each answered as a tool error.
  // (HS256 like the real API: a forged signature is the API's to refuse, so that fault is not among these.)
  for (const kind of ['http_500', 'malformed_token', 'wrong_tenant', 'alg_none', 'expired_token'] as const) {
    demo.faults.failNextSwitches(1, kind);
    await run('nevent_switch_tenant', { tenantId: 'tn-acme-fr' });
  }
  // Expiry mid-run: the next calls refresh.
  demo.faults.expireAccessTokens();
  await run('nevent_list_segments', { limit: 1 });
  await run('nevent_switch_tenant', { tenantId: 'tn-acme-pt' });
  await run('nevent_list_campaigns', { limit: 1 });
  // The good calls really went through (so the scan covers real answers, not only errors).
  expect(succeeded).toBeGreaterThanOrEqual(11);
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile() && statSync(path).size < 10 * 2 ** 20) out.push(path);
  }
  return out;
}

/** Every (token fragment, place) where a captured token shows up. */
function leaks(tokens: Set<string>, texts: { where: string; text: string }[]): string[] {
  const needles = new Set<string>();
  for (const token of tokens) {
    needles.add(token);
    const signature = token.split('.')[2];
    if (signature !== undefined && signature.length >= 16) needles.add(signature);
  }
  const found: string[] = [];
  for (const { where, text } of texts) for (const needle of needles) if (text.includes(needle)) found.push(`${where}: …${needle.slice(-12)}`);
  return found;
}

describe('secrets scan', () => {
  it('the scanner finds a planted token (so a clean scan means something)', () => {
    const planted = fakeJwtShape({ sub: 'x' }, 'signature-part-123456');
    expect(leaks(new Set([planted]), [{ where: 'planted', text: `x ${planted.split('.')[2]} y` }])).toHaveLength(1);
  });

  it('in-process core + MCP socket: sign-in, switches, faults, refresh, tool calls', async () => {
    const configDir = tempDir('nevent-scan-core-');
    const core = await createCore({ apiUrl: proxy.url, dataApiUrl: proxy.dataUrl, secretStore: new MemorySecretStore(), configDir, requestTimeoutMs: 2000 });
    const temp = tempSocketPath();
    const audit = new McpAuditLog();
    const server = await startMcpSocketServer({ registry: core.registry, socketPath: temp.path, mode: fixedMode('READ_ONLY'), audit, log: (line) => record('core log', line) });
    try {
      core.registry.onDidChangeSessions((event) => record('registry event', event));
      await core.account.signIn({ type: 'password', email: 'owner@demo.nevent.local', password: 'demo' }, { apiUrl: proxy.url, dataApiUrl: proxy.dataUrl });
      record('account status', core.account.status());
      const a = await connectClient(temp.path, 'scan-a');
      const b = await connectClient(temp.path, 'scan-b');
      await exercise('socket a', (name, args) => a.call(name, args));
      await exercise('socket b', (name, args) => b.call(name, args));
      const desktop = core.registry.desktop;
      if (desktop === null) throw new Error('no desktop session');
      demo.faults.failNextSwitches(1, 'wrong_tenant');
      await desktop.switchTenant('tn-acme-fr').catch((error: unknown) => record('core error', error instanceof Error ? { message: error.message, stack: error.stack, data: (error as { toData?: () => unknown }).toData?.() } : error));
      await desktop.refresh();
      record('snapshots', core.registry.snapshots());
      record('audit', audit.entries());
      await a.close();
      await b.close();
      await core.account.signOut();
    } finally {
      await server.close();
      core.dispose();
      temp.cleanup();
    }
    for (const file of filesUnder(configDir)) record(`file ${file}`, readFileSync(file, 'utf8'));
  }, 30_000);

  it('stdio `nevent-companion mcp` with NEVENT_JWT_TOKEN: stderr and every result', async () => {
    const configDir = tempDir('nevent-scan-stdio-');
    const login = (await (await fetch(`${proxy.url}/auth/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@demo.nevent.local', password: 'demo' }) })).json()) as { access_token: string; refresh_token: string };
    const client = await spawnCliClient(['mcp'], { NEVENT_JWT_TOKEN: login.access_token, NEVENT_REFRESH_TOKEN: login.refresh_token, NEVENT_API_URL: proxy.url, NEVENT_DATA_API_URL: proxy.dataUrl, NEVENT_COMPANION_CONFIG_DIR: configDir, NEVENT_OPERATION_MODE: 'READ_ONLY' }, 'scan-stdio');
    try {
      await exercise('stdio', (name, args) => client.call(name, args));
    } finally {
      await client.close();
    }
    record('stdio stderr', client.stderr());
    expect(client.stderr().length).toBeGreaterThan(0);
    for (const file of filesUnder(configDir)) record(`file ${file}`, readFileSync(file, 'utf8'));
  }, 30_000);

  it('`serve`: every IPC answer, every event on the stream, its MCP socket, its stderr and files', async () => {
    const home = tempDir('nevent-scan-serve-');
    const socketPath = join(home, 'sock', 'mcp.sock');
    const child = spawn(process.execPath, [binPath, 'serve', '--port', '0', '--socket', socketPath], {
      cwd: repoRoot,
      // No secret service: the sign-in stays in memory; a plain-text fallback would show up in the files.
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), NEVENT_COMPANION_CONFIG_DIR: join(home, 'config'), DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(home, 'no-bus')}`, NEVENT_OPERATION_MODE: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const events = new AbortController();
    let stream = '';
    try {
      await waitFor(() => /^mcp socket: /m.test(stdout), 20_000);
      const ui = new URL(/^ui: (\S+)$/m.exec(stdout)?.[1] ?? '');
      const token = ui.searchParams.get('token') ?? '';
      const api = async (channel: string, payload?: unknown): Promise<unknown> => {
        const answer = await fetch(`${ui.origin}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-nevent-token': token }, body: JSON.stringify(payload === undefined ? {} : { payload }) });
        const body: unknown = await answer.json();
        record(`ipc ${channel}`, body);
        return body;
      };
      void fetch(`${ui.origin}/api/events`, { headers: { 'x-nevent-token': token }, signal: events.signal })
        .then(async (response) => {
          const reader = response.body?.getReader();
          const decoder = new TextDecoder();
          for (;;) {
            const chunk = await reader?.read();
            if (chunk === undefined || chunk.done) break;
            stream += decoder.decode(chunk.value);
          }
        })
        .catch(() => undefined);

      const signedIn = await api('account.signIn', { method: 'password', apiUrl: proxy.url, dataApiUrl: proxy.dataUrl, email: 'owner@demo.nevent.local', password: 'demo' });
      expect(signedIn).toMatchObject({ ok: true });
      for (const [channel, payload] of [
        ['session.get'],
        ['tenants.list'],
        ['tenants.switch', { tenantId: 'tn-acme-es' }],
        ['segments.list', { limit: 3 }],
        ['segments.criteria'],
        ['tenants.switch', { tenantId: 'tn-globex' }],
        ['tenants.reset'],
        ['mcp.sessions'],
        ['segments.current', { reload: true }],
        ['settings.get'],
      ] as [string, unknown?][]) await api(channel, payload);

      const mcp = await connectClient(socketPath, 'scan-serve');
      await exercise('serve socket', (name, args) => mcp.call(name, args));
      demo.faults.failNextSwitches(1, 'malformed_token');
      await api('tenants.switch', { tenantId: 'tn-acme-fr' });
      demo.faults.expireAccessTokens();
      await api('segments.list', { limit: 1 });
      await api('mcp.sessions');
      await api('mcp.audit');
      await mcp.close();
      await api('account.signOut');
      // The stream has carried everything up to the sign-out (a polled condition with a deadline).
      await expect.poll(() => stream.includes('"state":"signedOut"'), { timeout: 10_000 }).toBe(true);
      expect(stream).toContain('event: session.onDidChange');
    } finally {
      events.abort();
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    record('serve stdout', stdout);
    record('serve stderr', stderr);
    record('serve event stream', stream);
    for (const file of filesUnder(home)) record(`file ${file}`, readFileSync(file, 'utf8'));
  }, 60_000);

  it('none of the captured tokens appears anywhere', () => {
    // The run really handled tokens: sign-ins, switches and refreshes in every part.
    expect(proxy.tokens.size).toBeGreaterThan(20);
    expect(demo.faults.stats().refreshCalls).toBeGreaterThanOrEqual(3);
    expect(seen.length).toBeGreaterThan(100);
    expect(leaks(proxy.tokens, seen)).toEqual([]);
  });
});
