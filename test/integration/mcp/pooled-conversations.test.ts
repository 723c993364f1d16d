/**
 * Tenant per call in the clients people use: one connection carrying two conversations whose calls
 * interleave, each passing its own `tenant_id`, never sees the other's data, and the connection's
 * active tenant stays where it was — over stdio, the app's socket, `mcp --attach` and the loopback
 * HTTP endpoint (stateless 2026-07-28 and legacy sessions), with the v2 client pinned to 2026-07-28
 * and the v1 client's 2025-11-25 handshake. Real core, real demo API, real SDK clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedMode } from '../../../src-main/mcp/operation-mode';
import { connectPeer, envelope, value, type Era, type Peer, type PeerTarget } from './peers';
import { startTransports, type TransportsFixture } from './transports-fixture';

let doors: TransportsFixture;

beforeAll(async () => {
  doors = await startTransports(fixedMode('READ_ONLY'));
}, 60_000);

afterAll(async () => {
  await doors?.close();
});

const targets = (): Record<string, PeerTarget> => doors.targets();

/** Segment ids of each tenant, read one tenant at a time: what a crossed answer would betray. */
async function reference(peer: Peer, tenants: readonly string[]): Promise<Map<string, Set<string>>> {
  const ids = new Map<string, Set<string>>();
  for (const tenant of tenants) {
    const page = value(await peer.call('nevent_list_segments', { tenant_id: tenant, limit: 200 }));
    ids.set(tenant, new Set((page.segments as Array<{ id: string }>).map((s) => s.id)));
  }
  return ids;
}

/** Two conversations, interleaved on one connection, each in its own tenant. */
async function interleave(peer: Peer, conversations: Record<string, string>, rounds: number): Promise<Array<{ asked: string; answered: string; segmentIds: string[] }>> {
  const calls: Array<Promise<{ asked: string; answered: string; segmentIds: string[] }>> = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const tenant of Object.values(conversations)) {
      const tool = ['nevent_list_segments', 'nevent_list_campaigns', 'nevent_segmentation_criteria'][round % 3] as string;
      calls.push(
        peer.call(tool, { tenant_id: tenant }).then((result) => {
          const answer = value(result);
          const segments = (answer.segments as Array<{ id: string }> | undefined) ?? [];
          return { asked: tenant, answered: String(answer.tenant_id), segmentIds: segments.map((s) => s.id) };
        }),
      );
    }
  }
  return Promise.all(calls);
}

const matrix: Array<[string, Era]> = ['stdio', 'socket', 'attach', 'http'].flatMap((t) => (['modern', 'legacy'] as const).map((era) => [t, era] as [string, Era]));

describe('two conversations on one connection', () => {
  it.each(matrix)('%s, %s client: zero crossed answers, the active tenant untouched', async (transport, era) => {
    const peer = await connectPeer(era, targets()[transport] as PeerTarget, `pooled-${transport}-${era}`);
    try {
      if (era === 'modern') expect(peer.protocolVersion()).toBe('2026-07-28');
      // Over HTTP, 2026-07-28 is stateless; the 2025-era client gets a legacy session of its own.
      if (transport === 'http') expect(doors.http.legacySessionCount()).toBe(era === 'legacy' ? 1 : 0);
      const before = value(await peer.call('nevent_get_active_tenant')).active_tenant_id;
      const conversations = { a: 'tn-acme-es', b: 'tn-acme-fr' };
      const ids = await reference(peer, Object.values(conversations));
      // The tenants really differ, so a crossed answer would show.
      expect([...(ids.get('tn-acme-es') ?? [])].some((id) => ids.get('tn-acme-fr')?.has(id))).toBe(false);
      const answers = await interleave(peer, conversations, 6);
      expect(answers).toHaveLength(12);
      for (const answer of answers) {
        expect(answer.answered).toBe(answer.asked);
        for (const id of answer.segmentIds) expect(ids.get(answer.asked)?.has(id)).toBe(true);
      }
      expect(value(await peer.call('nevent_get_active_tenant')).active_tenant_id).toBe(before);
    } finally {
      await peer.close();
    }
  }, 60_000);

  it('a third conversation switching the connection moves only the calls that name no tenant', async () => {
    const peer = await connectPeer('modern', doors.targets().socket, 'pooled-switcher');
    try {
      const [switched, ...answers] = await Promise.all([
        peer.call('nevent_switch_tenant', { tenantId: 'tn-acme-pt' }),
        ...['tn-acme-es', 'tn-acme-fr', 'tn-acme-es', 'tn-acme-fr'].map((tenant) => peer.call('nevent_list_segments', { tenant_id: tenant })),
      ]);
      expect(value(switched as never)).toMatchObject({ active_tenant_id: 'tn-acme-pt', switched_to_tenant_id: 'tn-acme-pt' });
      expect(answers.map((a) => value(a).tenant_id)).toEqual(['tn-acme-es', 'tn-acme-fr', 'tn-acme-es', 'tn-acme-fr']);
      expect(value(await peer.call('nevent_list_segments')).tenant_id).toBe('tn-acme-pt');
      expect(value(await peer.call('nevent_reset_tenant'))).toMatchObject({ switched_to_tenant_id: 'tn-acme' });
    } finally {
      await peer.close();
    }
  });

  it('HTTP refuses requests without the bridge token, with a Nevent token, or from another origin', async () => {
    const initialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'x', version: '1' } } });
    const post = (headers: Record<string, string>) => fetch(doors.http.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers }, body: initialize });
    expect((await post({})).status).toBe(401);
    const nevent = doors.core.core.account.context?.credential.accessToken ?? '';
    expect((await post({ authorization: `Bearer ${nevent}` })).status).toBe(401);
    expect((await post({ authorization: `Bearer ${doors.token}`, origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ authorization: `Bearer ${doors.token}` })).status).toBe(200);
  });

  it('a tenant_id that is malformed sends no request; one of another account or unknown is the envelope', async () => {
    const peer = await connectPeer('modern', doors.targets().http, 'pooled-bad-input');
    try {
      const before = doors.core.demo.faults.stats();
      expect(envelope(await peer.call('nevent_list_segments', { tenant_id: '../../etc/passwd' }))).toMatchObject({ type: 'invalid_request', code: 'invalid_request', param: 'tenant_id' });
      expect(envelope(await peer.call('nevent_list_segments', { tenant_id: 'x'.repeat(300) }))).toMatchObject({ type: 'invalid_request', param: 'tenant_id' });
      expect(doors.core.demo.faults.stats().requests).toBe(before.requests);
      // Another account's tenant, an unknown one and an INVITED membership: one neutral answer, no name.
      for (const tenant_id of ['tn-globex-de', 'tn-does-not-exist', 'tn-acme-lyon']) {
        const refused = envelope(await peer.call('nevent_list_segments', { tenant_id }));
        expect(refused).toMatchObject({ type: 'not_found', code: 'tenant_not_found', param: 'tenant_id', message: expect.stringContaining(`Tenant "${tenant_id}" is not available to this account`) });
        expect(refused.message).not.toMatch(/Globex|Lyon|INVITED/);
      }
    } finally {
      await peer.close();
    }
  });
});
