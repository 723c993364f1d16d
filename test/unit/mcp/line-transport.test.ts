import { PassThrough } from 'node:stream';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { LineTransport } from '../../../src-main/mcp/line-transport';

function setup(options: { maxLineBytes?: number; closeOnInvalid?: boolean } = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString()));
  let destroyed = false;
  const transport = new LineTransport(input, output, { ...options, destroy: () => (destroyed = true) });
  const messages: JSONRPCMessage[] = [];
  const errors: string[] = [];
  let closed = false;
  transport.onmessage = (m) => messages.push(m);
  transport.onerror = (e) => errors.push(e.message);
  transport.onclose = () => (closed = true);
  return { input, transport, messages, errors, written: () => written, closed: () => closed, destroyed: () => destroyed };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('LineTransport', () => {
  it('frames messages split across chunks, with CRLF and blank lines', async () => {
    const t = setup();
    await t.transport.start();
    t.input.write('{"jsonrpc":"2.0","id":1,"met');
    t.input.write('hod":"ping"}\r\n\n{"jsonrpc":"2.0","method":"notifications/initialized"}\n{"jsonrpc"');
    await tick();
    expect(t.messages).toEqual([{ jsonrpc: '2.0', id: 1, method: 'ping' }, { jsonrpc: '2.0', method: 'notifications/initialized' }]);
    await t.transport.send({ jsonrpc: '2.0', id: 1, result: {} });
    expect(t.written()).toBe('{"jsonrpc":"2.0","id":1,"result":{}}\n');
  });

  it('closes on a line over the cap without buffering it', async () => {
    const t = setup({ maxLineBytes: 100 });
    await t.transport.start();
    t.input.write('{"a":"' + 'x'.repeat(60));
    t.input.write('x'.repeat(60));
    await tick();
    expect(t.closed()).toBe(true);
    expect(t.destroyed()).toBe(true);
    expect(t.errors[0]).toMatch(/longer than 100 bytes/);
  });

  it('answers garbage with a parse error; continues on stdio, closes on sockets', async () => {
    const stdio = setup({ closeOnInvalid: false });
    await stdio.transport.start();
    stdio.input.write('nope\n{"jsonrpc":"2.0","id":2,"method":"ping"}\n');
    await tick();
    expect(JSON.parse(stdio.written())).toEqual({ jsonrpc: '2.0', error: { code: -32700, message: expect.any(String) } });
    expect(stdio.messages).toHaveLength(1);
    expect(stdio.closed()).toBe(false);

    const socket = setup({ closeOnInvalid: true });
    await socket.transport.start();
    socket.input.write('{"not":"jsonrpc"}\n{"jsonrpc":"2.0","id":2,"method":"ping"}\n');
    await tick();
    expect(socket.closed()).toBe(true);
    expect(socket.messages).toHaveLength(0);
  });

  it('closes when the input ends, and refuses to send afterwards', async () => {
    const t = setup();
    await t.transport.start();
    t.input.end();
    await tick();
    expect(t.closed()).toBe(true);
    await expect(t.transport.send({ jsonrpc: '2.0', id: 1, result: {} })).rejects.toThrow(/closed/);
  });
});
