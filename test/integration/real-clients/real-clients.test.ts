/**
 * The AI clients people use, installed from npm by the test (test/helpers/real-clients.ts), reaching the
 * app through the entries `nevent-companion config <client> --write` puts in their real config files:
 * the socket entry (`mcp --attach`) and the HTTP entry (the loopback endpoint, token from
 * NEVENT_COMPANION_BRIDGE_TOKEN). Each client is asked for its own model-free listing of its servers, and
 * the app must have seen the sessions. Then the broken setups: a socket nobody listens on, and a wrong
 * token — what each client shows then is recorded in test-results/real-clients.json (docs/ai-clients.md
 * describes it per client).
 *
 * Copilot CLI lists its servers without connecting unless a GitHub account is signed in, so for it the
 * suite checks that it reads both entries as we wrote them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantSession } from '../../../src-main/core/session/tenant-session';
import { statusToolName } from '../../../src-main/mcp/attach-offline';
import { McpAuditLog } from '../../../src-main/mcp/audit-log';
import { BridgeTokenStore } from '../../../src-main/mcp/bridge-token';
import { httpServerKey, serverKey } from '../../../src-main/mcp/client-config/entry';
import { startMcpHttpEndpoint, type McpHttpEndpoint } from '../../../src-main/mcp/http-endpoint';
import { fixedMode } from '../../../src-main/mcp/operation-mode';
import type { McpSessionSource } from '../../../src-main/mcp/session-source';
import { startMcpSocketServer, type McpSocketServer } from '../../../src-main/mcp/socket-server';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { contractToolNames } from '../../helpers/contract-tools';
import { clientsCanRun, installRealClients, recordedInstallSeconds, type RealClients } from '../../helpers/real-clients';
import { MemorySecretStore } from '../../helpers/secret-stores';
import { ensureCliBuilt, repoRoot } from '../mcp/cli-helpers';
import { clientHome, codexServerStatus, runClient, writeEntry, type ClientHome } from './client-runs';

let clients: RealClients;
let fixture: CoreFixture;
let tokens: BridgeTokenStore;
let token: string;
const started = Date.now();
/** What each client showed, for the report and docs/ai-clients.md. */
const seen: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  await ensureCliBuilt();
  clients = await installRealClients();
  fixture = await startCoreFixture({ user: 'owner' });
  tokens = new BridgeTokenStore(new MemorySecretStore());
  token = await tokens.create();
}, 900_000);

afterAll(async () => {
  await fixture?.close();
  if (clients === undefined) return;
  mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
  const summary = { installSeconds: clients.installedInSeconds ?? recordedInstallSeconds(clients), installedNow: clients.installedInSeconds !== null, suiteSeconds: (Date.now() - started) / 1000, seen };
  writeFileSync(join(repoRoot, 'test-results', 'real-clients.json'), `${JSON.stringify(summary, null, 2)}\n`);
});

/**
 * Two client runs at a time. The clients give a server only a few seconds to answer (Gemini CLI's
 * listing: 5 s), and on two cores more of them at once starve the relay they start; the tests are
 * declared concurrent, and wait here for their turn.
 */
const slots = (() => {
  let free = 2;
  const waiting: Array<() => void> = [];
  const release = (): void => {
    const next = waiting.shift();
    if (next === undefined) free += 1;
    else next();
  };
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (free > 0) free -= 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      release();
    }
  };
})();

/** A session source that remembers the sessions it opened (which client, as the client introduced itself). */
function recording(source: McpSessionSource): { source: McpSessionSource; clientNames: () => (string | null)[] } {
  const opened: TenantSession[] = [];
  return {
    source: { openMcpSession: async (client) => {
      const session = await source.openMcpSession(client);
      opened.push(session);
      return session;
    } },
    clientNames: () => opened.map((session) => session.snapshot().clientName),
  };
}

/** One app for one client's run: its own socket and HTTP endpoint, so the sessions it sees are that client's. */
interface App {
  socketPath: string;
  url: string;
  socketClients: () => (string | null)[];
  httpClients: () => (string | null)[];
  close(): Promise<void>;
}

async function startApp(): Promise<App> {
  const dir = mkdtempSync(join(tmpdir(), 'nc-rc-app-'));
  const socketPath = join(dir, 'sock', 'mcp.sock');
  const bySocket = recording(fixture.core.registry);
  const byHttp = recording(fixture.core.registry);
  const audit = new McpAuditLog();
  // FULL: every tool is listed, so a client's listing can be compared with the whole toolset.
  const socket: McpSocketServer = await startMcpSocketServer({ registry: bySocket.source, socketPath, mode: fixedMode('FULL'), audit });
  const http: McpHttpEndpoint = await startMcpHttpEndpoint({ registry: byHttp.source, mode: fixedMode('FULL'), token: tokens, audit });
  return {
    socketPath,
    url: http.url,
    socketClients: bySocket.clientNames,
    httpClients: byHttp.clientNames,
    close: async () => {
      await socket.close();
      await http.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A home with both entries: the socket one at `socketPath`, the HTTP one at `url`. */
async function homeWithEntries(kind: string, socketPath: string, url: string | null): Promise<ClientHome> {
  const home = clientHome(clients);
  await writeEntry(home, [kind, '--socket', socketPath]);
  if (url !== null) await writeEntry(home, [kind, '--http-url', url]);
  return home;
}

/** The line of a listing that names `key`. */
const lineOf = (output: string, key: string): string => output.split('\n').find((line) => line.includes(`${key}:`) || line.includes(` ${key} `) || line.trim().endsWith(` ${key}`) || line.includes(`${key} `)) ?? '';

/** Each client's `mcp list` with its words for a working server and how it shows the name. */
const listers = [
  { kind: 'claude-code', bin: 'claude', args: ['mcp', 'list'], connected: /✔ Connected/ },
  { kind: 'gemini', bin: 'gemini', args: ['mcp', 'list'], connected: /- Connected/ },
  { kind: 'qwen', bin: 'qwen', args: ['mcp', 'list'], connected: /- Connected/ },
  { kind: 'opencode', bin: 'opencode', args: ['mcp', 'list'], connected: /connected/ },
] as const;

const wrongToken = { NEVENT_COMPANION_BRIDGE_TOKEN: 'ncb_not-the-token' };

describe.skipIf(process.platform === 'win32' || !clientsCanRun()).concurrent('real AI clients, through the entries `config --write` writes', () => {
  it.each(listers)('$kind lists both entries as connected, and the app saw its sessions', ({ kind, bin, args, connected }) => slots(async () => {
    const app = await startApp();
    const home = await homeWithEntries(kind, app.socketPath, app.url);
    try {
      const listed = await runClient(clients.bin(bin), [...args], home, { NEVENT_COMPANION_BRIDGE_TOKEN: token });
      (seen[kind] ??= {}).works = listed.output.trim();
      expect(lineOf(listed.output, serverKey), listed.output).toMatch(connected);
      expect(lineOf(listed.output, httpServerKey), listed.output).toMatch(connected);
      expect(app.socketClients().length, 'sessions over the socket').toBeGreaterThan(0);
      expect(app.httpClients().length, 'sessions over HTTP').toBeGreaterThan(0);
      // Each of these clients says who it is (in its handshake or in each request's _meta): the sessions
      // panel and the audit name it.
      expect(app.socketClients().some((name) => name !== null), `socket sessions named: ${JSON.stringify(app.socketClients())}`).toBe(true);
      expect(app.httpClients().some((name) => name !== null), `HTTP sessions named: ${JSON.stringify(app.httpClients())}`).toBe(true);
      (seen[kind] ??= {}).clientNames = JSON.stringify({ socket: [...new Set(app.socketClients())], http: [...new Set(app.httpClients())] });
    } finally {
      await app.close();
      rmSync(home.home, { recursive: true, force: true });
    }
  }), 240_000);

  it.each(listers)('$kind: with no app at the socket and a wrong token', ({ kind, bin, args }) => slots(async () => {
    const app = await startApp();
    const nowhere = join(mkdtempSync(join(tmpdir(), 'nc-rc-none-')), 'mcp.sock');
    const home = await homeWithEntries(kind, nowhere, app.url);
    try {
      const listed = await runClient(clients.bin(bin), [...args], home, wrongToken);
      (seen[kind] ??= {}).broken = listed.output.trim();
      // The relay answers for the missing app (its tools say why: see Codex's listing below); the HTTP entry fails.
      expect(lineOf(listed.output, httpServerKey), listed.output).not.toMatch(/✔ Connected|- Connected|✓ .*connected/);
      expect(app.httpClients()).toEqual([]);
      if (kind === 'claude-code') expect(lineOf(listed.output, httpServerKey)).toMatch(/HTTP 401.*NEVENT_COMPANION_BRIDGE_TOKEN/);
      // Not an offer to sign in with OAuth (the entry says oauth: false, and the endpoint serves no OAuth metadata).
      if (kind === 'opencode') expect(listed.output).not.toMatch(/needs authentication/);
    } finally {
      await app.close();
      rmSync(home.home, { recursive: true, force: true });
    }
  }), 240_000);

  it("Codex CLI's app server lists our tools on both entries; with no app, the status tool alone, and the token error", () => slots(async () => {
    const app = await startApp();
    const home = await homeWithEntries('codex', app.socketPath, app.url);
    const nowhere = join(mkdtempSync(join(tmpdir(), 'nc-rc-none-')), 'mcp.sock');
    const broken = await homeWithEntries('codex', nowhere, app.url);
    try {
      const working = await codexServerStatus(clients.bin('codex'), home, { NEVENT_COMPANION_BRIDGE_TOKEN: token });
      for (const key of [serverKey, httpServerKey]) {
        const server = working.find((status) => status.name === key);
        expect(server?.toolsError ?? null, key).toBeNull();
        for (const name of contractToolNames) expect(Object.keys(server?.tools ?? {}), key).toContain(name);
      }
      expect(app.socketClients().length).toBeGreaterThan(0);
      expect(app.httpClients().length).toBeGreaterThan(0);

      const failing = await codexServerStatus(clients.bin('codex'), broken, wrongToken);
      const offline = failing.find((status) => status.name === serverKey);
      expect(Object.keys(offline?.tools ?? {})).toEqual([statusToolName]);
      const refused = failing.find((status) => status.name === httpServerKey);
      expect(refused?.tools ?? {}).toEqual({});
      expect(refused?.toolsError).toBeTruthy();
      seen.codex = { works: JSON.stringify(working.map((s) => ({ name: s.name, tools: Object.keys(s.tools).length }))), broken: JSON.stringify(failing.map((s) => ({ name: s.name, tools: Object.keys(s.tools), toolsError: s.toolsError?.slice(0, 300) ?? null }))) };
    } finally {
      await app.close();
      rmSync(home.home, { recursive: true, force: true });
      rmSync(broken.home, { recursive: true, force: true });
    }
  }), 240_000);

  it('mcp-remote reaches the HTTP endpoint with the token, and with a wrong one ends with our sentence instead of an OAuth sign-in', () => slots(async () => {
    const app = await startApp();
    const home = clientHome(clients);
    try {
      const connected = await runClient(clients.bin('mcp-remote-client'), [app.url, '--header', `Authorization: Bearer ${token}`], home);
      expect(connected.output).toMatch(/Connected successfully/);
      expect(app.httpClients().length).toBeGreaterThan(0);
      const refused = await runClient(clients.bin('mcp-remote-client'), [app.url, '--header', 'Authorization: Bearer ncb_not-the-token'], home);
      expect(refused.output).toMatch(/No OAuth here: set NEVENT_COMPANION_BRIDGE_TOKEN/);
      expect(refused.output).not.toMatch(/Please authorize|Browser opened/i);
      seen['mcp-remote'] = { works: connected.output.split('\n').filter((line) => /Connected/.test(line)).join('\n'), broken: refused.output.split('\n').find((line) => /NEVENT_COMPANION_BRIDGE_TOKEN/.test(line)) ?? '' };
    } finally {
      await app.close();
      rmSync(home.home, { recursive: true, force: true });
    }
  }), 240_000);

  it('GitHub Copilot CLI reads both entries as written (it connects only with a GitHub sign-in)', () => slots(async () => {
    const home = await homeWithEntries('copilot', '/run/nevent-test/mcp.sock', 'http://127.0.0.1:4100/mcp');
    try {
      const listed = await runClient(clients.bin('copilot'), ['mcp', 'list'], home);
      expect(listed.output).toMatch(new RegExp(`${serverKey} \\(local\\)`));
      expect(listed.output).toMatch(new RegExp(`${httpServerKey} \\(http\\)`));
      const socket = await runClient(clients.bin('copilot'), ['mcp', 'get', serverKey], home);
      expect(socket.output).toMatch(/Command: .* mcp --attach --socket \/run\/nevent-test\/mcp\.sock/);
      expect(socket.output).toMatch(/Tools: \* \(all\)/);
      const http = await runClient(clients.bin('copilot'), ['mcp', 'get', httpServerKey], home);
      expect(http.output).toMatch(/http:\/\/127\.0\.0\.1:4100\/mcp/);
      seen.copilot = { works: `${listed.output.trim()}\n${socket.output.trim()}\n${http.output.trim()}` };
    } finally {
      rmSync(home.home, { recursive: true, force: true });
    }
  }), 240_000);
});
