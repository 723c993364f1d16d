/**
 * Lists on an API that does not page. The real `GET /segments` answers a
 * plain array of every segment and ignores `page`/`size`; the bridge used to hand out a `next_cursor` that
 * answered the same first 50 forever. Here the demo API answers in each real shape — a plain array, a
 * `{segments}` wrapper, a Spring page that ignores paging, a Spring page that pages — and the other
 * paged lists (short URLs, destinations, recipients) answer plain arrays of everything. Real core, real
 * socket, real SDK clients (v2 on 2026-07-28 and v1 on the 2025 handshake): every walk reaches every
 * record exactly once and ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeSegmentList } from '../../../src-shared/api';
import type { DemoApiOptions } from '../../../src-main/demo-api';
import { request, signIn, switchedPair } from '../demo-api/demo-http';
import { connectPeer, envelope, value, type Era, type Peer } from './peers';
import { startSocketToolset, type SocketToolset } from './socket-toolset-fixture';

const tenant_id = 'tn-acme-es';
const bulk = 130;

/** Creates `bulk` segments in `tenant_id` straight through the demo API, and answers every segment id there. */
async function seedSegments(toolset: SocketToolset): Promise<string[]> {
  const demo = toolset.fixture.demo;
  const owner = await signIn(demo, 'owner');
  const { accessToken } = await switchedPair(demo, owner.accessToken, tenant_id);
  const definition = { stanzas: [{ criteria: [{ criterion_id: 'city', operator: 'is', value: ['madrid'] }] }] };
  for (let i = 0; i < bulk; i += 1) {
    const created = await request(`${demo.url}/segments`, { token: accessToken, body: { name: `Bulk ${i}`, definition, status: 'ACTIVE' } });
    expect(created.status).toBe(201);
  }
  // The truth, whatever the demo's paging: one page larger than the list.
  const all = await request(`${demo.url}/segments?page=0&size=500`, { token: accessToken });
  return normalizeSegmentList(all.body).segments.map((s) => s.id);
}

/** Follows next_cursor to the end through `peer` (a walk that does not end fails). */
async function walkSegments(peer: Peer, args: Record<string, unknown>): Promise<{ ids: string[]; sizes: number[] }> {
  const ids: string[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 40; page += 1) {
    const answer = value(await peer.call('nevent_list_segments', { ...args, tenant_id, ...(cursor === null ? {} : { cursor }) }));
    const segments = answer.segments as Array<{ id: string }>;
    expect(answer.count).toBe(segments.length);
    ids.push(...segments.map((s) => s.id));
    sizes.push(segments.length);
    cursor = answer.next_cursor as string | null;
    if (cursor === null) return { ids, sizes };
  }
  throw new Error('the segment walk did not end');
}

const shapes: Array<[string, DemoApiOptions]> = [
  ['a plain array of every segment (the real API)', { segmentListShape: 'array', listPaging: 'real' }],
  ['{segments} with every segment', { segmentListShape: 'segments', listPaging: 'real' }],
  ['a Spring page that ignores paging', { segmentListShape: 'content', listPaging: 'real' }],
  ['a Spring page that pages', { segmentListShape: 'content', listPaging: 'honored' }],
];

describe.each(shapes)('nevent_list_segments when GET /segments answers %s', (_label, demo) => {
  let toolset: SocketToolset;
  let truth: string[];
  const peers: Partial<Record<Era, Peer>> = {};

  beforeAll(async () => {
    toolset = await startSocketToolset('unpaged-lists', { demo });
    truth = await seedSegments(toolset);
    peers.modern = await connectPeer('modern', { kind: 'socket', path: toolset.server.path }, 'walker-v2');
    peers.legacy = await connectPeer('legacy', { kind: 'socket', path: toolset.server.path }, 'walker-v1');
  }, 120_000);
  afterAll(async () => {
    await peers.modern?.close();
    await peers.legacy?.close();
    await toolset?.close();
  });

  it.each<Era>(['modern', 'legacy'])('a %s client walks every segment exactly once, in pages of the size asked, and the walk ends', async (era) => {
    const { ids, sizes } = await walkSegments(peers[era] as Peer, { limit: 50 });
    expect(truth.length).toBeGreaterThan(bulk);
    expect(ids).toHaveLength(truth.length);
    expect(new Set(ids)).toEqual(new Set(truth));
    expect(sizes.slice(0, -1).every((n) => n === 50)).toBe(true);
  });

  it('a search walks the matches only, in full pages, even where the API ignores the search', async () => {
    const { ids, sizes } = await walkSegments(peers.modern as Peer, { search: 'bulk 1', limit: 10 });
    // "Bulk 1", "Bulk 10"…"Bulk 19", "Bulk 100"…"Bulk 129".
    expect(ids).toHaveLength(1 + 10 + 30);
    expect(new Set(ids).size).toBe(ids.length);
    expect(sizes.slice(0, -1).every((n) => n === 10)).toBe(true);
  });

  it('a cursor of another tenant or another search is refused; a write in the middle of a walk stops it with conflict', async () => {
    const peer = peers.modern as Peer;
    const first = value(await peer.call('nevent_list_segments', { tenant_id, limit: 50 }));
    const cursor = first.next_cursor as string;
    expect(envelope(await peer.call('nevent_list_segments', { tenant_id: 'tn-acme', cursor }))).toMatchObject({ code: 'invalid_request', param: 'cursor', message: expect.stringContaining('another tenant') });
    expect(envelope(await peer.call('nevent_list_segments', { tenant_id, search: 'bulk', cursor }))).toMatchObject({ code: 'invalid_request', param: 'cursor' });
    const created = value(await peer.call('nevent_create_segment', { tenant_id, name: 'Written mid-walk', definition: { stanzas: [] } }));
    expect(created.tenant_id).toBe(tenant_id);
    const next = await peer.call('nevent_list_segments', { tenant_id, limit: 50, cursor });
    if (demo.listPaging === 'honored') {
      // An API that pages: the total it reported moved, so the walk cannot vouch for its pages.
      expect(envelope(next)).toMatchObject({ code: 'conflict', param: 'cursor' });
    } else {
      expect(envelope(next)).toMatchObject({ code: 'conflict', param: 'cursor', message: expect.stringContaining('list again without cursor') });
    }
    // Listing again from the start sees the new segment once.
    const again = await walkSegments(peer, { limit: 50 });
    expect(again.ids.filter((id) => id === (created.segment as { id: string }).id)).toHaveLength(1);
    expect(new Set(again.ids).size).toBe(again.ids.length);
  });
});

describe('the page-number lists when the API answers every record as a plain array', () => {
  let toolset: SocketToolset;
  let peer: Peer;
  let honored: SocketToolset;
  let truthPeer: Peer;

  beforeAll(async () => {
    toolset = await startSocketToolset('unpaged-lists', { demo: { listPaging: 'ignored' } });
    honored = await startSocketToolset('paged-lists', { demo: { listPaging: 'honored' } });
    peer = await connectPeer('modern', { kind: 'socket', path: toolset.server.path }, 'pages-v2');
    truthPeer = await connectPeer('modern', { kind: 'socket', path: honored.server.path }, 'truth-v2');
  }, 120_000);
  afterAll(async () => {
    await peer?.close();
    await truthPeer?.close();
    await toolset?.close();
    await honored?.close();
  });

  /** Reads pages 0, 1, … until next_page is null; answers every item's key. */
  async function byPage(client: Peer, tool: string, args: Record<string, unknown>, list: string, key: (item: Record<string, unknown>) => string, sizeName: string, size: number): Promise<{ keys: string[]; total: unknown }> {
    const keys: string[] = [];
    for (let page = 0; page < 200; page += 1) {
      const answer = value(await client.call(tool, { ...args, tenant_id, page, [sizeName]: size }));
      const items = answer[list] as Record<string, unknown>[];
      expect(items.length).toBeLessThanOrEqual(size);
      keys.push(...items.map(key));
      if (answer.next_page === null) return { keys, total: answer.total };
      expect(answer.next_page).toBe(page + 1);
    }
    throw new Error(`${tool}: the walk did not end`);
  }

  it('nevent_list_short_urls and nevent_list_short_url_destinations reach every record once, as an API that pages answers them', async () => {
    const links = await byPage(peer, 'nevent_list_short_urls', {}, 'items', (l) => l.id as string, 'pageSize', 7);
    const truth = await byPage(truthPeer, 'nevent_list_short_urls', {}, 'items', (l) => l.id as string, 'pageSize', 200);
    expect(links.keys).toEqual(truth.keys);
    expect(links.total).toBe(truth.keys.length);
    const destinations = await byPage(peer, 'nevent_list_short_url_destinations', {}, 'items', (d) => d.destinationKey as string, 'pageSize', 3);
    const destinationTruth = await byPage(truthPeer, 'nevent_list_short_url_destinations', {}, 'items', (d) => d.destinationKey as string, 'pageSize', 100);
    expect(destinations.keys).toEqual(destinationTruth.keys);
  });

  it('nevent_list_campaign_recipients pages the whole list the API answered, page by page, and says where it ends', async () => {
    const campaigns = value(await peer.call('nevent_list_campaigns', { tenant_id, status: 'EXECUTED', limit: 1 })).campaigns as Array<{ id: string }>;
    const campaign_id = campaigns[0]?.id;
    expect(campaign_id).toBeDefined();
    const first = value(await peer.call('nevent_list_campaign_recipients', { tenant_id, campaign_id, page: 0, page_size: 100 }));
    const truth = value(await truthPeer.call('nevent_list_campaign_recipients', { tenant_id, campaign_id, page: 0, page_size: 100 }));
    expect(first.total).toBe(truth.total);
    expect(first.total_pages).toBe(truth.total_pages);
    const last = (first.total_pages as number) - 1;
    for (const page of [1, last]) {
      const mine = value(await peer.call('nevent_list_campaign_recipients', { tenant_id, campaign_id, page, page_size: 100 }));
      const theirs = value(await truthPeer.call('nevent_list_campaign_recipients', { tenant_id, campaign_id, page, page_size: 100 }));
      expect((mine.recipients as Array<{ user_id: string }>).map((r) => r.user_id)).toEqual((theirs.recipients as Array<{ user_id: string }>).map((r) => r.user_id));
      expect(mine.next_page).toBe(page === last ? null : page + 1);
    }
  });
});
