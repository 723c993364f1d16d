/**
 * One real core (demo API) with the app's two MCP doors in front of it — the socket and the loopback
 * HTTP endpoint, sharing one audit log — and the targets a peer connects to: stdio (`mcp --demo`, its
 * own process), the socket, `mcp --attach` through the socket, and HTTP with a bridge token.
 */
import { McpAuditLog } from '../../../src-main/mcp/audit-log';
import { BridgeTokenStore } from '../../../src-main/mcp/bridge-token';
import { startMcpHttpEndpoint, type McpHttpEndpoint } from '../../../src-main/mcp/http-endpoint';
import type { OperationModeSource } from '../../../src-main/mcp/operation-mode';
import { startMcpSocketServer, type McpSocketServer } from '../../../src-main/mcp/socket-server';
import type { ToolsetSource } from '../../../src-main/mcp/toolsets';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { MemorySecretStore } from '../../helpers/secret-stores';
import { ensureCliBuilt } from './cli-helpers';
import type { PeerTarget } from './peers';
import { tempSocketPath } from './socket-helpers';

/** The transports a test drives peers over. */
export type TransportName = 'stdio' | 'socket' | 'attach' | 'http';

/** The running core and its doors. */
export interface TransportsFixture {
  core: CoreFixture;
  socket: McpSocketServer;
  http: McpHttpEndpoint;
  /** The HTTP endpoint's bridge token. */
  token: string;
  /** Where a peer connects for each transport. */
  targets(): Record<TransportName, PeerTarget>;
  close(): Promise<void>;
}

/** Starts the core, the socket and the HTTP endpoint, all obeying `mode` (and `toolsets`: every domain when absent). */
export async function startTransports(mode: OperationModeSource, toolsets?: ToolsetSource): Promise<TransportsFixture> {
  await ensureCliBuilt();
  const core = await startCoreFixture();
  const temp = tempSocketPath();
  const audit = new McpAuditLog();
  const choice = toolsets === undefined ? {} : { toolsets };
  const socket = await startMcpSocketServer({ registry: core.core.registry, socketPath: temp.path, mode, audit, ...choice });
  const tokens = new BridgeTokenStore(new MemorySecretStore());
  const token = await tokens.create();
  const http = await startMcpHttpEndpoint({ registry: core.core.registry, mode, token: tokens, audit, ...choice });
  return {
    core,
    socket,
    http,
    token,
    targets: () => ({
      stdio: { kind: 'stdio', args: ['mcp', '--demo'] },
      socket: { kind: 'socket', path: temp.path },
      attach: { kind: 'stdio', args: ['mcp', '--attach', '--socket', temp.path] },
      http: { kind: 'http', url: http.url, token },
    }),
    async close() {
      await http.close();
      await socket.close();
      await core.close();
      temp.cleanup();
    },
  };
}
