/**
 * A call's tenant is fixed when the call starts: one conversation's call is held at the API proxy
 * mid-call (an event, not a sleep) while another conversation on the same connection switches the
 * connection's tenant; every later request of the held call must still carry the token of the tenant it
 * started in, and it answers from there. A write (create a segment), an upload (the image URL held) and a
 * multi-request tool (update a segment: criteria, re-read, write), over stdio (`mcp` against the proxy),
 * the app's socket and the loopback HTTP endpoint (2026-07-28, and a 2025-era session). Real core, real
 * demo API, real SDK clients.
 */
import type { CallToolResult } from '@modelcontextprotocol/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInToDemo } from '../../../src-main/core/demo-sign-in';
import { BridgeTokenStore } from '../../../src-main/mcp/bridge-token';
import { startMcpHttpEndpoint, type McpHttpEndpoint } from '../../../src-main/mcp/http-endpoint';
import { fixedMode } from '../../../src-main/mcp/operation-mode';
import { startMcpSocketServer, type McpSocketServer } from '../../../src-main/mcp/socket-server';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { MemorySecretStore } from '../../helpers/secret-stores';
import { ensureCliBuilt } from '../mcp/cli-helpers';
import { connectPeer, value, type Era, type Peer, type PeerTarget } from '../mcp/peers';
import { tempSocketPath } from '../mcp/socket-helpers';
import { imagePath, startHoldingProxy, type HoldingProxy, type ProxiedRequest } from './holding-proxy';

const home = 'tn-acme';
const elsewhere = 'tn-acme-es';
const madrid = { stanzas: [{ criteria: [{ criterion_id: 'city', operator: 'is', value: ['madrid'] }] }] };

let fixture: CoreFixture;
let proxy: HoldingProxy;
let socket: McpSocketServer;
let http: McpHttpEndpoint;
let httpToken: string;
let temp: { path: string; cleanup: () => void };

beforeAll(async () => {
  await ensureCliBuilt();
  fixture = await startCoreFixture({ user: null });
  proxy = await startHoldingProxy(fixture.demo.url);
  await signInToDemo(fixture.core, { url: proxy.url, dataUrl: proxy.dataUrl }, 'owner');
  const mode = fixedMode('STANDARD');
  const uploads = () => ({ folders: [], allowLocalUrls: true });
  temp = tempSocketPath();
  socket = await startMcpSocketServer({ registry: fixture.core.registry, socketPath: temp.path, mode, uploads });
  const tokens = new BridgeTokenStore(new MemorySecretStore());
  httpToken = await tokens.create();
  http = await startMcpHttpEndpoint({ registry: fixture.core.registry, mode, token: tokens, uploads });
}, 60_000);

afterAll(async () => {
  await http?.close();
  await socket?.close();
  await proxy?.close();
  await fixture?.close();
  temp?.cleanup();
});

/** A fresh sign-in's tokens for a stdio bridge of its own (refresh tokens are single-use: one pair per process). */
async function stdioTarget(): Promise<PeerTarget> {
  const answer = (await (await fetch(`${proxy.url}/auth/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@demo.nevent.local', password: 'demo' }) })).json()) as { access_token: string; refresh_token: string };
  return {
    kind: 'stdio',
    args: ['mcp', '--api-url', proxy.url, '--mode', 'STANDARD', '--toolsets', 'all'],
    env: { NEVENT_JWT_TOKEN: answer.access_token, NEVENT_REFRESH_TOKEN: answer.refresh_token, NEVENT_UPLOAD_LOCAL_URLS: '1' },
  };
}

const isCriteria = (r: ProxiedRequest): boolean => r.method === 'GET' && r.path === '/data/segmentation/criteria';

/** One kind of call that makes several requests, held at its first one. */
interface RaceCase {
  name: string;
  /** The request the call is held at (before its write). */
  holdAt: (request: ProxiedRequest) => boolean;
  /** The request that writes. */
  isWrite: (request: ProxiedRequest, segmentId: string) => boolean;
  start: (peer: Peer, segmentId: string) => Promise<CallToolResult>;
}

const cases: RaceCase[] = [
  {
    name: 'create a segment (named tenant = the active one)',
    holdAt: isCriteria,
    isWrite: (r) => r.method === 'POST' && r.path === '/segments',
    start: (peer) => peer.call('nevent_create_segment', { tenant_id: home, name: 'Race: created where it started', definition: madrid }),
  },
  {
    name: 'upload an image (no tenant named: the active one when the call started)',
    holdAt: (r) => r.path === imagePath,
    isWrite: (r) => r.method === 'POST' && r.path === '/media/upload/resource',
    start: (peer) => peer.call('nevent_upload_image', { source: `${proxy.url}${imagePath}`, imageName: 'race' }),
  },
  {
    name: 'update a segment (criteria, re-read, write)',
    holdAt: isCriteria,
    isWrite: (r, segmentId) => r.method === 'PUT' && r.path === `/segments/${segmentId}`,
    start: (peer, segmentId) => peer.call('nevent_update_segment', { tenant_id: home, segment_id: segmentId, name: 'Race: updated where it started', definition: madrid }),
  },
];

const transports: Array<[string, Era, () => Promise<PeerTarget>]> = [
  ['stdio', 'modern', stdioTarget],
  ['socket', 'modern', async () => ({ kind: 'socket', path: temp.path })],
  ['http', 'modern', async () => ({ kind: 'http', url: http.url, token: httpToken })],
  ['http', 'legacy', async () => ({ kind: 'http', url: http.url, token: httpToken })],
];

const matrix = transports.flatMap(([transport, era, target]) => cases.map((race) => [`${transport} (${era})`, race.name, era, target, race] as const));

describe('a switch by another conversation never redirects a call already running', () => {
  it.each(matrix)('%s: %s', async (_transport, _name, era, target, race) => {
    const peer = await connectPeer(era, await target(), 'race-peer');
    try {
      expect(value(await peer.call('nevent_get_active_tenant')).active_tenant_id).toBe(home);
      const segments = value(await peer.call('nevent_list_segments', { tenant_id: home, limit: 5 })).segments as Array<{ id: string }>;
      const segmentId = segments[0]?.id ?? '';
      expect(segmentId).not.toBe('');

      const held = proxy.hold(race.holdAt);
      const from = proxy.requests.length;
      const call = race.start(peer, segmentId);
      await held.reached;
      // Another conversation on the same connection moves it while the call waits at the API.
      expect(value(await peer.call('nevent_switch_tenant', { tenantId: elsewhere })).active_tenant_id).toBe(elsewhere);
      held.release();
      const result = await call;

      const after = proxy.requests.slice(from);
      const writes = after.filter((r) => race.isWrite(r, segmentId));
      // The write happened once, with the token of the tenant the call started in, and the answer says so.
      expect(writes.map((r) => r.tenant)).toEqual([home]);
      expect(value(result).tenant_id).toBe(home);
      // Nothing the call sent after the hold carried the other tenant's token (the switch's own request aside).
      const fromCall = after.filter((r) => !(r.method === 'POST' && r.path === '/users/tenant') && r.tenant === elsewhere);
      expect(fromCall).toEqual([]);
    } finally {
      await peer.call('nevent_reset_tenant').catch(() => undefined);
      await peer.close();
    }
  }, 60_000);
});
