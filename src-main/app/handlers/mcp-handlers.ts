/** `mcp.*`: the sessions panel, the audit log, the operation mode (its one setter), client configs and the Claude Desktop extension. */
import { CoreError } from '../../core/tenant-session';
import { queryAudit } from '../audit-query';
import type { RequestHandlers } from '../dispatcher';
import type { HandlerContext } from './context';

type McpChannels = 'mcp.sessions' | 'mcp.moveSession' | 'mcp.audit' | 'mcp.setMode' | 'mcp.clients' | 'mcp.clientConfigPreview' | 'mcp.clientConfigWrite' | 'mcp.installExtension';

export function mcpHandlers(ctx: HandlerContext): Pick<RequestHandlers, McpChannels> {
  const { sessions, bridge, clientConfig, mode, preferences, store } = ctx;
  // An HTTP entry names the endpoint the app listens on now; with it off there is nothing to point at.
  const httpUrl = (): string => {
    const url = ctx.mcpHttp?.status().url ?? null;
    if (url === null) throw new CoreError('not_available', 'Turn on the MCP HTTP endpoint first: an HTTP entry points at its address.', 'transport');
    return url;
  };
  return {
    'mcp.sessions': async () => store.sessionList(),
    'mcp.moveSession': async ({ sessionId, tenantId }) => {
      const target = sessions.list().find((s) => s.id === sessionId);
      if (target === undefined) throw new CoreError('not_found', `No connected session ${sessionId}.`, 'sessionId');
      if (target.kind !== 'mcp') throw new CoreError('invalid_request', 'Only MCP sessions can be moved; switch the desktop from the tenant picker.', 'sessionId');
      return sessions.move(sessionId, tenantId);
    },
    'mcp.audit': async (query) => queryAudit(bridge.auditEntries(), query),
    // Applies before the next call of every open MCP connection; saved so the next start keeps it.
    'mcp.setMode': async ({ mode: next }) => {
      mode.set(next, 'app');
      preferences.saveMode(next);
      return { mode: mode.get() };
    },
    'mcp.clients': async () => clientConfig.list(),
    'mcp.clientConfigPreview': async ({ client, transport }) => clientConfig.preview(client, transport === 'http' ? { url: httpUrl() } : undefined),
    'mcp.clientConfigWrite': async ({ client, transport }) => clientConfig.write(client, transport === 'http' ? { url: httpUrl() } : undefined),
    'mcp.installExtension': async () => {
      if (ctx.extension == null) throw new CoreError('not_available', 'This build has no Claude Desktop extension to install; use the config-file entry instead.');
      return ctx.extension.install();
    },
  };
}
