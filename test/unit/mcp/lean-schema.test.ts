/** What `tools/list` advertises (the context budget): lean inputs, no outputs, full checks on the server. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { advertisedInBrief, leanAnnotations, leanJsonSchema, maxAdvertisedDepth } from '../../../src-main/mcp/lean-schema';
import { defineTool } from '../../../src-main/mcp/tool';
import { connect, failure } from './harness';

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

  it('an input advertised in brief shows its type and description only', () => {
    const json = z.toJSONSchema(z.object({ sort: advertisedInBrief(z.union([z.object({ field: z.string() }), z.array(z.object({ field: z.string() }))]).optional().describe('See help.')), range: advertisedInBrief(z.object({ start: z.string() }).optional().describe('Later.')) }));
    expect(leanJsonSchema(json)).toEqual({ type: 'object', properties: { sort: { description: 'See help.' }, range: { type: 'object', description: 'Later.' } } });
  });

  it('drops idempotentHint where the MCP spec calls it meaningless (read-only tools), keeps every other hint', () => {
    expect(leanAnnotations({ readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true })).toEqual({ readOnlyHint: true, destructiveHint: false, openWorldHint: true });
    const write = { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true };
    expect(leanAnnotations(write)).toEqual(write);
  });

  it('tools/list carries no $schema, pattern, length bound or output schema, and inputs in brief are still checked in full', async () => {
    const h = await connect('FULL');
    try {
      const { tools } = await h.listTools();
      const listed = JSON.stringify(tools);
      for (const noise of ['"$schema"', '"pattern"', '"maxLength"', '9007199254740991', 'x-nevent-in-brief']) expect(listed).not.toContain(noise);
      expect(tools.filter((tool) => tool.outputSchema !== undefined).map((tool) => tool.name)).toEqual([]);
      // A value the model sends is still validated in full (sizes and all), before anything runs.
      expect(failure(await h.call('nevent_get_segment', { segment_id: 'x'.repeat(65) })).code).toBe('validation_failed');
      const preview = tools.find((tool) => tool.name === 'nevent_segment_preview');
      expect((preview?.inputSchema.properties as Record<string, Record<string, unknown>>).definition).toEqual({ type: 'object', description: expect.stringContaining('criterion_id') });
      const badDefinition = failure(await h.call('nevent_segment_preview', { definition: { stanzas: [{ criteria: [{ operator: 'is' }] }] } }));
      expect(badDefinition).toMatchObject({ code: 'validation_failed', param: 'definition.stanzas.0.criteria.0.criterion_id' });
      expect(failure(await h.call('nevent_analytics_query', { collection: 'campaigns', sort: { field: 'sent', order: 'sideways' } })).param).toBe('sort');
      expect(h.session.calls).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('every answer is still checked against the full output schema: one that does not match never reaches the client', async () => {
    const sloppy = defineTool({
      name: 'test_sloppy',
      domain: 'help',
      title: 'Sloppy',
      description: 'Answers with a count that is not a number (a test tool for the output check).',
      access: 'read',
      tenantScoped: false,
      input: z.object({}),
      output: z.object({ count: z.number() }),
      annotations: { readOnlyHint: true, destructiveHint: false, openWorldHint: false },
      run: async () => ({ count: 'many' }) as unknown as { count: number },
    });
    const h = await connect('FULL', { tools: [sloppy] });
    try {
      const result = await h.call('test_sloppy');
      // What a tool builds comes from the API's answer: a mismatch is the API's, never an internal error.
      expect(failure(result).code).toBe('api_error');
      expect(JSON.stringify(result)).not.toContain('many');
      expect(h.logs.join('\n')).toContain('does not match its output schema (count)');
    } finally {
      await h.close();
    }
  });
});
