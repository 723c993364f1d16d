/** `mcp.tools`: the bridge's tools as the MCP panel lists them, from the one tool table. */
import { isToolAllowed } from '../../../src-shared/tool-access';
import { allTools } from '../../mcp/tools';
import type { RequestHandlers } from '../dispatcher';
import type { HandlerContext } from './context';

/** The handler of `mcp.tools`: name, title, domain and class of every tool, and whether the mode in effect allows it. */
export function mcpToolsHandlers(ctx: Pick<HandlerContext, 'mode'>): Pick<RequestHandlers, 'mcp.tools'> {
  return {
    'mcp.tools': async () => {
      const mode = ctx.mode.get();
      return { mode, tools: allTools.map((tool) => ({ name: tool.name, title: tool.title, domain: tool.domain, access: tool.access, allowed: isToolAllowed(mode, tool.access) })) };
    },
  };
}
