/**
 * The DELETE-class rule: after the mode and the input, a destructive tool does nothing
 * without `confirmed: true` and says what it would do; with it, it runs. Every destructive tool gets the
 * `confirmed` input from the factory, described by one shared line.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { confirmedDescription } from '../../../src-main/mcp/server';
import { defineTool } from '../../../src-main/mcp/tool';
import { connect, failure, ok, type Harness } from './harness';

let runs = 0;
const deleteImage = defineTool({
  name: 'test_delete_image',
  domain: 'media',
  title: 'Delete image',
  description: 'Deletes one image of the tenant (a test tool for the confirmation rule).',
  access: 'destructive',
  tenantScoped: true,
  input: z.object({ image_id: z.string().min(1) }),
  output: z.object({ deleted: z.string(), tenant_id: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  confirmation: (args) => `This would delete image ${args.image_id} for good.`,
  run: async (args, { tenant }) => {
    runs += 1;
    const answer = await tenant.listSegments({ limit: 1 });
    return { deleted: args.image_id, tenant_id: answer.tenantId };
  },
});

let h: Harness;
afterEach(async () => {
  await h.close();
});

describe('destructive tools need confirmed: true', () => {
  it('advertises confirmed with the shared line', async () => {
    h = await connect('FULL', { tools: [deleteImage] });
    const [tool] = (await h.listTools()).tools;
    expect((tool?.inputSchema.properties as Record<string, { description?: string }>).confirmed?.description).toBe(confirmedDescription);
  });

  it('without it: nothing runs, and the answer says what would happen', async () => {
    runs = 0;
    h = await connect('FULL', { tools: [deleteImage] });
    for (const args of [{ image_id: 'img-1' }, { image_id: 'img-1', confirmed: false }]) {
      expect(failure(await h.call('test_delete_image', args))).toMatchObject({ code: 'confirmation_required', param: 'confirmed', message: expect.stringMatching(/^This would delete image img-1 for good\. Nothing was done\./) });
    }
    expect(runs).toBe(0);
    expect(ok(await h.call('test_delete_image', { image_id: 'img-1', confirmed: true }))).toMatchObject({ deleted: 'img-1' });
    expect(runs).toBe(1);
  });

  it('the mode comes first: in STANDARD the tool is refused whatever confirmed says', async () => {
    h = await connect('STANDARD', { tools: [deleteImage] });
    expect(failure(await h.call('test_delete_image', { image_id: 'img-1', confirmed: true }))).toMatchObject({ code: 'operation_not_permitted' });
  });
});
