/**
 * `mcp.http*`: the optional loopback MCP HTTP endpoint: its switch and its bridge token. The
 * token crosses IPC once, in the `mcp.httpCreateToken` answer, to be shown; it is ours, never a Nevent token.
 */
import { CoreError } from '../../core/tenant-session';
import type { RequestHandlers } from '../dispatcher';
import type { McpHttpPort } from '../ports';
import type { HandlerContext } from './context';

type McpHttpChannels = 'mcp.httpStatus' | 'mcp.httpEnable' | 'mcp.httpCreateToken' | 'mcp.httpRevokeToken';

export function mcpHttpHandlers(ctx: HandlerContext): Pick<RequestHandlers, McpHttpChannels> {
  const port = (): McpHttpPort => {
    if (ctx.mcpHttp === undefined || ctx.mcpHttp === null) throw new CoreError('not_available', 'The MCP HTTP endpoint is not available here.');
    return ctx.mcpHttp;
  };
  return {
    'mcp.httpStatus': async () => port().status(),
    // Remembered with its port, so the next start listens where client entries point.
    'mcp.httpEnable': async ({ enabled }) => {
      const http = port();
      const status = await http.setEnabled(enabled);
      if (status.state !== 'error') ctx.preferences.saveMcpHttp({ enabled: status.state === 'listening', port: http.listeningPort() ?? ctx.preferences.savedMcpHttp()?.port ?? null });
      return status;
    },
    'mcp.httpCreateToken': async () => port().createToken(),
    'mcp.httpRevokeToken': async () => port().revokeToken(),
  };
}
