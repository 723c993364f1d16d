/** Helpers for socket tests: a temp socket dir, and SDK clients connected over a real socket. */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { LineTransport } from '../../../src-main/mcp/line-transport';

/** A fresh directory whose `sock/mcp.sock` path is short enough for a unix socket. */
export function tempSocketPath(): { path: string; cleanup: () => void } {
  const base = mkdtempSync(join(tmpdir(), 'nc-mcp-'));
  return { path: join(base, 'sock', 'mcp.sock'), cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

/** Opens a raw connection. */
export function rawConnect(path: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** An SDK client over the socket. */
export interface SocketClient {
  client: Client;
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

/** Connects and initializes an SDK client named `name` over the socket. */
export async function connectClient(path: string, name = 'socket-test'): Promise<SocketClient> {
  const socket = await rawConnect(path);
  const client = new Client({ name, version: '1.0.0' });
  await client.connect(new LineTransport(socket, socket, { destroy: () => socket.destroy() }));
  await client.listTools();
  return {
    client,
    call: async (tool, args = {}) => (await client.callTool({ name: tool, arguments: args })) as CallToolResult,
    close: () => client.close(),
  };
}

/** Waits until `predicate` holds (bounded). */
export async function waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Reads until the socket closes; resolves with everything received. */
export function readUntilClosed(socket: Socket, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    const timer = setTimeout(() => reject(new Error('socket stayed open')), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      data += chunk.toString('utf8');
    });
    socket.on('error', () => undefined);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(data);
    });
  });
}
