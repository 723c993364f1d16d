/**
 * The app's local MCP endpoint: a unix socket (named pipe on Windows) where every
 * connection gets its own McpServer and its own tenant session.
 *
 *   connection ──> registry.openMcpSession() ──> serveStdio(() => createMcpServer(session), LineTransport(socket))
 *   socket end / over-long line / garbage ──> transport closes ──> server closed, session closed
 *
 * The SDK's `serveStdio` decides each connection's era from its first message (2026-07-28, or the
 * 2025-11-25 handshake) and pins one server instance from the factory to it. The operation mode is a
 * source read on every call, so a change in the app applies to open connections at once.
 *
 * One connection's failure never touches another: each has its own transport, server and session.
 * Connections are bounded: at most `maxConnections` at once (more are told why and closed),
 * a connection that has not finished the MCP handshake within `handshakeTimeoutMs` is closed (a silent
 * socket would otherwise hold a session in the panel for ever), and so is one idle for `idleTimeoutMs`.
 */
import { chmodSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import type { TenantSession } from '../core/session/tenant-session';
import type { McpAuditLog } from './audit-log';
import { CallLimits } from './call-limits';
import { errorDataOf, redactTokens } from './envelope';
import { limitInbound } from './inbound-limits';
import { LineTransport, defaultMaxLineBytes } from './line-transport';
import type { OperationModeSource } from './operation-mode';
import { createMcpServer, type BoundMcpServer } from './server';
import type { AppViewSource } from './apps/view-html';
import type { McpLogger } from './server';
import type { McpSessionSource } from './session-source';
import { newPipeName, pipeRendezvousFile, publishPipeName, unpublishPipeName } from './pipe-rendezvous';
import { defaultSocketPath, isNamedPipe, prepareSocketDir, removeStaleSocket } from './socket-path';
import type { UploadPolicySource } from './upload-policy';
import { OnDemandToolsets, type ToolsetSource } from './toolsets';

/** Options of the socket server. */
export interface McpSocketServerOptions {
  registry: McpSessionSource;
  /** Defaults to the per-user path (see socket-path.ts). */
  socketPath?: string;
  /** Read on every call, so a settings change applies to open connections at once. */
  mode: OperationModeSource;
  /** The toolsets the person chose (toolsets.ts), followed like the mode; every domain when absent. */
  toolsets?: ToolsetSource;
  audit?: McpAuditLog;
  log?: McpLogger;
  version?: string;
  /** What uploads may read (asked on every call); default: this process's environment. */
  uploads?: UploadPolicySource;
  maxLineBytes?: number;
  /** Open connections at most; further ones are refused with a message (default 64). */
  maxConnections?: number;
  /** Time a new connection has to complete the MCP handshake (default 15 s). */
  handshakeTimeoutMs?: number;
  /** A connection with no traffic for this long is closed (default 2 h; `mcp --attach` reconnects). */
  idleTimeoutMs?: number;
  /** Calls in flight per connection and in total (call-limits.ts); shared with the app's HTTP endpoint, else the server's own. */
  calls?: CallLimits;
  /** The MCP App views its sessions serve (apps/view-html.ts); default: this package's built views. */
  appViews?: AppViewSource;
}

/** Default bounds of the socket server. */
export const socketServerDefaults = { maxConnections: 64, handshakeTimeoutMs: 15_000, idleTimeoutMs: 2 * 60 * 60 * 1000 };

/**
 * One JSON-RPC error line without an id (nothing has been read to answer), then the socket ends. The
 * code (-32001) is what `mcp --attach` recognizes as "the app refused the session" (attach-client.ts).
 */
function refuseConnection(socket: Socket, message: string): void {
  // Read and drop whatever the client sends so its end-of-stream is seen and the socket closes;
  // a client that never hangs up is cut off after a second.
  socket.resume();
  socket.end(`${JSON.stringify({ jsonrpc: '2.0', error: { code: -32001, message } })}\n`);
  setTimeout(() => socket.destroy(), 1000).unref();
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
  // Windows without --socket: a fresh unguessable pipe name, published for `mcp --attach` (pipe-rendezvous.ts).
  const published = options.socketPath === undefined && process.platform === 'win32' ? { file: pipeRendezvousFile(), pipe: newPipeName() } : null;
  const path = options.socketPath ?? published?.pipe ?? defaultSocketPath();
  const log = options.log ?? (() => undefined);
  const pipe = isNamedPipe(path);
  if (!pipe) {
    prepareSocketDir(path);
    await removeStaleSocket(path);
  }

  const live = new Set<{ socket: Socket; end: () => Promise<void> }>();
  const maxConnections = options.maxConnections ?? socketServerDefaults.maxConnections;
  const handshakeTimeoutMs = options.handshakeTimeoutMs ?? socketServerDefaults.handshakeTimeoutMs;
  const idleTimeoutMs = options.idleTimeoutMs ?? socketServerDefaults.idleTimeoutMs;
  const calls = options.calls ?? new CallLimits();
  // What each connection's conversation turned on for itself, kept per session.
  const onDemand = new OnDemandToolsets();
  let open = 0;

  const handle = async (socket: Socket): Promise<void> => {
    // Nothing is read until the session exists: the socket stays paused without a data listener.
    let ended = false;
    socket.once('close', () => {
      ended = true;
    });
    socket.on('error', () => undefined); // reported through the transport once it is attached
    const handshakeTimer = setTimeout(() => {
      log(`nevent-companion mcp: closing a connection that did not complete the MCP handshake within ${handshakeTimeoutMs} ms`);
      socket.destroy();
    }, handshakeTimeoutMs);
    handshakeTimer.unref();
    socket.once('close', () => clearTimeout(handshakeTimer));
    let session: TenantSession;
    try {
      session = await options.registry.openMcpSession();
    } catch (error) {
      // Typically `signed_out`: tell the client why before hanging up, so the AI client's log (and
      // `mcp --attach`, which relays it in its answers) shows something actionable.
      clearTimeout(handshakeTimer);
      const data = errorDataOf(error);
      log(`nevent-companion mcp: cannot open a session for a new connection (${data.code})`);
      refuseConnection(socket, data.code === 'signed_out' ? 'Nevent Companion is not signed in: sign in in the app, then reconnect.' : `Nevent Companion could not open a session: ${redactTokens(data.message)}`);
      return;
    }
    if (ended) {
      session.close();
      return;
    }
    const built: BoundMcpServer[] = [];
    let finished = false;
    const entry = { socket, end: async () => undefined as void };
    const transport = new LineTransport(socket, socket, {
      maxLineBytes: options.maxLineBytes ?? defaultMaxLineBytes,
      closeOnInvalid: true,
      destroy: () => socket.destroy(),
      inbound: limitInbound,
      // The first valid message is the handshake (2025: initialize; 2026-07-28: any request).
      onFirstMessage: () => {
        clearTimeout(handshakeTimer);
        socket.setTimeout(idleTimeoutMs, () => {
          log(`nevent-companion mcp: closing connection ${session.id}: idle for ${idleTimeoutMs} ms`);
          socket.destroy();
        });
      },
      onDidClose: () => {
        if (finished) return;
        finished = true;
        live.delete(entry);
        for (const bound of built) bound.dispose();
        session.close();
        options.audit?.sessionEnded(session.id);
      },
    });
    live.add(entry);
    const handle = serveStdio(
      () => {
        const bound = createMcpServer({ session, mode: options.mode, audit: options.audit, log, version: options.version, calls, onDemand, ...(options.toolsets === undefined ? {} : { toolsets: options.toolsets }), ...(options.uploads === undefined ? {} : { uploads: options.uploads }), appViews: options.appViews });
        built.push(bound);
        return bound.server;
      },
      { transport, onerror: (error) => log(`nevent-companion mcp: connection ${session.id}: ${error.message}`) },
    );
    entry.end = () => handle.close().catch(() => undefined);
  };

  const server: Server = createServer({ allowHalfOpen: false, pauseOnConnect: true }, (socket) => {
    if (open >= maxConnections) {
      log(`nevent-companion mcp: refused a connection: ${maxConnections} are already open`);
      socket.on('error', () => undefined);
      refuseConnection(socket, `Nevent Companion already has ${maxConnections} open MCP connections; close some AI clients and retry.`);
      return;
    }
    open += 1;
    socket.once('close', () => {
      open -= 1;
    });
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
  if (published !== null) publishPipeName(published.file, published.pipe);

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
      if (published !== null) unpublishPipeName(published.file, published.pipe);
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
