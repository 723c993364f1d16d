/**
 * The operation mode is one value in main, read on every call (issue 14, item 3): a conversation that is
 * already open obeys a change from its very next call, both ways — over the app's socket, `mcp --attach`
 * and the loopback HTTP endpoint (2026-07-28 and 2025-era clients). Real core, demo API, SDK clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperationModeSetting } from '../../../src-main/app/operation-mode-setting';
import { McpAuditLog } from '../../../src-main/mcp/audit-log';
import { BridgeTokenStore } from '../../../src-main/mcp/bridge-token';
import { startMcpHttpEndpoint, type McpHttpEndpoint } from '../../../src-main/mcp/http-endpoint';
import { startMcpSocketServer, type McpSocketServer } from '../../../src-main/mcp/socket-server';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { MemorySecretStore } from '../../helpers/secret-stores';
import { ensureCliBuilt } from './cli-helpers';
import { connectPeer, envelope, value, type Era, type PeerTarget } from './peers';
import { tempSocketPath } from './socket-helpers';

let fixture: CoreFixture;
let socket: McpSocketServer;
let http: McpHttpEndpoint;
let token: string;
let temp: { path: string; cleanup: () => void };
const mode = new OperationModeSetting('READ_ONLY');

beforeAll(async () => {
  await ensureCliBuilt();
  fixture = await startCoreFixture();
  temp = tempSocketPath();
  const audit = new McpAuditLog();
  socket = await startMcpSocketServer({ registry: fixture.core.registry, socketPath: temp.path, mode, audit });
  const tokens = new BridgeTokenStore(new MemorySecretStore());
  token = await tokens.create();
  http = await startMcpHttpEndpoint({ registry: fixture.core.registry, mode, token: tokens, audit });
}, 60_000);

afterAll(async () => {
  await http?.close();
  await socket?.close();
  await fixture?.close();
  temp?.cleanup();
});

const targets = (): Record<string, PeerTarget> => ({
  socket: { kind: 'socket', path: temp.path },
  attach: { kind: 'stdio', args: ['mcp', '--attach', '--socket', temp.path] },
  http: { kind: 'http', url: http.url, token },
});

const matrix: Array<[string, Era]> = [
  ['socket', 'modern'],
  ['attach', 'modern'],
  ['http', 'modern'],
  ['http', 'legacy'],
];

describe('a mode change reaches open conversations at their next call', () => {
  it.each(matrix)('%s, %s client: READ_ONLY refuses, STANDARD allows, READ_ONLY refuses again — same connection', async (transport, era) => {
    mode.set('READ_ONLY', 'app');
    const peer = await connectPeer(era, targets()[transport] as PeerTarget, `mode-${transport}-${era}`);
    try {
      const criteria = value(await peer.call('nevent_segmentation_criteria')).criteria as Array<{ id: string; operators: string[]; value_type?: string }>;
      const text = criteria.find((c) => c.value_type === 'TEXT');
      expect(text).toBeDefined();
      const definition = { stanzas: [{ criteria: [{ criterion_id: text?.id, operator: text?.operators[0], value: 'Bilbao' }] }] };
      const create = (name: string) => peer.call('nevent_create_segment', { name, definition });

      expect(envelope(await create(`${transport} ${era} refused`))).toMatchObject({ code: 'operation_not_permitted' });
      mode.set('STANDARD', 'app');
      expect(value(await create(`${transport} ${era} allowed`)).segment).toMatchObject({ name: `${transport} ${era} allowed` });
      // Downgrading stops a misbehaving assistant at once.
      mode.set('READ_ONLY', 'app');
      expect(envelope(await create(`${transport} ${era} refused again`))).toMatchObject({ code: 'operation_not_permitted' });
    } finally {
      await peer.close();
    }
  }, 60_000);
});
