/**
 * The socket's framing under abuse (raw sockets, no SDK on the client side): requests split at random
 * points, a last line without newline, random binary, floods, and lines far over the cap. A valid
 * request is answered however it is chunked; garbage gets a JSON-RPC error or the connection closed;
 * memory stays bounded; the server and a bystander connection keep working throughout.
 */
import type { Socket } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, rawConnect, type SocketClient } from '../mcp/socket-helpers';
import { startBridge, within, type Bridge } from './reliability-helpers';
import { propertyRuns } from '../../helpers/property-runs';

const maxLineBytes = 64 * 1024;
let bridge: Bridge;
let bystander: SocketClient;
beforeAll(async () => {
  bridge = await startBridge({ maxLineBytes });
  bystander = await connectClient(bridge.socketPath, 'bystander');
  await bystander.call('nevent_switch_tenant', { tenantId: 'tn-acme-pt' });
}, 30_000);
afterAll(async () => {
  await bystander?.close();
  await bridge?.close();
});

/** A raw connection that collects answer lines and notices when it closes. */
interface Wire {
  socket: Socket;
  lines: unknown[];
  closed: Promise<void>;
  isClosed(): boolean;
}

async function wire(): Promise<Wire> {
  const socket = await rawConnect(bridge.socketPath);
  const lines: unknown[] = [];
  let buffer = '';
  let closedFlag = false;
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      lines.push(JSON.parse(buffer.slice(0, newline)));
      buffer = buffer.slice(newline + 1);
    }
  });
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => ((closedFlag = true), resolve())));
  return { socket, lines, closed, isClosed: () => closedFlag };
}

async function until(predicate: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const initialize = (id: number): string => `${JSON.stringify({ jsonrpc: '2.0', id, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'framing', version: '1' } } })}\n`;

async function bystanderWorks(): Promise<void> {
  const result = await within(5000, bystander.call('nevent_list_segments', { limit: 2 }));
  expect((result.structuredContent as { tenant_id: string }).tenant_id).toBe('tn-acme-pt');
}

describe('socket framing', () => {
  it('a request split at any points, with pauses, is answered exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { maxLength: 8 }), async (cuts) => {
        const w = await wire();
        const text = initialize(7);
        const points = [...cuts.filter((c) => c < text.length), text.length].sort((x, y) => x - y);
        let from = 0;
        for (const to of points) {
          w.socket.write(text.slice(from, to));
          from = to;
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
        await until(() => w.lines.length >= 1);
        expect(w.lines).toHaveLength(1);
        expect(w.lines[0]).toMatchObject({ jsonrpc: '2.0', id: 7, result: { serverInfo: expect.any(Object) } });
        w.socket.destroy();
      }),
      propertyRuns('socket framing: split requests', 25),
    );
    await bystanderWorks();
  }, 30_000);

  it('a last request without newline, then the end: nothing breaks', async () => {
    const w = await wire();
    w.socket.end(initialize(1).trimEnd());
    await within(5000, w.closed);
    await bystanderWorks();
  });

  it('random binary: a JSON-RPC error or the connection closed, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 4096 }), fc.boolean(), async (bytes, newline) => {
        const w = await wire();
        w.socket.write(Buffer.from(bytes));
        if (newline) w.socket.write('\n');
        // Either the bridge answers (an error: this is no valid request) or closes; give it a moment either way.
        await Promise.race([w.closed, until(() => w.lines.length > 0, 150).catch(() => undefined)]);
        for (const line of w.lines) expect(line).toMatchObject({ jsonrpc: '2.0', error: { code: expect.any(Number) } });
        w.socket.destroy();
      }),
      propertyRuns('socket framing: random binary', 25),
    );
    await bystanderWorks();
    expect(bridge.server.connectionCount()).toBeLessThanOrEqual(2);
  }, 30_000);

  it('a flood of 3,000 pings in one write: answered in order or cut off, the bystander unharmed', async () => {
    const w = await wire();
    w.socket.write(initialize(0));
    await until(() => w.lines.length === 1);
    w.socket.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
    const flood = Array.from({ length: 3000 }, (_, i) => `${JSON.stringify({ jsonrpc: '2.0', id: i + 1, method: 'ping' })}\n`).join('');
    w.socket.write(flood);
    await bystanderWorks();
    await Promise.race([w.closed, until(() => w.lines.length === 3001, 20_000)]);
    const ids = w.lines.slice(1).map((l) => (l as { id: number }).id);
    expect(ids).toEqual(ids.map((_, i) => i + 1));
    w.socket.destroy();
    await bystanderWorks();
  }, 30_000);

  it('lines far over the cap (8 MB without a newline) close that connection with bounded memory', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const w = await wire();
    const chunk = Buffer.alloc(256 * 1024, 0x61);
    let sent = 0;
    while (sent < 8 * 2 ** 20 && !w.isClosed()) {
      await new Promise<void>((resolve) => w.socket.write(chunk, () => resolve()));
      sent += chunk.length;
    }
    await within(5000, w.closed, 'closing the over-long connection');
    // The cap is 64 KB: nothing near 8 MB may be retained.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(32 * 2 ** 20);
    await bystanderWorks();
    // And the server takes new connections.
    const fresh = await connectClient(bridge.socketPath, 'after-flood');
    expect((await fresh.call('nevent_get_active_tenant')).isError).not.toBe(true);
    await fresh.close();
  }, 30_000);
});
