/** What `tools/list` advertises (the context budget, DESIGN §4): lean inputs, shallow outputs, full checks on the server. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { leanJsonSchema, maxAdvertisedDepth, shallowJsonSchema } from '../../../src-main/mcp/lean-schema';
import { connect } from './harness';

describe('lean schemas', () => {
  it('drops what guards the server, keeps what guides the model', () => {
    const json = z.toJSONSchema(z.object({ id: z.string().min(1).max(64).regex(/^[a-z]+$/), limit: z.number().int().min(1).max(200), page: z.number().int(), tags: z.array(z.string().max(9)).max(3), mode: z.enum(['a', 'b']).describe('Which.') }));
    expect(leanJsonSchema(json)).toEqual({
      type: 'object',
      properties: { id: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 200 }, page: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } }, mode: { type: 'string', enum: ['a', 'b'], description: 'Which.' } },
      required: ['id', 'limit', 'page', 'tags', 'mode'],
    });
  });

  it(`cuts subschemas deeper than ${maxAdvertisedDepth} steps to their type`, () => {
    let deep: z.ZodType = z.object({ leaf: z.string() });
    for (let i = 0; i < 6; i++) deep = z.object({ next: deep });
    const lean = JSON.stringify(leanJsonSchema(z.toJSONSchema(z.object({ root: deep }))));
    expect(lean).not.toContain('leaf');
    expect(lean).toContain('"next"');
  });

  it('outputs: the top-level fields and their types', () => {
    expect(shallowJsonSchema(z.toJSONSchema(z.object({ rows: z.array(z.object({ a: z.number() })), tenant_id: z.string(), n: z.number().nullable() })))).toEqual({
      type: 'object',
      properties: { rows: { type: 'array' }, tenant_id: { type: 'string' }, n: { type: ['number', 'null'] } },
      required: ['rows', 'tenant_id', 'n'],
    });
  });

  it('tools/list carries no $schema, pattern or length bound, and every output is still checked in full', async () => {
    const h = await connect('FULL');
    try {
      const listed = JSON.stringify((await h.listTools()).tools);
      for (const noise of ['"$schema"', '"pattern"', '"maxLength"', '9007199254740991']) expect(listed).not.toContain(noise);
      // A definition the model sends is still validated in full (sizes and all), before anything runs.
      const refused = await h.call('nevent_get_segment', { segment_id: 'x'.repeat(65) });
      expect(refused.isError).toBe(true);
    } finally {
      await h.close();
    }
  });
});
