/**
 * 2025-era sessions on the loopback HTTP endpoint: the v1 SDK client never sends DELETE, so clients that
 * simply go away used to hold their sessions until the idle timeout (an hour) and lock every new client
 * out with a 503. When the table is full, the least recently used idle session is ended to make room; a
 * session with a request or a stream open is never ended for a newcomer. Real endpoint, real v1 clients.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BridgeTokenStore } from '../../../src-main/mcp/bridge-token';
import { httpEndpointDefaults, startMcpHttpEndpoint, type McpHttpEndpoint } from '../../../src-main/mcp/http-endpoint';
import { fixedMode } from '../../../src-main/mcp/operation-mode';
import { FakeTenantSession } from '../../helpers/fake-tenant-session';
import { MemorySecretStore } from '../../helpers/secret-stores';
import { connectPeer, value, type Peer } from './peers';

let endpoint: McpHttpEndpoint | null = null;
const peers: Peer[] = [];

afterEach(async () => {
  for (const peer of peers.splice(0)) await peer.close().catch(() => undefined);
  await endpoint?.close();
  endpoint = null;
});

async function start(maxLegacySessions: number): Promise<{ connect: (name: string) => Promise<Peer> }> {
  const tokens = new BridgeTokenStore(new MemorySecretStore());
  const token = await tokens.create();
  endpoint = await startMcpHttpEndpoint({ registry: { openMcpSession: () => new FakeTenantSession() }, mode: fixedMode('READ_ONLY'), token: tokens, maxLegacySessions });
  const url = endpoint.url;
  return {
    connect: async (name) => {
      const peer = await connectPeer('legacy', { kind: 'http', url, token }, name);
      peers.push(peer);
      return peer;
    },
  };
}

/** Connects as soon as the endpoint has room (the goodbyes of closed clients are seen asynchronously). */
async function connectWhenRoom(connect: (name: string) => Promise<Peer>, name: string): Promise<Peer> {
  let peer: Peer | null = null;
  await expect
    .poll(
      async () => {
        peer = await connect(name).catch(() => null);
        return peer !== null;
      },
      { timeout: 10_000, interval: 50 },
    )
    .toBe(true);
  return peer as unknown as Peer;
}

describe('legacy HTTP sessions when the table is full', () => {
  it('idle time is minutes, not an hour', () => {
    expect(httpEndpointDefaults.legacyIdleMs).toBeLessThanOrEqual(15 * 60 * 1000);
  });

  it('clients that left without DELETE make room for new ones; the one still working keeps its session', async () => {
    const { connect } = await start(3);
    const staying = await connect('staying');
    const leaving = [await connect('leaving-1'), await connect('leaving-2')];
    expect(endpoint?.legacySessionCount()).toBe(3);
    // All three connected (each holds its event stream open): busy, so a fourth is told to retry.
    await expect(connect('too-many')).rejects.toThrow(/MCP sessions over HTTP/);
    // The v1 client closes without DELETE: its session stays in the table.
    for (const peer of leaving) await peer.close();
    expect(endpoint?.legacySessionCount()).toBe(3);
    // The one that stayed has been used most recently.
    expect(value(await staying.call('nevent_get_active_tenant')).active_tenant_id).toBe('tenant-root');

    const newcomer = await connectWhenRoom(connect, 'newcomer');
    expect(value(await newcomer.call('nevent_get_active_tenant')).active_tenant_id).toBe('tenant-root');
    const second = await connectWhenRoom(connect, 'second-newcomer');
    expect(value(await second.call('nevent_get_active_tenant')).active_tenant_id).toBe('tenant-root');
    expect(endpoint?.legacySessionCount()).toBe(3);
    // The client that stayed was never ended for them.
    expect(value(await staying.call('nevent_list_segments')).tenant_id).toBe('tenant-root');
  }, 30_000);
});
