/** The real MCP socket bridge for the app: the socket server and its audit log over the core's registry. */
import { McpAuditLog } from '../mcp/audit-log';
import { startMcpSocketServer } from '../mcp/socket-server';
import type { StartMcpBridge } from './compose';

/** Starts the MCP socket server (per-user path unless `--socket`), recording every call in an audit log. */
export function mcpBridgeStarter(version: string): StartMcpBridge {
  return async ({ core, socketPath, mode, log, audit: shared }) => {
    const audit = shared ?? new McpAuditLog();
    const server = await startMcpSocketServer({
      registry: core.registry,
      ...(socketPath === undefined ? {} : { socketPath }),
      // The app's one mode cell, read on every call: a change applies to open connections at once.
      mode,
      audit,
      log,
      version,
    });
    return {
      socketPath: server.path,
      auditEntries: () => audit.entries(),
      onDidAppendAudit: (listener) => audit.onDidAppend(listener),
      close: () => server.close(),
    };
  };
}
