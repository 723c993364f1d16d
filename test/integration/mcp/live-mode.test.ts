/**
 * The operation mode is one value in main, read on every call: a conversation that is
 * already open obeys a change from its very next call, both ways — over the app's socket, `mcp --attach`
 * and the loopback HTTP endpoint (2026-07-28 and 2025-era clients). Real core, demo API, SDK clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperationModeSetting } from '../../../src-main/app/operation-mode-setting';
import { connectPeer, envelope, value, type Era, type PeerTarget } from './peers';
import { startTransports, type TransportsFixture } from './transports-fixture';

let doors: TransportsFixture;
const mode = new OperationModeSetting('READ_ONLY');

beforeAll(async () => {
  doors = await startTransports(mode);
}, 60_000);

afterAll(async () => {
  await doors?.close();
});

const targets = (): Record<string, PeerTarget> => doors.targets();

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
