/** The real MCP socket bridge for the app: the socket server over the core's registry, into the app's audit log. */
import { startMcpSocketServer } from '../mcp/socket-server';
import type { StartMcpBridge } from './compose';

/** Starts the MCP socket server (per-user path unless `--socket`), recording every call in the app's audit log. */
export function mcpBridgeStarter(version: string): StartMcpBridge {
  return async ({ core, socketPath, mode, toolsets, log, audit, uploads, calls }) => {
    const server = await startMcpSocketServer({
      registry: core.registry,
      ...(socketPath === undefined ? {} : { socketPath }),
      // The app's one mode cell, read on every call: a change applies to open connections at once.
      mode,
      // The person's toolsets ("Tools the AI sees"): a change reaches open connections as tools/list_changed.
      toolsets,
      audit,
      // The environment's upload folders and those named in Settings, read on every call.
      uploads,
      // The app's one bound on calls in flight, shared with the HTTP endpoint.
      calls,
      log,
      version,
    });
    return {
      socketPath: server.path,
      close: () => server.close(),
    };
  };
}
