/**
 * The context budget: a model pays for every byte of `tools/list`, so the
 * full toolset (FULL mode lists every tool) averages at most 700 bytes per definition, and each
 * description stays one sentence. A size budget, measured as the benchmark measures it (UTF-8 bytes of
 * the JSON the client receives): no timing involved.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { toolDefinitionBudgetBytes } from '../../../src-main/mcp/lean-schema';
import { allTools } from '../../../src-main/mcp/tools';
import { connect, type Harness } from './harness';

const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('context budget of tools/list', () => {
  it(`averages at most ${toolDefinitionBudgetBytes} bytes per tool with the full toolset`, async () => {
    h = await connect('FULL');
    const { tools } = await h.listTools();
    expect(tools).toHaveLength(allTools.length);
    const average = bytes({ tools }) / tools.length;
    const largest = tools.map((tool) => `${tool.name} ${bytes(tool)}`).sort((a, b) => Number(b.split(' ')[1]) - Number(a.split(' ')[1])).slice(0, 5);
    expect(average, `average ${average.toFixed(1)} B; largest: ${largest.join(', ')}`).toBeLessThanOrEqual(toolDefinitionBudgetBytes);
  });

  it('describes every tool in one sentence (shared guidance lives in the instructions and nevent_help)', async () => {
    h = await connect('FULL');
    const { tools } = await h.listTools();
    const longer = tools.filter((tool) => !/^[^\n]+[.)]$/.test(tool.description ?? '') || /[.!?] [A-Z]/.test(tool.description ?? '')).map((tool) => tool.name);
    expect(longer).toEqual([]);
  });
});
