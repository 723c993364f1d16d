/**
 * One tenant's refused refresh token ends that tenant's credential, never the account. A call that names
 * a tenant runs with a token minted for it, which carries the switch answer's own refresh token; when the
 * API refuses that one (a membership suspended there, a shorter scoped lifetime), the cached entry is
 * evicted and the call gets a new token for the same tenant (or fails alone) — while the account, the
 * desktop session and every other conversation stay signed in. Real core, demo API, socket, SDK clients.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fixedMode } from '../../../src-main/mcp/operation-mode';
import { startMcpSocketServer, type McpSocketServer } from '../../../src-main/mcp/socket-server';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { connectPeer, envelope, value, type Peer } from '../mcp/peers';
import { tempSocketPath } from '../mcp/socket-helpers';

const named = 'tn-acme-es';

let fixture: CoreFixture | null = null;
let server: McpSocketServer | null = null;
let peers: Peer[] = [];
let temp: { path: string; cleanup: () => void } | null = null;

afterEach(async () => {
  for (const peer of peers) await peer.close();
  await server?.close();
  await fixture?.close();
  temp?.cleanup();
  peers = [];
  server = null;
  fixture = null;
});

async function start(): Promise<{ f: CoreFixture; a: Peer; b: Peer }> {
  fixture = await startCoreFixture({ user: 'owner' });
  temp = tempSocketPath();
  server = await startMcpSocketServer({ registry: fixture.core.registry, socketPath: temp.path, mode: fixedMode('READ_ONLY') });
  const a = await connectPeer('modern', { kind: 'socket', path: temp.path }, 'conversation-a');
  const b = await connectPeer('modern', { kind: 'socket', path: temp.path }, 'conversation-b');
  peers = [a, b];
  return { f: fixture, a, b };
}

/** The account, the desktop and both MCP sessions are all still there. */
function expectStillSignedIn(f: CoreFixture): void {
  expect(f.core.account.status().signedIn).toBe(true);
  expect(f.core.registry.desktop).not.toBeNull();
  expect(f.core.registry.snapshots().filter((s) => s.kind === 'mcp')).toHaveLength(2);
}

describe("a refused refresh of one tenant's credential", () => {
  it('evicts that credential and mints a new one for the call; the account and every session stay', async () => {
    const { f, a, b } = await start();
    expect(value(await a.call('nevent_list_segments', { tenant_id: named })).tenant_id).toBe(named);
    const minted = f.demo.faults.stats().switchCalls;

    // Every access token dies, and the API refuses the refresh tokens issued in the named tenant only.
    f.demo.faults.expireAccessTokens();
    f.demo.faults.refuseRefreshIn(named);
    expect(value(await a.call('nevent_list_segments', { tenant_id: named })).tenant_id).toBe(named);
    // A new token for that tenant was minted through the session's own credential: refused once (it had
    // expired too), renewed with the account's refresh token, then sent again.
    expect(f.demo.faults.stats().switchCalls).toBe(minted + 2);
    expectStillSignedIn(f);
    expect(value(await b.call('nevent_list_segments')).tenant_id).toBe('tn-acme');
    expect(value(await a.call('nevent_get_active_tenant')).active_tenant_id).toBe('tn-acme');
    expect(f.demo.faults.stats().refreshReuseRejected).toBe(0);
  }, 60_000);

  it('when no new token can be had either, that call fails alone', async () => {
    const { f, a, b } = await start();
    expect(value(await a.call('nevent_list_segments', { tenant_id: named })).tenant_id).toBe(named);
    f.demo.faults.expireAccessTokens();
    f.demo.faults.refuseRefreshIn(named);
    // The new mint fails too (the switch endpoint fails once): the call says why, nothing else ends.
    f.demo.faults.failNextSwitches(1, 'http_503');
    expect(envelope(await a.call('nevent_list_segments', { tenant_id: named })).code).toBe('api_unavailable');
    expectStillSignedIn(f);
    expect(value(await b.call('nevent_list_segments')).tenant_id).toBe('tn-acme');
    // The next call in that tenant mints afresh and works.
    expect(value(await a.call('nevent_list_segments', { tenant_id: named })).tenant_id).toBe(named);
  }, 60_000);

  it("the account's own refresh token refused still signs the account out cleanly", async () => {
    const { f, a } = await start();
    f.demo.faults.expireAccessTokens();
    f.demo.faults.refuseRefreshIn('tn-acme');
    expect(envelope(await a.call('nevent_list_segments')).code).toMatch(/refresh_failed|signed_out/);
    await expect.poll(() => f.core.account.status().signedIn).toBe(false);
    expect(f.core.registry.snapshots()).toEqual([]);
  }, 60_000);
});
