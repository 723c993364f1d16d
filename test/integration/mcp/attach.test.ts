/**
 * `nevent-companion mcp --attach` (the built CLI) as an AI client meets it:
 * - the app is not running: the handshake and tools/list work, every call says "not running — open it",
 *   and once the app listens the same conversation goes through to it; when it quits and comes back,
 *   again (issue 16, item 6);
 * - a socket it must not trust (issue 15, finding 2): a directory or socket others can reach, a symlink,
 *   someone else's: nothing is ever sent there, and the answers say why.
 */
import { chmodSync, chownSync, mkdirSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { McpAuditLog } from '../../../src-main/mcp/audit-log';
import { startMcpSocketServer, type McpSocketServer } from '../../../src-main/mcp/socket-server';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { contractToolNames } from '../../helpers/contract-tools';
import { ensureCliBuilt, spawnCliClient, tokenPattern, type CliClient } from './cli-helpers';
import { failure, ok } from './envelope-assert';
import { tempSocketPath } from './socket-helpers';
import { fixedMode } from '../../../src-main/mcp/operation-mode';

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

const startApp = async (): Promise<McpSocketServer> => (server = await startMcpSocketServer({ registry: fixture.core.registry, socketPath: temp.path, mode: fixedMode('READ_ONLY'), audit: new McpAuditLog() }));

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

const notRunning = (result: CallToolResult): boolean => result.isError === true && /not running — open it/.test(JSON.stringify(result.content));

describe.skipIf(process.platform === 'win32')('mcp --attach while the app is not running', () => {
  it('answers the handshake and every call with "not running — open it", then goes through once the app is up', async () => {
    client = await spawnCliClient(['mcp', '--attach', '--socket', temp.path], {}, 'early-client');
    const tools = (await client.client.listTools()).tools.map((t) => t.name);
    for (const name of contractToolNames) expect(tools).toContain(name);
    const offline = failure(await client.call('nevent_list_segments', { limit: 1 }));
    expect(offline).toMatchObject({ type: 'api_error', code: 'api_unavailable' });
    expect(offline.message).toMatch(/Nevent Companion is not running — open it/);
    expect(client.client.getInstructions()).toMatch(/open Nevent Companion/);
    expect(client.stderr()).toMatch(/not running — open it/);

    // The app starts: the same conversation reaches it, as the client that introduced itself.
    await startApp();
    const online = ok(await callUntil(client, (r) => r.isError !== true));
    expect(online.active_tenant_id).toBe('tn-acme');
    expect(fixture.core.registry.snapshots().some((s) => s.kind === 'mcp' && s.clientName === 'early-client')).toBe(true);
    expect(client.stderr()).toMatch(/connected to Nevent Companion/);

    // The app quits: answers turn offline again; it comes back: through again.
    await server?.close();
    server = null;
    await callUntil(client, notRunning);
    await startApp();
    expect(ok(await callUntil(client, (r) => r.isError !== true)).active_tenant_id).toBe('tn-acme');
    expect(client.stderr()).not.toMatch(tokenPattern);
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
