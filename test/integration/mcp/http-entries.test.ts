/**
 * `config <client> --http-url` and the panel write an HTTP entry for the
 * app's loopback endpoint that never holds the bridge token, and the entry works — read the way each
 * client reads it (its URL key, its way of naming an environment variable), a real SDK client reaches
 * the real endpoint with it. The app remembers the endpoint (on, and its port) across restarts, so the
 * written entries keep working; a taken port moves it and says so.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parse as parseJsonc } from 'jsonc-parser';
import { getStaticTOMLValue, parseTOML } from 'toml-eslint-parser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RequestChannel, ResponseOf } from '../../../src-shared/ipc';
import { createDesktopApp, type DesktopApp } from '../../../src-main/app/compose';
import { fileClientConfig } from '../../../src-main/app/client-config';
import { configCommand } from '../../../src-main/cli/commands/config';
import { McpAuditLog } from '../../../src-main/mcp/audit-log';
import { BridgeTokenStore } from '../../../src-main/mcp/bridge-token';
import { bridgeTokenEnvVar, httpServerKey, serverKey, serversKey, type ClientKind } from '../../../src-main/mcp/client-config/entry';
import { startMcpHttpEndpoint, type McpHttpEndpoint } from '../../../src-main/mcp/http-endpoint';
import { fixedMode } from '../../../src-main/mcp/operation-mode';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { MemorySecretStore } from '../../helpers/secret-stores';
import { connectPeer, type Era } from './peers';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nc-http-entries-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (write: (text: string) => void) => new Writable({ write: (chunk: Buffer, _enc, done) => (write(chunk.toString()), done()) });
  const status = await configCommand.run(args, { stdout: sink((t) => (stdout += t)), stderr: sink((t) => (stderr += t)), stdin: process.stdin, env: { ...process.env } });
  return { status, stdout, stderr };
}

/** A client's file, parsed as that client parses it. */
function readConfig(kind: ClientKind, file: string): Record<string, Record<string, Record<string, unknown>>> {
  const text = readFileSync(file, 'utf8');
  return (kind === 'codex' ? getStaticTOMLValue(parseTOML(text)) : parseJsonc(text)) as Record<string, Record<string, Record<string, unknown>>>;
}

/** What the client would connect with: its URL key, and the Authorization header with its variables expanded. */
function resolveEntry(kind: ClientKind, entry: Record<string, unknown>, env: Record<string, string>): { url: string; bearer: string } {
  const url = String(entry.url ?? entry.serverUrl ?? entry.httpUrl);
  if (kind === 'codex') return { url, bearer: env[String(entry.bearer_token_env_var)] ?? '' };
  const header = String((entry.headers as Record<string, string>).Authorization);
  // `${env:NAME}` (VS Code, Cursor, Windsurf), `${NAME}` (Claude Code, Gemini CLI, Qwen Code, Copilot CLI) or `{env:NAME}` (opencode).
  const expanded = header.replace(/\$?\{(?:env:)?([A-Z0-9_]+)\}/g, (_m, name: string) => env[name] ?? '');
  return { url, bearer: expanded.replace(/^Bearer /, '') };
}

const httpClients: Array<[ClientKind, string, Era]> = [
  ['claude-code', 'claude.json', 'modern'],
  ['cursor', 'mcp.json', 'legacy'],
  ['vscode', 'mcp.json', 'modern'],
  ['windsurf', 'mcp_config.json', 'legacy'],
  ['gemini', 'settings.json', 'modern'],
  ['codex', 'config.toml', 'legacy'],
  ['copilot', 'mcp-config.json', 'modern'],
  ['qwen', 'settings.json', 'legacy'],
  ['opencode', 'opencode.json', 'modern'],
];

describe('HTTP entries for AI clients', () => {
  let fixture: CoreFixture;
  let endpoint: McpHttpEndpoint;
  let token: string;

  beforeAll(async () => {
    fixture = await startCoreFixture();
    const tokens = new BridgeTokenStore(new MemorySecretStore());
    token = await tokens.create();
    endpoint = await startMcpHttpEndpoint({ registry: fixture.core.registry, mode: fixedMode('READ_ONLY'), token: tokens, audit: new McpAuditLog() });
  }, 60_000);
  afterAll(async () => {
    await endpoint?.close();
    await fixture?.close();
  });

  it.each(httpClients)('%s: the written entry names the endpoint, holds no token, and a real client gets in with it', async (kind, fileName, era) => {
    const file = join(dir, fileName);
    const socketEntry = await cli([kind, '--write', '--file', file]);
    expect(socketEntry.status, socketEntry.stderr).toBe(0);
    const before = readConfig(kind, file)[serversKey(kind)]?.[serverKey];

    const written = await cli([kind, '--http-url', endpoint.url, '--write', '--file', file]);
    expect(written.status, written.stderr).toBe(0);
    expect(written.stdout).toContain(bridgeTokenEnvVar);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(token);
    expect(text).not.toMatch(/ncb_/);
    const servers = readConfig(kind, file)[serversKey(kind)] ?? {};
    // The socket entry stays as it was, beside the HTTP one.
    expect(servers[serverKey]).toEqual(before);
    const entry = servers[httpServerKey];
    expect(entry).toBeDefined();
    expect((await cli([kind, '--http-url', endpoint.url, '--write', '--file', file])).stdout).toMatch(/nothing to change/);

    const { url, bearer } = resolveEntry(kind, entry as Record<string, unknown>, { [bridgeTokenEnvVar]: token });
    expect(url).toBe(endpoint.url);
    const peer = await connectPeer(era, { kind: 'http', url, token: bearer }, `${kind}-entry`);
    try {
      expect((await peer.listTools()).tools.map((t) => t.name)).toContain('nevent_get_active_tenant');
    } finally {
      await peer.close();
    }
  });

  it('refuses clients that cannot read the token from the environment, and URLs that are not the loopback endpoint, touching nothing', async () => {
    const file = join(dir, 'claude_desktop_config.json');
    writeFileSync(file, '{ "theme": "dark" }\n');
    for (const [kind, url] of [['claude', endpoint.url], ['zed', endpoint.url], ['cursor', 'https://mcp.example.com/mcp'], ['cursor', 'http://127.0.0.1/mcp'], ['cursor', 'not a url']] as const) {
      const run = await cli([kind, '--http-url', url, '--write', '--file', file]);
      expect(run.status, `${kind} ${url}`).toBe(2);
      expect(run.stderr).toMatch(/cannot use the HTTP endpoint|must be the app's loopback endpoint/);
    }
    expect(readFileSync(file, 'utf8')).toBe('{ "theme": "dark" }\n');
    expect((await cli(['cursor', '--http-url', endpoint.url, '--socket', join(dir, 's.sock')])).status).toBe(2);
  });
});

describe('the app keeps its HTTP endpoint across restarts', () => {
  const apps: DesktopApp[] = [];
  let squatter: Server | null = null;
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await new Promise<void>((resolve) => (squatter === null ? resolve() : squatter.close(() => resolve())));
    squatter = null;
  });

  const secrets = new MemorySecretStore();
  const logs: string[] = [];
  const start = async (): Promise<DesktopApp> => {
    const home = join(dir, 'home');
    const app = await createDesktopApp({
      shell: 'electron',
      version: '0.1.0',
      demo: null,
      env: { NEVENT_COMPANION_CONFIG_DIR: join(dir, 'config'), HOME: home },
      platform: 'linux',
      startBridge: () => Promise.reject(new Error('no MCP socket in this test')),
      clientConfig: fileClientConfig({ command: 'nevent-companion', args: [] }, { env: { HOME: home, XDG_CONFIG_HOME: join(home, '.config') }, platform: 'linux', home }),
      configDir: join(dir, 'config'),
      secretStore: secrets,
      log: (line) => logs.push(line),
    });
    apps.push(app);
    return app;
  };
  /** The value of a successful dispatch, typed as its channel answers. */
  const ok = async <C extends RequestChannel>(app: DesktopApp, channel: C, payload: unknown): Promise<ResponseOf<C>> => {
    const result = await app.dispatch(channel, payload);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as ResponseOf<C>;
  };

  it('on in the app stays on, on the same port, and the panel writes an HTTP entry only while it listens', async () => {
    const first = await start();
    const refused = await first.dispatch('mcp.clientConfigPreview', { client: 'cursor', transport: 'http' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_available' } });
    const on = await ok(first, 'mcp.httpEnable', { enabled: true });
    expect(on.state).toBe('listening');
    const { token } = await ok(first, 'mcp.httpCreateToken', undefined);
    const preview = await ok(first, 'mcp.clientConfigPreview', { client: 'cursor', transport: 'http' });
    expect(preview.diff).toContain(httpServerKey);
    expect(preview.diff).toContain(String(on.url));
    expect(JSON.stringify(preview)).not.toContain(token);
    expect(await first.dispatch('mcp.clientConfigPreview', { client: 'claude', transport: 'http' })).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/Claude Desktop cannot use the HTTP endpoint/) } });
    await first.close();
    apps.splice(0);

    const second = await start();
    expect(second.mcpHttp.status()).toMatchObject({ state: 'listening', url: on.url, tokenPresent: true });

    // Off is remembered too.
    await ok(second, 'mcp.httpEnable', { enabled: false });
    await second.close();
    apps.splice(0);
    const third = await start();
    expect(third.mcpHttp.status()).toMatchObject({ state: 'off', url: null });
    await ok(third, 'mcp.httpEnable', { enabled: true });
    expect(third.mcpHttp.status().url).toBe(on.url);
    await third.close();
    apps.splice(0);

    // Someone else took the port meanwhile: the endpoint still starts, elsewhere, and the log says so.
    const port = Number(new URL(String(on.url)).port);
    squatter = await new Promise<Server>((resolve, reject) => {
      const server = createServer().once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve(server));
    });
    const fourth = await start();
    const moved = fourth.mcpHttp.status();
    expect(moved.state).toBe('listening');
    expect(moved.url).not.toBe(on.url);
    expect(logs.join('\n')).toMatch(new RegExp(`port ${port} is in use, so the endpoint moved to ${String(moved.url).replace(/[.]/g, '\\.')}`));
  }, 60_000);
});
