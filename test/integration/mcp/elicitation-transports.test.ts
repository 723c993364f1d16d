/**
 * Confirmation through the client on every transport (person-confirmation.ts), against the real core and
 * the demo API: deleting an image from the media library asks the person with `elicitation/create`;
 * declining leaves the image there, accepting deletes it. The 2026-07-28 HTTP client's answer comes back
 * on a new request, served by another server instance than the one that asked. A client that does not
 * declare elicitation gets `confirmation_required` instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperationModeSetting } from '../../../src-main/app/operation-mode-setting';
import { connectPeer, envelope, value, type ElicitAnswer, type Era, type PeerTarget } from './peers';
import { startTransports, type TransportsFixture } from './transports-fixture';

let doors: TransportsFixture;
const tenant_id = 'tn-acme-es';

beforeAll(async () => {
  doors = await startTransports(new OperationModeSetting('FULL'));
}, 60_000);

afterAll(async () => {
  await doors?.close();
});

const matrix: Array<[string, Era]> = [
  ['socket', 'modern'],
  ['socket', 'legacy'],
  ['attach', 'modern'],
  ['attach', 'legacy'],
  ['http', 'modern'],
  ['http', 'legacy'],
];

describe('deleting an image asks the person through the client', () => {
  it.each(matrix)('%s, %s client: decline keeps the image, accept deletes it', async (transport, era) => {
    const asked: string[] = [];
    const answers: ElicitAnswer[] = [{ action: 'decline' }, { action: 'accept', content: { confirm: true } }];
    const target = doors.targets()[transport as 'socket' | 'attach' | 'http'] as PeerTarget;
    const peer = await connectPeer(era, target, `elicit-${transport}-${era}`, { elicit: async (message) => (asked.push(message), answers.shift() ?? { action: 'cancel' }) });
    try {
      const uploaded = value(await peer.call('nevent_upload_image', { tenant_id, source: 'data:image/gif;base64,R0lGODlhAQABAAAAACwAAAAAAQABAAA=', imageName: `elicit-${transport}-${era}.gif` }));
      const url = uploaded.destinationUrl as string;
      const listed = async (): Promise<string[]> => {
        const urls: string[] = [];
        let cursor: string | null = null;
        do {
          const page = value(await peer.call('nevent_list_images', { tenant_id, limit: 200, ...(cursor === null ? {} : { cursor }) }));
          urls.push(...(page.resources as Array<{ src: string }>).map((r) => r.src));
          cursor = page.next_cursor as string | null;
        } while (cursor !== null);
        return urls;
      };
      expect(await listed()).toContain(url);

      const declined = envelope(await peer.call('nevent_delete_image', { tenant_id, urls: [url] }));
      expect(declined).toMatchObject({ code: 'cancelled', message: expect.stringContaining('declined') });
      expect(asked[0]).toContain('permanently delete 1 image');
      expect(asked[0]).toContain(url);
      expect(await listed()).toContain(url);

      expect(value(await peer.call('nevent_delete_image', { tenant_id, urls: [url] }))).toMatchObject({ deleted: 1, tenant_id });
      expect(await listed()).not.toContain(url);
      expect(asked).toHaveLength(2);
    } finally {
      await peer.close();
    }
  }, 60_000);

  it.each<Era>(['modern', 'legacy'])('a %s client that does not declare elicitation gets confirmation_required, and nothing is deleted', async (era) => {
    const peer = await connectPeer(era, doors.targets().socket as PeerTarget, `no-elicit-${era}`);
    try {
      const refused = envelope(await peer.call('nevent_delete_image', { tenant_id, urls: ['https://cdn.example/kept.png'] }));
      expect(refused).toMatchObject({ code: 'confirmation_required', param: 'confirmed' });
    } finally {
      await peer.close();
    }
  });
});
