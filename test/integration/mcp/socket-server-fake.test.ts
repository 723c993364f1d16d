/**
 * The socket transport with fake sessions: permissions, stale sockets, misbehaving connections and
 * churn never disturb a working session. (The same checks against the real core: socket-core.test.ts.)
 */
import { chmodSync, chownSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreError } from '../../../src-main/core/common/core-error';
import { McpAuditLog } from '../../../src-main/mcp/audit-log';
import { startMcpSocketServer } from '../../../src-main/mcp/socket-server';
import type { McpSocketServer } from '../../../src-main/mcp/socket-server';
import { FakeTenantSession } from '../../helpers/fake-tenant-session';
import { connectClient, rawConnect, readUntilClosed, tempSocketPath, waitFor } from './socket-helpers';
import { fixedMode } from '../../../src-main/mcp/operation-mode';

let temp: { path: string; cleanup: () => void };
let server: McpSocketServer | null = null;
let sessions: FakeTenantSession[];
let audit: McpAuditLog;

const registry = {
  openMcpSession: () => {
    const session = new FakeTenantSession({ id: `s${sessions.length + 1}` });
    sessions.push(session);
    return session;
  },
};

const start = async (maxLineBytes?: number) => {
  server = await startMcpSocketServer({ registry, socketPath: temp.path, mode: fixedMode('READ_ONLY'), audit, maxLineBytes });
  return server;
};

beforeEach(() => {
  temp = tempSocketPath();
  sessions = [];
  audit = new McpAuditLog();
});
afterEach(async () => {
  await server?.close();
  server = null;
  temp.cleanup();
});

describe.skipIf(process.platform === 'win32')('MCP socket server', () => {
  it('creates the directory 0700 and the socket 0600, and removes the socket on close', async () => {
    await start();
    expect(statSync(dirname(temp.path)).mode & 0o777).toBe(0o700);
    expect(statSync(temp.path).mode & 0o777).toBe(0o600);
    await server?.close();
    server = null;
    expect(() => statSync(temp.path)).toThrow();
  });

  it('refuses a directory with looser permissions, a symlinked directory, and a non-socket file', async () => {
    mkdirSync(dirname(temp.path), { mode: 0o755 });
    chmodSync(dirname(temp.path), 0o755);
    await expect(start()).rejects.toThrow(/accessible to other users/);
    chmodSync(dirname(temp.path), 0o700);
    writeFileSync(temp.path, 'not a socket');
    await expect(start()).rejects.toThrow(/not a socket/);

    const other = tempSocketPath();
    mkdirSync(dirname(other.path), { mode: 0o700 });
    const link = join(dirname(dirname(other.path)), 'link');
    symlinkSync(dirname(other.path), link);
    await expect(startMcpSocketServer({ registry, socketPath: join(link, 'mcp.sock'), mode: fixedMode('READ_ONLY') })).rejects.toThrow(/symlink/);
    other.cleanup();
  });

  it.skipIf(process.getuid?.() !== 0)('refuses a socket directory another user created first', async () => {
    mkdirSync(dirname(temp.path), { mode: 0o700 });
    chownSync(dirname(temp.path), 4242, 4242);
    await expect(start()).rejects.toThrow(/belongs to another user \(uid 4242\)/);
    chownSync(dirname(temp.path), 0, 0);
  });

  it('refuses a socket below a folder that other users can write to', async () => {
    const open = join(dirname(dirname(temp.path)), 'open');
    mkdirSync(open, { mode: 0o777 });
    chmodSync(open, 0o777);
    await expect(startMcpSocketServer({ registry, socketPath: join(open, 'sock', 'mcp.sock'), mode: fixedMode('READ_ONLY') })).rejects.toThrow(/writable by other users/);
  });

  it('replaces a stale socket of ours but refuses to steal a live one', async () => {
    mkdirSync(dirname(temp.path), { mode: 0o700 });
    // A live listener: refuse.
    const live = createServer();
    await new Promise<void>((resolve) => live.listen(temp.path, resolve));
    await expect(start()).rejects.toThrow(/already serving/);
    // A socket file left behind by a process that was killed: replace it.
    const child = spawn(process.execPath, ['-e', `const p = ${JSON.stringify(temp.path)}; try { require('fs').unlinkSync(p) } catch {} require('net').createServer().listen(p, () => console.log('ready'))`], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve, reject) => {
      child.stdout.once('data', resolve);
      child.once('exit', () => reject(new Error('listener child exited early')));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(statSync(temp.path).isSocket()).toBe(true);
    await start();
    const c = await connectClient(temp.path);
    expect((await c.call('nevent_get_active_tenant')).isError).toBeFalsy();
    await c.close();
  });

  it('gives each connection its own session, and ends the session with the connection', async () => {
    await start();
    const a = await connectClient(temp.path, 'client-a');
    const b = await connectClient(temp.path, 'client-b');
    await a.call('nevent_switch_tenant', { tenantId: 'tenant-a' });
    expect((await b.call('nevent_get_active_tenant')).structuredContent).toMatchObject({ active_tenant_id: 'tenant-root' });
    expect(sessions.map((s) => s.snapshot().clientName).sort()).toEqual(['client-a', 'client-b']);
    expect(server?.connectionCount()).toBe(2);
    await a.close();
    await waitFor(() => sessions[0]?.closed === true || sessions[1]?.closed === true);
    expect(sessions.filter((s) => s.closed)).toHaveLength(1);
    expect(server?.connectionCount()).toBe(1);
    expect((await b.call('nevent_get_active_tenant')).isError).toBeFalsy();
    expect(audit.entries().some((e) => e.kind === 'switch' && e.tenantId === 'tenant-a' && e.clientName === 'client-a')).toBe(true);
    await b.close();
  });

  it('closes a connection that sends an over-long line or garbage, and the others keep working', async () => {
    await start(64 * 1024);
    const good = await connectClient(temp.path);

    const flooder = await rawConnect(temp.path);
    const flooderClosed = readUntilClosed(flooder);
    flooder.write('{"jsonrpc":"2.0","id":1,"method":"ping","params":{"x":"');
    flooder.write('x'.repeat(200 * 1024));
    await flooderClosed;

    const garbage = await rawConnect(temp.path);
    const garbageClosed = readUntilClosed(garbage);
    garbage.write('this is not json\n');
    const answer = await garbageClosed;
    expect(JSON.parse(answer.trim())).toMatchObject({ jsonrpc: '2.0', error: { code: -32700 } });

    expect((await good.call('nevent_list_segments')).structuredContent).toMatchObject({ tenant_id: 'tenant-root' });
    await good.close();
  });

  it('survives 100 rapid connect/disconnects with a session in use', async () => {
    await start();
    const good = await connectClient(temp.path);
    await good.call('nevent_switch_tenant', { tenantId: 'tenant-a' });
    const churn = Array.from({ length: 100 }, async (_, i) => {
      const socket = await rawConnect(temp.path);
      if (i % 3 === 0) socket.write('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"churn","version":"0"}}}\n');
      socket.destroy();
    });
    await Promise.all(churn);
    expect((await good.call('nevent_get_active_tenant')).structuredContent).toMatchObject({ active_tenant_id: 'tenant-a' });
    // Each of the hundred closes is seen only once its session opened: generous for a loaded machine.
    await waitFor(() => server?.connectionCount() === 1, 60_000);
    await good.close();
  });
});

describe.skipIf(process.platform === 'win32')('MCP socket server without a signed-in account', () => {
  it('tells the client the app is not signed in and hangs up', async () => {
    const signedOut = {
      openMcpSession: () => {
        throw new CoreError('signed_out', 'nobody is signed in');
      },
    };
    server = await startMcpSocketServer({ registry: signedOut, socketPath: temp.path, mode: fixedMode('READ_ONLY') });
    const socket = await rawConnect(temp.path);
    const received = readUntilClosed(socket);
    socket.write('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"x","version":"1"}}}\n');
    const answer = JSON.parse((await received).trim()) as { error: { message: string } };
    expect(JSONRPCMessageSchema.safeParse(answer).success).toBe(true);
    expect(answer.error.message).toMatch(/not signed in/);
    expect(server.connectionCount()).toBe(0);
  });
});
