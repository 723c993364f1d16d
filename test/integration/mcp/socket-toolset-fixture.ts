/**
 * The real core over the demo API, the app's MCP socket in front of it in FULL mode, and one SDK client
 * connected: what the toolset tests drive. One setup and one teardown for every such file.
 */
import { McpAuditLog } from '../../../src-main/mcp/audit-log';
import { fixedMode } from '../../../src-main/mcp/operation-mode';
import { startMcpSocketServer, type McpSocketServer } from '../../../src-main/mcp/socket-server';
import type { UploadPolicySource } from '../../../src-main/mcp/upload-policy';
import type { DemoApiOptions } from '../../../src-main/demo-api';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { connectClient, tempSocketPath, type SocketClient } from './socket-helpers';

/** The running core, socket and client. */
export interface SocketToolset {
  fixture: CoreFixture;
  server: McpSocketServer;
  audit: McpAuditLog;
  mcp: SocketClient;
  close(): Promise<void>;
}

/**
 * Starts it all, signed in as the demo owner; `uploads` replaces the environment's upload policy, `demo`
 * configures the demo API (its list shapes and paging, say).
 */
export async function startSocketToolset(clientName: string, options: { uploads?: UploadPolicySource; maxLineBytes?: number; demo?: DemoApiOptions } = {}): Promise<SocketToolset> {
  const { demo, ...serverOptions } = options;
  const fixture = await startCoreFixture({ user: 'owner', ...(demo === undefined ? {} : { demo }) });
  const socket = tempSocketPath();
  const audit = new McpAuditLog();
  const server = await startMcpSocketServer({ registry: fixture.core.registry, socketPath: socket.path, mode: fixedMode('FULL'), audit, ...serverOptions });
  const mcp = await connectClient(socket.path, clientName);
  return {
    fixture,
    server,
    audit,
    mcp,
    async close() {
      await mcp.close();
      await server.close();
      await fixture.close();
      socket.cleanup();
    },
  };
}
