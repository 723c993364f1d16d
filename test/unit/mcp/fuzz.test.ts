/** Property test: any JSON arguments to any tool give a result (success or the envelope), never a crash. */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { allTools } from '../../../src-main/mcp/tools';
import { connect } from './harness';
import type { Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await connect('FULL');
});
afterAll(async () => {
  await h.close();
});

const keys = fc.constantFrom('tenantId', 'tenant_id', 'segment_id', 'name', 'definition', 'description', 'version', 'search', 'limit', 'cursor', 'status', 'channel', 'provider', 'topic', '__proto__', 'constructor', 'toString', '');

it('answers arbitrary arguments with a result or the envelope', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...allTools.map((t) => t.name)),
      fc.dictionary(keys, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }),
      async (name, args) => {
        const result = await h.call(name, args);
        const first = result.content[0];
        expect(first?.type).toBe('text');
        const parsed = JSON.parse(first?.type === 'text' ? first.text : 'null') as Record<string, unknown>;
        if (result.isError === true) {
          expect(Object.keys(parsed)).toEqual(['error']);
          expect(parsed.error).toMatchObject({ type: expect.any(String), code: expect.any(String), message: expect.any(String) });
          expect((parsed.error as { code: string }).code).not.toBe('internal_error');
        } else {
          expect(parsed).toEqual(result.structuredContent);
        }
      },
    ),
    { numRuns: 150 },
  );
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}, 30_000);
