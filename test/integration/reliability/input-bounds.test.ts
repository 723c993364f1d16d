/**
 * Hostile shapes through a real socket and the real core: a tool argument nested
 * 200,000 levels deep is a bad request (`invalid_request`), not an internal error, and many concurrent
 * calls in one session add no listener per call (no MaxListenersExceededWarning).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, rawConnect } from '../mcp/socket-helpers';
import { outcome, startBridge, type Bridge } from './reliability-helpers';

let bridge: Bridge;
beforeAll(async () => {
  bridge = await startBridge({ mode: 'FULL', maxLineBytes: 4 * 1024 * 1024 });
});
afterAll(async () => {
  await bridge?.close();
});

/** Sends raw lines on a new connection and resolves with the answer to request `id`. */
async function answerTo(lines: string[], id: number): Promise<Record<string, unknown>> {
  const socket = await rawConnect(bridge.socketPath);
  let buffer = '';
  const answer = new Promise<Record<string, unknown>>((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (const line of buffer.split('\n').slice(0, -1)) {
        const message = JSON.parse(line) as Record<string, unknown>;
        if (message.id === id) resolve(message);
      }
    });
    socket.once('close', () => reject(new Error(`the connection closed before answering ${id}: ${buffer.slice(0, 300)}`)));
  });
  for (const line of lines) socket.write(`${line}\n`);
  try {
    return await answer;
  } finally {
    socket.destroy();
  }
}

describe('input bounds', () => {
  it('a 200,000-deep modifiers value answers invalid_request', async () => {
    const deep = `${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}`;
    const answer = await answerTo(
      [
        JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'deep', version: '1' } } }),
        JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
        `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"nevent_segment_preview","arguments":{"definition":{"stanzas":[{"criteria":[{"criterion_id":"age","operator":"gt","value":1,"modifiers":${deep}}]}]}}}}`,
      ],
      2,
    );
    const result = answer.result as { isError: boolean; content: { text: string }[] };
    expect(result.isError).toBe(true);
    expect(JSON.parse(result.content[0]?.text ?? '{}')).toMatchObject({ error: { type: 'invalid_request', code: 'invalid_request', message: expect.stringMatching(/too complex/) } });
  });

  it('20 concurrent calls in one session print no MaxListenersExceededWarning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(`${warning.name}: ${warning.message}`);
    };
    process.on('warning', onWarning);
    const client = await connectClient(bridge.socketPath, 'busy');
    try {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => client.call('nevent_list_segments', { limit: 1 + (i % 3) })));
      expect(results.map((r) => outcome(r).ok)).toEqual(results.map(() => true));
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.startsWith('MaxListenersExceededWarning'))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      await client.close();
    }
  });
});
