/**
 * MCP Apps' context cost (docs/mcp-apps.md): what linking the views adds to what a model reads, and what
 * the host reads instead. `tools/list` of `nevent-companion mcp --mode FULL --toolsets all` (every linked tool listed)
 * for a client that declares `io.modelcontextprotocol/ui` against one that does not: the bytes each
 * linked tool's definition gains (UTF-8 of compact JSON), the largest against the budget; then each
 * `ui://` view as `resources/read` returns it, which only the host reads.
 */
import { RESOURCE_MIME_TYPE } from '@modelcontextprotocol/ext-apps/server';
import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { appViews, viewLinkBudgetBytes } from '../src-shared/app-views';
import type { BenchContext } from './context';
import { binPath, stdioClient, type BenchClient } from './mcp-clients';
import type { BenchResult } from './result';

const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** A FULL-mode bridge over stdio, for a client that renders MCP Apps (`rendersViews`) or not. */
function bridge(ctx: BenchContext, rendersViews: boolean): Promise<BenchClient> {
  const capabilities = rendersViews ? { extensions: { 'io.modelcontextprotocol/ui': { mimeTypes: [RESOURCE_MIME_TYPE] } } } : {};
  return stdioClient(process.execPath, [binPath, 'mcp', '--mode', 'FULL', '--toolsets', 'all'], ctx.mcpEnv, capabilities);
}

/** Lists the tools with and without the extension, then reads every view. */
export async function benchAppViews(ctx: BenchContext): Promise<BenchResult> {
  const plain = await bridge(ctx, false);
  const host = await bridge(ctx, true);
  try {
    const before = new Map((await plain.client.listTools()).tools.map((tool) => [tool.name, tool]));
    const after = (await host.client.listTools()).tools;
    const added = after.filter((tool) => tool._meta !== undefined).map((tool) => ({ name: tool.name, bytes: bytes(tool) - bytes(before.get(tool.name)) }));
    if (added.length === 0) throw new Error('no tool links a view: are the views built (npm run build → out/apps/view.html)?');
    const largest = added.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const pages: Record<string, number> = {};
    for (const view of appViews) {
      const read = (await host.client.readResource({ uri: view.uri })) as ReadResourceResult;
      const content = read.contents[0];
      pages[`htmlBytes.${view.id}`] = content !== undefined && 'text' in content ? Buffer.byteLength(content.text, 'utf8') : 0;
    }
    const plainList = bytes({ tools: [...before.values()] });
    const hostList = bytes({ tools: after });
    return {
      id: 'app-views',
      title: 'MCP Apps: bytes a view link adds to a tool definition',
      subject: `the largest link (${largest.name}) in tools/list for a host that renders MCP Apps`,
      baseline: `the budget of ${viewLinkBudgetBytes} bytes per linked tool`,
      unit: 'bytes per linked tool (largest)',
      subjectValue: largest.bytes,
      baselineValue: viewLinkBudgetBytes,
      ratio: largest.bytes / viewLinkBudgetBytes,
      target: 1,
      details: {
        linkedTools: added.length,
        meanAddedBytes: added.reduce((sum, tool) => sum + tool.bytes, 0) / added.length,
        toolsListBytesWithout: plainList,
        toolsListBytesWith: hostList,
        toolsListShareAdded: (hostList - plainList) / plainList,
        ...pages,
      },
      note: null,
    };
  } finally {
    await Promise.all([plain.close(), host.close()]);
  }
}
