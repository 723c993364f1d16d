/**
 * `tools/list` shows only what the operation mode allows, and a mode change reaches every open
 * conversation as `notifications/tools/list_changed` (a 2025-era client's notification, or a 2026-07-28
 * client's listen stream) — over the app's socket, `mcp --attach` (stdio to the socket) and the loopback
 * HTTP endpoint, with the v2 and the v1 SDK clients; the stdio bridge lists per its `--mode`. A tool that
 * is not listed still answers the envelope, saying which mode it needs and where the person changes it.
 * Real core, demo API, real SDK clients.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/client';
import { OperationModeSetting } from '../../../src-main/app/operation-mode-setting';
import { runStdioServer } from '../../../src-main/mcp/stdio-runner';
import { LineTransport } from '../../../src-main/mcp/line-transport';
import { isToolAllowed } from '../../../src-shared/tool-access';
import type { OperationMode } from '../../../src-shared/session';
import { allTools } from '../../../src-main/mcp/tools';
import { FakeTenantSession } from '../../helpers/fake-tenant-session';
import { connectPeer, envelope, type Era, type Peer, type PeerTarget } from './peers';
import { startTransports, type TransportsFixture } from './transports-fixture';

let doors: TransportsFixture;
const mode = new OperationModeSetting('READ_ONLY');

beforeAll(async () => {
  doors = await startTransports(mode);
}, 60_000);

afterAll(async () => {
  await doors?.close();
});

/** The tools `mode` allows, in `tools/list` order. */
const allowedIn = (m: OperationMode): string[] => allTools.filter((tool) => isToolAllowed(m, tool.access)).map((tool) => tool.name);

/** Counts the list-changed notifications a peer hears; `next()` resolves at the next one. */
function heard(): { onToolsChanged: () => void; next: () => Promise<void>; count: () => number } {
  let count = 0;
  let waiters: Array<() => void> = [];
  return {
    onToolsChanged: () => {
      count += 1;
      const woken = waiters;
      waiters = [];
      for (const wake of woken) wake();
    },
    next: () => new Promise<void>((resolve) => waiters.push(resolve)),
    count: () => count,
  };
}

const matrix: Array<[string, Era]> = [
  ['socket', 'modern'],
  ['socket', 'legacy'],
  ['attach', 'modern'],
  ['attach', 'legacy'],
  ['http', 'modern'],
  ['http', 'legacy'],
];

describe('tools/list follows the operation mode on every open connection', () => {
  it.each(matrix)('%s, %s client: READ_ONLY lists no tool it refuses; STANDARD and FULL are announced and listed', async (transport, era) => {
    mode.set('READ_ONLY', 'app');
    const changes = heard();
    const peer: Peer = await connectPeer(era, doors.targets()[transport as 'socket' | 'attach' | 'http'] as PeerTarget, `list-${transport}-${era}`, { onToolsChanged: changes.onToolsChanged });
    try {
      await peer.listening();
      const names = async (): Promise<string[]> => (await peer.listTools()).tools.map((tool) => tool.name);
      expect(await names()).toEqual(allowedIn('READ_ONLY'));
      expect(await names()).not.toContain('nevent_create_segment');

      // Not listed, still answered: which mode it needs, and where the person changes it.
      const refused = envelope(await peer.call('nevent_delete_image', { urls: ['https://cdn.example/a.png'], confirmed: true }));
      expect(refused).toMatchObject({ code: 'operation_not_permitted' });
      expect(refused.message).toContain('needs Full mode');
      expect(refused.message).toContain('MCP panel → Operation mode');
      expect(envelope(await peer.call('nevent_create_segment', { name: 'x', definition: { stanzas: [] } })).message).toContain('needs Standard mode');

      for (const next of ['STANDARD', 'FULL', 'READ_ONLY'] as const) {
        const announced = changes.next();
        mode.set(next, 'app');
        await announced;
        expect(await names(), next).toEqual(allowedIn(next));
      }
      expect(changes.count()).toBe(3);
    } finally {
      await peer.close();
      mode.set('READ_ONLY', 'app');
    }
  }, 60_000);
});

describe('stdio', () => {
  it.each<[OperationMode, Era]>([
    ['READ_ONLY', 'modern'],
    ['STANDARD', 'legacy'],
    ['FULL', 'modern'],
  ])('nevent-companion mcp --mode %s --toolsets all lists exactly that mode’s tools (%s client)', async (m, era) => {
    const peer = await connectPeer(era, { kind: 'stdio', args: ['mcp', '--demo', '--mode', m, '--toolsets', 'all'] }, `stdio-${m}`);
    try {
      expect((await peer.listTools()).tools.map((tool) => tool.name)).toEqual(allowedIn(m));
    } finally {
      await peer.close();
    }
  }, 60_000);

  it('the stdio server announces a change of its mode source to a 2026-07-28 client', async () => {
    const setting = new OperationModeSetting('READ_ONLY');
    const toServer = new PassThrough();
    const fromServer = new PassThrough();
    const running = runStdioServer({ session: new FakeTenantSession(), mode: setting, stdin: toServer, stdout: fromServer });
    const changes = heard();
    const client = new Client({ name: 'stdio-modes', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } }, listChanged: { tools: { autoRefresh: false, onChanged: () => changes.onToolsChanged() } } });
    await client.connect(new LineTransport(fromServer, toServer));
    try {
      expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(allowedIn('READ_ONLY'));
      const announced = changes.next();
      setting.set('STANDARD', 'settings file');
      await announced;
      expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(allowedIn('STANDARD'));
    } finally {
      await client.close();
      toServer.end();
      await running;
    }
  }, 60_000);
});
