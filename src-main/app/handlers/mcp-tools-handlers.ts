/**
 * `mcp.tools`: the bridge's tools as the MCP panel lists them, from the one tool table, with what each costs
 * a model in `tools/list` (and what the on-demand tool adds while a toolset is off), so the person sees the
 * bytes each toolset adds.
 */
import { isToolAllowed } from '../../../src-shared/tool-access';
import type { McpToolList } from '../../../src-shared/ipc';
import { onDemandToolCost } from '../../mcp/enable-tools';
import { definitionBytes } from '../../mcp/tool-definitions';
import { allTools } from '../../mcp/tools';
import type { RequestHandlers } from '../dispatcher';
import type { HandlerContext } from './context';

/** The handler of `mcp.tools`: name, title, domain, class and bytes of every tool, and whether the mode in effect allows it. */
export function mcpToolsHandlers(ctx: Pick<HandlerContext, 'mode'>): Pick<RequestHandlers, 'mcp.tools'> {
  // The table is fixed for a build: its sizes are measured once, when the panel first asks.
  let sizes: { bytes: ReadonlyMap<string, number>; onDemandTool: McpToolList['onDemandTool'] } | null = null;
  return {
    'mcp.tools': async () => {
      sizes ??= { bytes: definitionBytes(allTools), onDemandTool: onDemandToolCost(allTools) };
      const { bytes, onDemandTool } = sizes;
      const mode = ctx.mode.get();
      return {
        mode,
        tools: allTools.map((tool) => ({ name: tool.name, title: tool.title, domain: tool.domain, access: tool.access, allowed: isToolAllowed(mode, tool.access), listBytes: bytes.get(tool.name) ?? 0 })),
        onDemandTool,
      };
    },
  };
}
