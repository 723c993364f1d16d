/**
 * The socket server's bounds: silent connections are closed once the handshake
 * deadline passes, idle ones after the idle time-out, connections beyond the cap are refused with a
 * reason, and none of it touches a working connection. (Fake sessions: the bounds are the transport's.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { McpAuditLog } from '../../../src-main/mcp/audit-log';
import { startMcpSocketServer, type McpSocketServer, type McpSocketServerOptions } from '../../../src-main/mcp/socket-server';
import { FakeTenantSession } from '../../helpers/fake-tenant-session';
import { connectClient, rawConnect, readUntilClosed, tempSocketPath, waitFor } from './socket-helpers';
import { fixedMode } from '../../../src-main/mcp/operation-mode';

let temp: { path: string; cleanup: () => void };
let server: McpSocketServer | null = null;
let sessions: FakeTenantSession[];

const registry = {
  openMcpSession: () => {
    const session = new FakeTenantSession({ id: `s${sessions.length + 1}` });
    sessions.push(session);
    return session;
  },
};

const start = async (bounds: Pick<McpSocketServerOptions, 'maxConnections' | 'handshakeTimeoutMs' | 'idleTimeoutMs'>): Promise<McpSocketServer> => {
  server = await startMcpSocketServer({ registry, socketPath: temp.path, mode: fixedMode('READ_ONLY'), audit: new McpAuditLog(), ...bounds });
  return server;
};

beforeEach(() => {
  temp = tempSocketPath();
  sessions = [];
});
afterEach(async () => {
  await server?.close();
  server = null;
  temp.cleanup();
});

describe.skipIf(process.platform === 'win32')('MCP socket server bounds', () => {
  it('closes a connection that never completes the handshake, and ends its session', async () => {
    await start({ handshakeTimeoutMs: 300 });
    const good = await connectClient(temp.path, 'good');
    const silent = await rawConnect(temp.path);
    await readUntilClosed(silent, 10_000);
    await waitFor(() => sessions.filter((s) => s.closed).length === 1);
    expect(sessions.find((s) => s.closed)?.snapshot().clientName ?? null).toBeNull();
    // The handshake deadline does not apply to a connection that completed it.
    expect((await good.call('nevent_get_active_tenant')).isError).toBeFalsy();
    expect(server?.connectionCount()).toBe(1);
    await good.close();
  });

  it('closes an idle connection after the idle time-out', async () => {
    await start({ idleTimeoutMs: 300 });
    const idle = await connectClient(temp.path, 'idle');
    const closed = new Promise<void>((resolve) => {
      idle.client.onclose = () => resolve();
    });
    await closed;
    await waitFor(() => sessions[0]?.closed === true);
  });

  it('refuses connections beyond the cap with a reason, and the open ones keep working', async () => {
    await start({ maxConnections: 3 });
    const clients = await Promise.all([connectClient(temp.path, 'a'), connectClient(temp.path, 'b'), connectClient(temp.path, 'c')]);
    const extra = await rawConnect(temp.path);
    const answer = JSON.parse((await readUntilClosed(extra)).trim()) as { error: { message: string } };
    expect(answer.error.message).toMatch(/already has 3 open MCP connections/);
    expect(sessions).toHaveLength(3);
    for (const client of clients) expect((await client.call('nevent_get_active_tenant')).isError).toBeFalsy();
    // A closed connection frees its place.
    await clients[0]?.close();
    await waitFor(() => server?.connectionCount() === 2);
    const next = await connectClient(temp.path, 'd');
    expect((await next.call('nevent_get_active_tenant')).isError).toBeFalsy();
    await Promise.all([...clients.slice(1), next].map((c) => c.close()));
  });
});
