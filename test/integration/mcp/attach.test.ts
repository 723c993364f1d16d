/**
 * `nevent-companion mcp --attach` (the built CLI) as an AI client meets it:
 * - the app is not running: the handshake's instructions say so and name the socket tried, tools/list
 *   holds one status tool that says what is wrong and how to fix it, a call to any other tool says why it
 *   cannot run; once the app listens, `notifications/tools/list_changed` brings its tools into the same
 *   conversation, and back when it quits — in both protocol eras (a 2025-era client gets the plain
 *   notification, a 2026-07-28 client one on its `subscriptions/listen` stream);
 * - an empty `--socket` (a bundle's blank socket setting) means the default socket, not the current folder;
 * - a client that renders MCP Apps (Claude Desktop through the config entry or the bundle) gets the views
 *   once the app answers: the handshake it sent before the app was up reaches the app with its capabilities;
 * - a socket it must not trust (a directory or socket others can reach, a symlink, someone else's):
 *   nothing is ever sent there, and the status tool and the answers say why.
 */
import { chmodSync, chownSync, mkdirSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import { Client as ModernClient } from '@modelcontextprotocol/client';
import { StdioClientTransport as ModernStdioTransport } from '@modelcontextprotocol/client/stdio';
import { RESOURCE_MIME_TYPE } from '@modelcontextprotocol/ext-apps/server';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ToolListChangedNotificationSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { statusToolName } from '../../../src-main/mcp/attach-offline';
import { McpAuditLog } from '../../../src-main/mcp/audit-log';
import { defaultSocketPath } from '../../../src-main/mcp/socket-path';
import { startMcpSocketServer, type McpSocketServer } from '../../../src-main/mcp/socket-server';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { contractToolNames } from '../../helpers/contract-tools';
import { binPath, ensureCliBuilt, repoRoot, spawnCliClient, tokenPattern, type CliClient } from './cli-helpers';
import { failure, ok } from './envelope-assert';
import { tempSocketPath, waitFor } from './socket-helpers';
import { fixedMode } from '../../../src-main/mcp/operation-mode';
import { viewIdPlaceholder, type AppViewSource } from '../../../src-main/mcp/apps/view-html';
import { appViews } from '../../../src-shared/app-views';

let fixture: CoreFixture;
beforeAll(async () => {
  await ensureCliBuilt();
  fixture = await startCoreFixture({ user: 'owner' });
}, 120_000);
afterAll(async () => {
  await fixture?.close();
});

let temp: { path: string; cleanup: () => void };
let client: CliClient | null = null;
let server: McpSocketServer | null = null;
beforeEach(() => {
  temp = tempSocketPath();
});
afterEach(async () => {
  await client?.close();
  client = null;
  await server?.close();
  server = null;
  temp.cleanup();
});

// FULL: every tool is listed, so the tests can compare the whole list (the mode's own filtering is tested elsewhere).
const startApp = async (socketPath = temp.path, views?: AppViewSource): Promise<McpSocketServer> =>
  (server = await startMcpSocketServer({ registry: fixture.core.registry, socketPath, mode: fixedMode('FULL'), audit: new McpAuditLog(), appViews: views }));
const stopApp = async (): Promise<void> => {
  await server?.close();
  server = null;
};

/** Calls until `accept` holds (the attach process reconnects on its own schedule), bounded. */
async function callUntil(c: CliClient, accept: (result: CallToolResult) => boolean, timeoutMs = 15_000): Promise<CallToolResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await c.call('nevent_get_active_tenant');
    if (accept(result)) return result;
    if (Date.now() > deadline) throw new Error(`no accepted answer within ${timeoutMs} ms; last: ${JSON.stringify(result.content)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const toolNames = async (c: CliClient): Promise<string[]> => (await c.client.listTools()).tools.map((t) => t.name);

/** The status tool's answer, checked to be the same as text and as structured content. */
async function status(c: CliClient): Promise<Record<string, unknown>> {
  return ok(await c.call(statusToolName));
}

describe.skipIf(process.platform === 'win32')('mcp --attach while the app is not running', () => {
  it('says so in the handshake and one status tool, then brings the app\'s tools with tools/list_changed, and back (2025 era)', async () => {
    client = await spawnCliClient(['mcp', '--attach', '--socket', temp.path], {}, 'early-client');
    let changes = 0;
    client.client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      changes += 1;
    });
    expect(client.client.getInstructions()).toMatch(/cannot be reached: Nevent Companion is not running/);
    expect(client.client.getInstructions()).toContain(temp.path);
    expect(client.client.getInstructions()).toContain(statusToolName);
    expect(client.client.getServerCapabilities()?.tools?.listChanged).toBe(true);
    expect(await toolNames(client)).toEqual([statusToolName]);
    const offline = await status(client);
    expect(offline).toMatchObject({ app_reachable: false, problem: 'not_running', socket: temp.path });
    expect(offline.message).toMatch(/Nevent Companion is not running — open it/);
    expect(offline.fix).toMatch(/Open Nevent Companion .* appear here by themselves/);
    expect(offline.fix).toMatch(/--socket PATH/);
    // A client that kept an older list still gets a true answer from any tool.
    const unavailable = failure(await client.call('nevent_list_segments', { limit: 1 }));
    expect(unavailable).toMatchObject({ type: 'api_error', code: 'api_unavailable' });
    expect(unavailable.message).toMatch(/not running — open it/);
    expect(client.stderr()).toMatch(/not running — open it/);

    // The app starts: the client is told its tools changed, lists them, and the conversation goes through.
    await startApp();
    await waitFor(() => changes === 1, 15_000);
    const tools = await toolNames(client);
    for (const name of contractToolNames) expect(tools).toContain(name);
    expect(tools).not.toContain(statusToolName);
    expect(ok(await client.call('nevent_get_active_tenant')).active_tenant_id).toBe('tn-acme');
    expect(fixture.core.registry.snapshots().some((s) => s.kind === 'mcp' && s.clientName === 'early-client')).toBe(true);
    expect(client.stderr()).toMatch(/connected to Nevent Companion/);

    // The app quits: told again, the status tool is back; it comes back: the tools are back.
    await stopApp();
    await waitFor(() => changes === 2, 15_000);
    expect(await toolNames(client)).toEqual([statusToolName]);
    expect((await status(client)).problem).toBe('not_running');
    await startApp();
    await waitFor(() => changes === 3, 15_000);
    expect(ok(await callUntil(client, (r) => r.isError !== true)).active_tenant_id).toBe('tn-acme');
    expect(client.stderr()).not.toMatch(tokenPattern);
  }, 60_000);

  it('announces the change on a 2026-07-28 client\'s listen stream, which then follows the app', async () => {
    const lists: string[][] = [];
    const modern = new ModernClient(
      { name: 'modern-early', version: '2.0.0' },
      { versionNegotiation: { mode: { pin: '2026-07-28' } }, listChanged: { tools: { debounceMs: 0, onChanged: (_error, tools) => void (tools !== null && lists.push(tools.map((t) => t.name))) } } },
    );
    const env = { ...getDefaultEnvironment(), NEVENT_COMPANION_CONFIG_DIR: join(repoRoot, 'test-results', 'no-config') };
    await modern.connect(new ModernStdioTransport({ command: process.execPath, args: [binPath, 'mcp', '--attach', '--socket', temp.path], env, stderr: 'ignore', cwd: repoRoot }));
    try {
      expect((await modern.listTools()).tools.map((t) => t.name)).toEqual([statusToolName]);
      await startApp();
      await waitFor(() => lists.length === 1, 15_000);
      for (const name of contractToolNames) expect(lists[0]).toContain(name);
      // The stream moved to the app, and survives it quitting: the way back is announced on it too.
      await stopApp();
      await waitFor(() => lists.length === 2, 15_000);
      expect(lists[1]).toEqual([statusToolName]);
      await startApp();
      await waitFor(() => lists.length === 3, 15_000);
      expect(lists[2]).toContain('nevent_get_active_tenant');
    } finally {
      await modern.close();
    }
  }, 60_000);

  it('a client that renders MCP Apps and came before the app gets the views once it answers (its handshake replayed as it was)', async () => {
    // A stand-in for the built page (the views' build is not this test's business).
    const page = `<!doctype html><html><head><meta name="nevent-view" content="${viewIdPlaceholder}"></head></html>`;
    const views: AppViewSource = { available: () => true, html: (view) => page.replace(viewIdPlaceholder, view) };
    const host = new Client({ name: 'apps-early', version: '2.0.0' }, { capabilities: { extensions: { 'io.modelcontextprotocol/ui': { mimeTypes: [RESOURCE_MIME_TYPE] } } } });
    let changes = 0;
    host.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      changes += 1;
    });
    const env = { ...getDefaultEnvironment(), NEVENT_COMPANION_CONFIG_DIR: join(repoRoot, 'test-results', 'no-config') };
    await host.connect(new StdioClientTransport({ command: process.execPath, args: [binPath, 'mcp', '--attach', '--socket', temp.path], env, stderr: 'ignore', cwd: repoRoot }));
    try {
      expect((await host.listTools()).tools.map((t) => t.name)).toEqual([statusToolName]);
      await startApp(temp.path, views);
      await waitFor(() => changes === 1, 15_000);
      const links = (await host.listTools()).tools.flatMap((t) => {
        const uri = (t._meta as { ui?: { resourceUri?: string } } | undefined)?.ui?.resourceUri;
        return uri === undefined ? [] : [[t.name, uri]];
      });
      expect(Object.fromEntries(links)).toEqual(Object.fromEntries(appViews.flatMap((view) => view.tools.map((tool) => [tool, view.uri]))));
      const read = await host.readResource({ uri: 'ui://nevent/campaign' });
      expect(read.contents).toEqual([expect.objectContaining({ uri: 'ui://nevent/campaign', mimeType: RESOURCE_MIME_TYPE, text: page.replace(viewIdPlaceholder, 'campaign') })]);
    } finally {
      await host.close();
    }
  }, 60_000);

  it('an empty --socket (a blank bundle setting) means the default socket, not the current folder', async () => {
    const runtime = dirname(dirname(temp.path));
    const env = { XDG_RUNTIME_DIR: runtime };
    await startApp(defaultSocketPath({ env, platform: 'linux' }));
    client = await spawnCliClient(['mcp', '--attach', '--socket='], env, 'blank-socket');
    expect(ok(await callUntil(client, (r) => r.isError !== true)).active_tenant_id).toBe('tn-acme');
  }, 60_000);
});

describe.skipIf(process.platform === 'win32')('mcp --attach refuses a socket it cannot trust', () => {
  let squatter: Server;
  let connections = 0;
  /** A listener at the socket path that counts whoever connects (what a squatter would run). */
  const listen = async (path: string): Promise<void> => {
    connections = 0;
    squatter = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => squatter.listen(path, resolve));
  };
  afterEach(async () => {
    await new Promise<void>((resolve) => squatter.close(() => resolve()));
  });

  const expectRefused = async (socketPath: string, why: RegExp): Promise<void> => {
    client = await spawnCliClient(['mcp', '--attach', '--socket', socketPath], {}, 'careful-client');
    expect(client.client.getInstructions()).toMatch(/cannot be trusted, so nothing was sent to it/);
    expect(await toolNames(client)).toEqual([statusToolName]);
    const said = await status(client);
    expect(said).toMatchObject({ app_reachable: false, problem: 'untrusted_socket', socket: socketPath });
    expect(said.message).toMatch(why);
    const refused = failure(await client.call('nevent_get_active_tenant'));
    expect(refused.message).toMatch(/cannot be trusted, so nothing was sent to it/);
    expect(refused.message).toMatch(why);
    expect(client.stderr()).toMatch(why);
    expect(connections).toBe(0);
  };

  it('a socket directory other users can enter', async () => {
    mkdirSync(dirname(temp.path), { mode: 0o755 });
    chmodSync(dirname(temp.path), 0o755);
    await listen(temp.path);
    await expectRefused(temp.path, /accessible to other users/);
  });

  it('a socket other users can write to', async () => {
    mkdirSync(dirname(temp.path), { mode: 0o700 });
    await listen(temp.path);
    chmodSync(temp.path, 0o666);
    await expectRefused(temp.path, /accessible to other users/);
  });

  it('a symlink in place of the socket', async () => {
    mkdirSync(dirname(temp.path), { mode: 0o700 });
    await listen(`${temp.path}.real`);
    symlinkSync(`${temp.path}.real`, temp.path);
    await expectRefused(temp.path, /not a socket \(or is a symlink\)/);
  });

  it.skipIf(process.getuid?.() !== 0)('a directory that belongs to another user', async () => {
    mkdirSync(dirname(temp.path), { mode: 0o700 });
    await listen(temp.path);
    chownSync(dirname(temp.path), 4242, 4242);
    await expectRefused(temp.path, /belongs to another user \(uid 4242\)/);
    chownSync(dirname(temp.path), 0, 0);
  });

  it('a folder above the socket that others can write to', async () => {
    const open = join(dirname(dirname(temp.path)), 'open');
    mkdirSync(join(open, 'sock'), { recursive: true, mode: 0o700 });
    chmodSync(open, 0o777);
    await listen(join(open, 'sock', 'mcp.sock'));
    await expectRefused(join(open, 'sock', 'mcp.sock'), /writable by other users/);
  });
});
