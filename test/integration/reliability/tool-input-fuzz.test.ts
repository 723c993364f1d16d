/**
 * Every tool's input fuzzed through a real socket (fast-check): arbitrary JSON, the tool's own keys with
 * wrong types, extra keys, `__proto__` keys, huge strings. Each call ends in a JSON-RPC error or a
 * result (an `isError` envelope when the input is wrong), within a bound; nothing is polluted; memory
 * stays bounded; the connection, the server and another connection keep working.
 */
import fc from 'fast-check';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, type SocketClient } from '../mcp/socket-helpers';
import { expectCoherent, sessionNamed, startBridge, within, type Bridge } from './reliability-helpers';
import { propertyRuns } from '../../helpers/property-runs';

let bridge: Bridge;
let fuzzer: SocketClient;
let bystander: SocketClient;
let tools: { name: string; keys: string[] }[];
beforeAll(async () => {
  // FULL: the write tools run their real validation instead of stopping at the mode check.
  bridge = await startBridge({ mode: 'FULL' });
  fuzzer = await connectClient(bridge.socketPath, 'fuzzer');
  bystander = await connectClient(bridge.socketPath, 'bystander');
  expect((await bystander.call('nevent_switch_tenant', { tenantId: 'tn-acme-fr' })).isError).not.toBe(true);
  tools = (await fuzzer.client.listTools()).tools.map((t) => ({ name: t.name, keys: Object.keys((t.inputSchema.properties ?? {}) as object) }));
}, 30_000);
afterAll(async () => {
  await fuzzer?.close();
  await bystander?.close();
  await bridge?.close();
});

type Outcome = 'result' | 'tool-error' | 'rpc-error';

/** One call; anything but a result, an isError result or a JSON-RPC error fails the test. */
async function fuzzCall(name: string, args: unknown): Promise<Outcome> {
  try {
    const result = (await within(10_000, fuzzer.client.callTool({ name, arguments: args as Record<string, unknown> }), name)) as CallToolResult;
    if (result.isError === true) {
      const text = result.content[0]?.type === 'text' ? result.content[0].text : '';
      const envelope = JSON.parse(text) as { error?: { type?: string; code?: string; message?: string } };
      expect(typeof envelope.error?.code).toBe('string');
      expect(typeof envelope.error?.message).toBe('string');
      expect(text).not.toMatch(/eyJ[\w-]{5,}\.|rt_[\w-]{16,}/);
      return 'tool-error';
    }
    return 'result';
  } catch (error) {
    if (error instanceof McpError) return 'rpc-error';
    throw error;
  }
}

const json = fc.jsonValue({ maxDepth: 4 });
// Up to ~200 KB on the wire once JSON-escaped: under the bridge's 256 KB line cap (longer lines close the
// connection by design; the framing test covers that).
const hugeString = fc.integer({ min: 10_000, max: 30_000 }).chain((n) => fc.constantFrom('a', 'é', '😀', '\u0000', '"', '\\').map((c) => c.repeat(Math.ceil(n / c.length))));

describe('tool input fuzzing', () => {
  it('arbitrary JSON objects as arguments of every tool', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...tools), fc.dictionary(fc.string({ maxLength: 12 }), json, { maxKeys: 6 }), async (tool, args) => {
        await fuzzCall(tool.name, args);
      }),
      propertyRuns('tool input: arbitrary objects', 120),
    );
  }, 60_000);

  it("the tool's own keys with values of every type, plus extra keys", async () => {
    const arb = fc.constantFrom(...tools).chain((tool) =>
      fc.tuple(
        fc.constant(tool),
        fc.record(Object.fromEntries(tool.keys.map((k) => [k, json])), { requiredKeys: [] }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), json, { maxKeys: 3 }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ([tool, own, extra]) => {
        await fuzzCall(tool.name, { ...extra, ...own });
      }),
      propertyRuns('tool input: own keys of every type, extra keys', 120),
    );
  }, 60_000);

  it('`__proto__`, `constructor` and `prototype` keys pollute nothing', async () => {
    for (const tool of tools) {
      const args = JSON.parse(`{"__proto__":{"polluted":true,"isAdmin":true},"constructor":{"prototype":{"polluted":true}},"prototype":1${tool.keys.map((k) => `,"${k}":{"__proto__":{"polluted":true}}`).join('')}}`) as unknown;
      await fuzzCall(tool.name, args);
      await fuzzCall(tool.name, { tenantId: '__proto__', tenant_id: 'constructor', segment_id: '__proto__', provider: '__proto__', topic: 'constructor' });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    await expectCoherent(sessionNamed(bridge, 'fuzzer'));
  }, 30_000);

  it('huge strings in every field: answered, memory bounded', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...tools), hugeString, async (tool, big) => {
        const key = tool.keys[0] ?? 'extra';
        await fuzzCall(tool.name, { [key]: big, [big.slice(0, 5000)]: big.slice(0, 100) });
      }),
      propertyRuns('tool input: huge strings', 40),
    );
    // 40 calls of up to ~200 KB each on the wire: what is retained must be far below what went through.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 2 ** 20);
  }, 60_000);

  it('after all that: the fuzzed connection, the bystander and new connections still work', async () => {
    const mine = await fuzzer.call('nevent_get_active_tenant');
    expect(mine.isError).not.toBe(true);
    const theirs = await bystander.call('nevent_list_segments', { limit: 3 });
    expect((theirs.structuredContent as { tenant_id: string }).tenant_id).toBe('tn-acme-fr');
    await expectCoherent(sessionNamed(bridge, 'bystander'));
    const fresh = await connectClient(bridge.socketPath, 'fresh');
    expect((await fresh.call('nevent_list_tenants')).isError).not.toBe(true);
    await fresh.close();
    expect(bridge.logs.join('\n')).not.toMatch(/eyJ[\w-]{5,}\.|rt_[\w-]{16,}/);
  });
});
