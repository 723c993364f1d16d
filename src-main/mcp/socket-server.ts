/**
 * The app's local MCP endpoint (DESIGN §4): a unix socket (named pipe on Windows) where every
 * connection gets its own McpServer and its own tenant session.
 *
 *   connection ──> registry.openMcpSession() ──> createMcpServer(session) ──> LineTransport(socket)
 *   socket end / over-long line / garbage ──> transport closes ──> server closed, session closed
 *
 * One connection's failure never touches another: each has its own transport, server and session.
 */
import { chmodSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import type { OperationMode } from '../../src-shared/session';
import type { TenantSession } from '../core/tenant-session';
import type { McpAuditLog } from './audit-log';
import { errorDataOf, redactTokens } from './envelope';
import { LineTransport, defaultMaxLineBytes } from './line-transport';
import { createMcpServer } from './server';
import type { McpLogger } from './server';
import type { McpSessionSource } from './session-source';
import { defaultSocketPath, isNamedPipe, prepareSocketDir, removeStaleSocket } from './socket-path';

/** Options of the socket server. */
export interface McpSocketServerOptions {
  registry: McpSessionSource;
  /** Defaults to the per-user path (see socket-path.ts). */
  socketPath?: string;
  /** Read on every new connection, so a settings change applies to the next connection. */
  mode: OperationMode | (() => OperationMode);
  audit?: McpAuditLog;
  log?: McpLogger;
  version?: string;
  maxLineBytes?: number;
}

/** A running socket server. */
export interface McpSocketServer {
  path: string;
  /** Open connections. */
  connectionCount(): number;
  /** Stops listening, ends every connection and its session, removes the socket file. */
  close(): Promise<void>;
}

/** Starts listening; rejects with SocketPathError when the path is unsafe or already served. */
export async function startMcpSocketServer(options: McpSocketServerOptions): Promise<McpSocketServer> {
  const path = options.socketPath ?? defaultSocketPath();
  const log = options.log ?? (() => undefined);
  const pipe = isNamedPipe(path);
  if (!pipe) {
    prepareSocketDir(path);
    await removeStaleSocket(path);
  }

  const live = new Set<{ socket: Socket; end: () => Promise<void> }>();

  const handle = async (socket: Socket): Promise<void> => {
    // Nothing is read until the session exists: the socket stays paused without a data listener.
    let ended = false;
    socket.once('close', () => {
      ended = true;
    });
    socket.on('error', () => undefined); // reported through the transport once it is attached
    let session: TenantSession;
    try {
      session = await options.registry.openMcpSession();
    } catch (error) {
      // Typically `signed_out`: tell the client why before hanging up (an MCP error without an id,
      // since no request has been read), so the AI client's log shows something actionable.
      const data = errorDataOf(error);
      log(`nevent-companion mcp: cannot open a session for a new connection (${data.code})`);
      const message = data.code === 'signed_out' ? 'Nevent Companion is not signed in: sign in in the app, then reconnect.' : `Nevent Companion could not open a session: ${redactTokens(data.message)}`;
      // Read and drop whatever the client sends so its end-of-stream is seen and the socket closes;
      // a client that never hangs up is cut off after a second.
      socket.resume();
      socket.end(`${JSON.stringify({ jsonrpc: '2.0', error: { code: -32001, message } })}\n`);
      setTimeout(() => socket.destroy(), 1000).unref();
      return;
    }
    if (ended) {
      session.close();
      return;
    }
    const mode = typeof options.mode === 'function' ? options.mode() : options.mode;
    const bound = createMcpServer({ session, mode, audit: options.audit, log, version: options.version });
    const transport = new LineTransport(socket, socket, {
      maxLineBytes: options.maxLineBytes ?? defaultMaxLineBytes,
      closeOnInvalid: true,
      destroy: () => socket.destroy(),
    });
    const entry = {
      socket,
      end: async () => {
        await bound.server.close().catch(() => undefined);
      },
    };
    live.add(entry);
    let finished = false;
    bound.server.server.onclose = () => {
      if (finished) return;
      finished = true;
      live.delete(entry);
      bound.dispose();
      session.close();
      options.audit?.sessionEnded(session.id);
    };
    bound.server.server.onerror = (error) => log(`nevent-companion mcp: connection ${session.id}: ${error.message}`);
    await bound.server.connect(transport);
  };

  const server: Server = createServer({ allowHalfOpen: false, pauseOnConnect: true }, (socket) => {
    void handle(socket).catch((error: unknown) => {
      log(`nevent-companion mcp: connection failed (${error instanceof Error ? error.name : 'error'})`);
      socket.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log(`nevent-companion mcp: socket server error: ${error.message}`));
  if (!pipe) chmodSync(path, 0o600);

  return {
    path,
    connectionCount: () => live.size,
    close: async () => {
      const closing = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...live].map(async (entry) => {
        await entry.end();
        entry.socket.destroy();
      }));
      await closing;
      if (!pipe) {
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      }
    },
  };
}
