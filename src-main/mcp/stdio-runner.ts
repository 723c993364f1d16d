/**
 * `nevent-companion mcp` (standalone): one McpServer and one session over this process's stdio.
 * stdout carries JSON-RPC only; diagnostics go to the logger (stderr).
 */
import type { Readable, Writable } from 'node:stream';
import type { OperationMode } from '../../src-shared/session';
import type { TenantSession } from '../core/tenant-session';
import type { McpAuditLog } from './audit-log';
import { limitInbound } from './inbound-limits';
import { LineTransport } from './line-transport';
import { createMcpServer } from './server';
import type { McpLogger } from './server';

/** What the stdio runner needs. */
export interface StdioRunOptions {
  session: TenantSession;
  mode: OperationMode;
  stdin: Readable;
  stdout: Writable;
  audit?: McpAuditLog;
  log?: McpLogger;
  version?: string;
}

/** Serves MCP on stdio until the client closes stdin (or sends an over-long line). */
export async function runStdioServer(options: StdioRunOptions): Promise<void> {
  const bound = createMcpServer({ session: options.session, mode: options.mode, audit: options.audit, log: options.log, version: options.version });
  const transport = new LineTransport(options.stdin, options.stdout, { closeOnInvalid: false, inbound: limitInbound });
  const closed = new Promise<void>((resolve) => {
    bound.server.server.onclose = () => {
      bound.dispose();
      resolve();
    };
  });
  bound.server.server.onerror = (error) => options.log?.(`nevent-companion mcp: ${error.message}`);
  await bound.server.connect(transport);
  await closed;
}
