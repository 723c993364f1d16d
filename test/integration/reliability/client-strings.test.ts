/**
 * Client-supplied strings through a real socket and the real core: a huge
 * `clientInfo.name` is never kept whole (session, panel, audit), an oversized initialize is refused, and
 * twenty such clients leave the sessions and audit small.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, rawConnect, waitFor } from '../mcp/socket-helpers';
import { startBridge, type Bridge } from './reliability-helpers';

let bridge: Bridge;
beforeAll(async () => {
  bridge = await startBridge({ maxLineBytes: 4 * 1024 * 1024 });
});
afterAll(async () => {
  await bridge?.close();
});

/** Initializes a raw connection with `clientInfo`, then calls one tool; resolves with every line received. */
async function rawSession(clientInfo: { name: string; version: string }): Promise<{ lines: Record<string, unknown>[]; close(): void }> {
  const socket = await rawConnect(bridge.socketPath);
  const lines: Record<string, unknown>[] = [];
  let buffer = '';
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const part of parts) lines.push(JSON.parse(part) as Record<string, unknown>);
  });
  socket.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo } })}\n`);
  await waitFor(() => lines.some((l) => l.id === 1), 10_000);
  socket.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
  socket.write(`${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'nevent_get_active_tenant', arguments: {} } })}\n`);
  if (lines.find((l) => l.id === 1)?.error === undefined) await waitFor(() => lines.some((l) => l.id === 2), 10_000);
  return { lines, close: () => socket.destroy() };
}

describe('client-supplied strings', () => {
  it('a 50 KB client name is kept as at most 100 characters in the session and the audit', async () => {
    const { lines, close } = await rawSession({ name: `Big${'n'.repeat(50_000)}`, version: 'v'.repeat(5_000) });
    try {
      expect(lines.find((l) => l.id === 2)?.result).toBeDefined();
      const snapshot = bridge.fixture.core.registry.snapshots().find((s) => s.kind === 'mcp' && (s.clientName ?? '').startsWith('Big'));
      expect(snapshot?.clientName?.length).toBe(100);
      expect(snapshot?.clientVersion?.length).toBe(50);
      const entries = bridge.audit.entries().filter((e) => (e.clientName ?? '').startsWith('Big'));
      expect(entries.length).toBeGreaterThan(0);
      expect(Math.max(...entries.map((e) => JSON.stringify(e).length))).toBeLessThan(1000);
    } finally {
      close();
    }
  });

  it('a 3 MB initialize is refused; twenty of them leave nothing big behind', async () => {
    const huge = 'x'.repeat(3 * 1024 * 1024);
    const before = bridge.audit.entries().length;
    for (let i = 0; i < 20; i += 1) {
      const { lines, close } = await rawSession({ name: huge, version: '1' });
      expect(lines.find((l) => l.id === 1)).toMatchObject({ error: { code: -32600 } });
      close();
    }
    await waitFor(() => bridge.fixture.core.registry.snapshots().filter((s) => s.kind === 'mcp').length === 0, 10_000);
    const added = bridge.audit.entries().slice(before);
    expect(JSON.stringify(added).length).toBeLessThan(20 * 1000);
    // The bridge still serves a well-behaved client.
    const good = await connectClient(bridge.socketPath, 'good');
    expect((await good.call('nevent_get_active_tenant')).isError).not.toBe(true);
    await good.close();
  });
});
