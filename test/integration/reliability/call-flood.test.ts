/**
 * A runaway client: one connection sends a thousand `tools/call` at once. A few run, a few dozen wait
 * their turn, the rest are answered at once with Nevent AI's rate-limit envelope; the API never sees more
 * than the bound of requests in flight; and another connection's call is answered while the flood is
 * still being worked through. Real core, demo API (with latency, so calls stay in flight), socket, SDK.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callLimitDefaults } from '../../../src-main/mcp/call-limits';
import { fixedMode } from '../../../src-main/mcp/operation-mode';
import { startMcpSocketServer, type McpSocketServer } from '../../../src-main/mcp/socket-server';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { connectPeer, envelope, value, type Peer } from '../mcp/peers';
import { tempSocketPath } from '../mcp/socket-helpers';

let fixture: CoreFixture;
let server: McpSocketServer;
let temp: { path: string; cleanup: () => void };
/** API requests in flight now, and the most seen at once. */
const inFlight = { now: 0, most: 0 };

beforeAll(async () => {
  fixture = await startCoreFixture({
    demo: { latencyMs: 30 },
    core: {
      // What is measured is how many calls run, never how fast: a loaded machine must not time a call out.
      requestTimeoutMs: 60_000,
      fetch: async (input, init) => {
        inFlight.now += 1;
        inFlight.most = Math.max(inFlight.most, inFlight.now);
        try {
          return await fetch(input, init);
        } finally {
          inFlight.now -= 1;
        }
      },
    },
  });
  temp = tempSocketPath();
  server = await startMcpSocketServer({ registry: fixture.core.registry, socketPath: temp.path, mode: fixedMode('READ_ONLY') });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await fixture?.close();
  temp?.cleanup();
});

describe('calls in flight are bounded', () => {
  it('a flood of a thousand calls on one connection: a few run, a few wait, the rest are refused; another connection is answered meanwhile', async () => {
    const runaway: Peer = await connectPeer('modern', { kind: 'socket', path: temp.path }, 'runaway');
    const neighbour: Peer = await connectPeer('modern', { kind: 'socket', path: temp.path }, 'neighbour');
    try {
      inFlight.most = 0;
      let answered = 0;
      const flood = Array.from({ length: 1000 }, () =>
        runaway.call('nevent_list_segments', { limit: 1 }).then((result) => {
          answered += 1;
          return result;
        }),
      );
      // The neighbour's call goes out while the flood is being worked through, and comes back before it ends.
      await expect.poll(() => answered, { timeout: 20_000, interval: 5 }).toBeGreaterThan(0);
      expect(value(await neighbour.call('nevent_list_segments', { limit: 1 })).tenant_id).toBe('tn-acme');
      expect(answered).toBeLessThan(flood.length);

      const results = await Promise.all(flood);
      const refused = results.filter((r) => r.isError === true).map(envelope);
      const ran = results.filter((r) => r.isError !== true);
      for (const error of refused) expect(error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit_exceeded', param: '1' });
      // At least the running and waiting places were used; most of the flood was refused without running.
      expect(ran.length).toBeGreaterThanOrEqual(callLimitDefaults.perConnection.running + callLimitDefaults.perConnection.waiting);
      expect(refused.length).toBeGreaterThan(flood.length / 2);
      // The API never saw more than the bound at once (the neighbour's call included).
      expect(inFlight.most).toBeLessThanOrEqual(callLimitDefaults.perConnection.running + 1);
      // And the connection still works.
      expect(value(await runaway.call('nevent_get_active_tenant')).active_tenant_id).toBe('tn-acme');
    } finally {
      await runaway.close();
      await neighbour.close();
    }
  }, 60_000);
});
