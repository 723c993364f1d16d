/**
 * `nevent-companion mcp` (standalone): MCP over this process's stdio, one session for the connection.
 * The SDK's `serveStdio` decides the era from the client's first message (2026-07-28, or the 2025-11-25
 * handshake of older clients) and pins one server from our factory to the connection; the line
 * transport frames it. stdout carries JSON-RPC only; diagnostics go to the logger (stderr).
 */
import type { Readable, Writable } from 'node:stream';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import type { TenantSession } from '../core/session/tenant-session';
import type { McpAuditLog } from './audit-log';
import { CallLimits } from './call-limits';
import { limitInbound } from './inbound-limits';
import { LineTransport } from './line-transport';
import type { OperationModeSource } from './operation-mode';
import { createMcpServer, type BoundMcpServer } from './server';
import type { McpLogger, McpServerOptions } from './server';
import { OnDemandToolsets, type ToolsetSource } from './toolsets';

/** What the stdio runner needs. */
export interface StdioRunOptions {
  session: TenantSession;
  mode: OperationModeSource;
  /** The toolsets listed at first (`--toolsets`, NEVENT_TOOLSETS); every domain when absent. */
  toolsets?: ToolsetSource;
  stdin: Readable;
  stdout: Writable;
  audit?: McpAuditLog;
  log?: McpLogger;
  version?: string;
  /** Why tool calls cannot run (or a promise while that is being decided): see `McpServerOptions.unavailable`. */
  unavailable?: McpServerOptions['unavailable'];
}

/** Serves MCP on stdio until the client closes stdin (or sends an over-long line). */
export async function runStdioServer(options: StdioRunOptions): Promise<void> {
  const built: BoundMcpServer[] = [];
  let closed!: () => void;
  const done = new Promise<void>((resolve) => {
    closed = resolve;
  });
  const transport = new LineTransport(options.stdin, options.stdout, { closeOnInvalid: false, inbound: limitInbound, onDidClose: () => closed() });
  // One connection, one bound on the calls it has in flight (call-limits.ts).
  const calls = new CallLimits();
  const onDemand = new OnDemandToolsets();
  serveStdio(
    () => {
      const bound = createMcpServer({ session: options.session, mode: options.mode, audit: options.audit, log: options.log, version: options.version, unavailable: options.unavailable, calls, onDemand, ...(options.toolsets === undefined ? {} : { toolsets: options.toolsets }) });
      built.push(bound);
      return bound.server;
    },
    { transport, onerror: (error) => options.log?.(`nevent-companion mcp: ${error.message}`) },
  );
  await done;
  for (const bound of built) bound.dispose();
}
