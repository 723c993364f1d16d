/**
 * The optional loopback MCP endpoint: Streamable HTTP at `http://127.0.0.1:PORT/mcp`, off
 * by default, behind the bridge token (bridge-token.ts), Host and Origin checked as `serve` checks them.
 *
 *   request ─> Host/Origin ok? ─> Bearer = bridge token? ─┬─ 2026-07-28 (envelope claim) ─> createMcpHandler
 *                │ no: 403           │ no: 401              │     a fresh server per request, stateless, all on
 *                                                           │     the endpoint's one session (calls name tenant_id)
 *                                                           └─ 2025-era (initialize, Mcp-Session-Id, GET, DELETE)
 *                                                                 ─> a legacy session: its own server, transport
 *                                                                    and tenant session, ended by DELETE or idleness
 *
 * The modern protocol has no sessions, so the only per-conversation state is the `tenant_id` each
 * call names; calls without one run in the endpoint session's active tenant. Legacy sessions are
 * bounded (`maxLegacySessions`) so a client that never says goodbye (the v1 SDK client sends no DELETE)
 * cannot pile up sessions: a session is idle while no request or stream of it is open; one idle for
 * `legacyIdleMs` is ended, and when the table is full a new client ends the least recently used idle one.
 * Only when every session is busy is the new client told to retry (503).
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createMcpHandler, isLegacyRequest, WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/server';
import { Hono, type Context } from 'hono';
import type { TenantSession } from '../core/tenant-session';
import { checkHostAndOrigin } from '../../src-shared/loopback-origin';
import type { McpAuditLog } from './audit-log';
import type { BridgeTokenStore } from './bridge-token';
import { CallLimits } from './call-limits';
import { bridgeTokenEnvVar } from './client-config/entry';
import { errorDataOf } from './envelope';
import type { OperationModeSource } from './operation-mode';
import { isOAuthPath, noOAuthResponse } from './oauth-absent';
import { createMcpServer, type BoundMcpServer, type McpLogger } from './server';
import type { McpSessionSource } from './session-source';
import type { UploadPolicySource } from './upload-policy';
import { ListedTools, modeFilter } from './tool-listing';
import { ConfirmationStates } from './person-confirmation';
import { allTools } from './tools';

/** What the endpoint is built from. */
export interface McpHttpEndpointOptions {
  registry: McpSessionSource;
  mode: OperationModeSource;
  token: BridgeTokenStore;
  /** 0 (default) picks a free port. */
  port?: number;
  audit?: McpAuditLog;
  log?: McpLogger;
  version?: string;
  /** What uploads may read (asked on every call); default: this process's environment. */
  uploads?: UploadPolicySource;
  /** Legacy (2025-era) sessions open at once (default 32). */
  maxLegacySessions?: number;
  /** A legacy session idle this long is ended (default 10 min; the client starts a new one when it comes back). */
  legacyIdleMs?: number;
  /** Calls in flight (call-limits.ts); shared with the app's other transports, else the endpoint's own. */
  calls?: CallLimits;
}

/** A running endpoint. */
export interface McpHttpEndpoint {
  port: number;
  /** `http://127.0.0.1:PORT/mcp` */
  url: string;
  /** Legacy sessions open now. */
  legacySessionCount(): number;
  /** Stops listening, ends every legacy session and the endpoint's own session. */
  close(): Promise<void>;
}

/** Defaults of the endpoint's bounds. */
export const httpEndpointDefaults = { maxLegacySessions: 32, legacyIdleMs: 10 * 60 * 1000 };

interface LegacySession {
  transport: WebStandardStreamableHTTPServerTransport;
  session: TenantSession;
  bound: BoundMcpServer;
  /** When its last request or stream ended (or the latest began). */
  lastUsed: number;
  /** Requests and streams of it open now: a session with one is not idle. */
  open: number;
}

/** `response` with `onEnd` called once its body has been sent, or given up by the client (at once without a body). */
function whenAnswered(response: Response, onEnd: () => void): Response {
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    onEnd();
  };
  if (response.body === null) {
    end();
    return response;
  }
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          end();
          controller.close();
        } else controller.enqueue(value);
      } catch (error) {
        end();
        controller.error(error);
      }
    },
    cancel(reason) {
      end();
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** A JSON-RPC error answer without an id (nothing was read to answer), as HTTP `status`. */
function rpcError(status: number, code: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ jsonrpc: '2.0', error: { code, message } }), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** True once a session has ended (sign-out ends every session; the endpoint then opens a new one). */
function ended(session: TenantSession): boolean {
  return (session as { closed?: unknown }).closed === true;
}

/** Starts the endpoint on 127.0.0.1. */
export async function startMcpHttpEndpoint(options: McpHttpEndpointOptions): Promise<McpHttpEndpoint> {
  const log = options.log ?? (() => undefined);
  const maxLegacy = options.maxLegacySessions ?? httpEndpointDefaults.maxLegacySessions;
  const idleMs = options.legacyIdleMs ?? httpEndpointDefaults.legacyIdleMs;
  const legacy = new Map<string, LegacySession>();
  const calls = options.calls ?? new CallLimits();
  let port = 0;

  // The endpoint's own session, for stateless (2026-07-28) requests: opened on first use.
  let shared: TenantSession | null = null;
  const sharedSession = async (): Promise<TenantSession> => {
    if (shared !== null && !ended(shared)) return shared;
    // Nameless until a request names its client (its `_meta`, else its User-Agent): the panel shows who called.
    shared = await options.registry.openMcpSession({ name: null, version: null });
    return shared;
  };
  const modernServers = new Set<BoundMcpServer>();
  // One per endpoint: the request that carries a person's answer is served by another server than the one that asked.
  const confirmations = new ConfirmationStates();
  const modern = createMcpHandler(
    async () => {
      const bound = createMcpServer({ session: await sharedSession(), mode: options.mode, audit: options.audit, log, version: options.version, calls, confirmations, ...(options.uploads === undefined ? {} : { uploads: options.uploads }) });
      // One instance per request: its listener on the session goes when the request's server closes.
      modernServers.add(bound);
      bound.server.server.onclose = () => {
        modernServers.delete(bound);
        bound.dispose();
      };
      return bound.server;
    },
    { legacy: 'reject', onerror: (error) => log(`nevent-companion mcp http: ${error.message}`) },
  );
  // Stateless clients keep no server of ours open: what they list changes reach them on their
  // `subscriptions/listen` stream, through the handler's notifier (legacy sessions announce it themselves).
  const listed = new ListedTools(allTools, [modeFilter(options.mode)]);
  const stopAnnouncing = listed.onDidChange(() => modern.notify.toolsChanged());

  const endLegacy = (id: string): void => {
    const entry = legacy.get(id);
    if (entry === undefined) return;
    legacy.delete(id);
    entry.bound.dispose();
    entry.session.close();
    options.audit?.sessionEnded(entry.session.id);
    void entry.transport.close().catch(() => undefined);
  };
  const sweep = (now: number): void => {
    for (const [id, entry] of legacy) if (entry.open === 0 && now - entry.lastUsed > idleMs) endLegacy(id);
  };
  /** Ends the least recently used idle session to make room; false when every session is busy. */
  const endLeastRecentlyUsedIdle = (): boolean => {
    let oldest: [string, LegacySession] | null = null;
    for (const pair of legacy) if (pair[1].open === 0 && (oldest === null || pair[1].lastUsed < oldest[1].lastUsed)) oldest = pair;
    if (oldest === null) return false;
    endLegacy(oldest[0]);
    return true;
  };
  /** Serves one request of a session, which is busy until the answer (or its stream) has ended. */
  const handleIn = async (entry: LegacySession, request: Request): Promise<Response> => {
    entry.open += 1;
    entry.lastUsed = Date.now();
    const done = (): void => {
      entry.open -= 1;
      entry.lastUsed = Date.now();
    };
    let response: Response;
    try {
      response = await entry.transport.handleRequest(request);
    } catch (error) {
      done();
      throw error;
    }
    return whenAnswered(response, done);
  };

  const serveLegacy = async (request: Request): Promise<Response> => {
    const now = Date.now();
    sweep(now);
    const id = request.headers.get('mcp-session-id');
    if (id !== null) {
      const entry = legacy.get(id);
      if (entry === undefined) return rpcError(404, -32001, 'Session not found: start a new one with initialize.');
      return handleIn(entry, request);
    }
    if (request.method !== 'POST') return rpcError(400, -32000, 'Bad Request: Mcp-Session-Id header is required.');
    if (legacy.size >= maxLegacy && !endLeastRecentlyUsedIdle()) return rpcError(503, -32000, `Nevent Companion already has ${maxLegacy} MCP sessions over HTTP, all of them busy; close some AI clients and retry.`);
    let session: TenantSession;
    try {
      session = await options.registry.openMcpSession();
    } catch (error) {
      const data = errorDataOf(error);
      return rpcError(503, -32001, data.code === 'signed_out' ? 'Nevent Companion is not signed in: sign in in the app, then reconnect.' : 'Nevent Companion could not open a session.');
    }
    const bound = createMcpServer({ session, mode: options.mode, audit: options.audit, log, version: options.version, calls, ...(options.uploads === undefined ? {} : { uploads: options.uploads }) });
    const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sessionId) => {
        legacy.set(sessionId, { transport, session, bound, lastUsed: Date.now(), open: 0 });
      },
      onsessionclosed: (sessionId) => endLegacy(sessionId),
    });
    transport.onclose = () => {
      if (transport.sessionId !== undefined) endLegacy(transport.sessionId);
    };
    await bound.server.connect(transport);
    const response = await transport.handleRequest(request);
    // Not an initialize (or refused): no session came of it.
    if (transport.sessionId === undefined || !legacy.has(transport.sessionId)) {
      bound.dispose();
      session.close();
      await bound.server.close().catch(() => undefined);
    }
    return response;
  };

  const app = new Hono();
  app.use('*', async (c: Context, next) => {
    const reason = checkHostAndOrigin(port, c.req.header('host'), c.req.header('origin'), c.req.header('sec-fetch-site'));
    if (reason !== null) {
      log(`nevent-companion mcp http: refused ${c.req.method} ${c.req.path}: ${reason}`);
      return rpcError(403, -32000, `Refused: ${reason}.`);
    }
    // No OAuth here: its discovery documents are a definite 404, token or not (oauth-absent.ts).
    if (isOAuthPath(c.req.path)) return noOAuthResponse();
    if (!options.token.accepts(c.req.header('authorization'))) {
      return rpcError(401, -32001, `Refused: missing or wrong bridge token. Set ${bridgeTokenEnvVar}, in the environment the AI client starts from, to the token Nevent Companion showed when it was created (sent as Authorization: Bearer …); if it is lost, create a new one in the app's MCP panel or with \`nevent-companion serve --http\`.`, { 'www-authenticate': 'Bearer realm="nevent-companion"' });
    }
    await next();
  });
  app.all('/mcp', async (c) => {
    const request = c.req.raw;
    const sessionful = request.headers.has('mcp-session-id') || request.method === 'GET' || request.method === 'DELETE';
    if (sessionful || (await isLegacyRequest(request))) return serveLegacy(request);
    return modern.fetch(request);
  });
  app.all('*', () => rpcError(404, -32601, 'Not found: the MCP endpoint is /mcp.'));

  const server = await new Promise<Server>((resolve, reject) => {
    const created = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: '127.0.0.1' }, () => resolve(created as Server)) as Server;
    created.once('error', reject);
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://127.0.0.1:${port}/mcp`,
    legacySessionCount: () => legacy.size,
    async close() {
      stopAnnouncing();
      listed.dispose();
      for (const id of [...legacy.keys()]) endLegacy(id);
      for (const bound of [...modernServers]) await bound.server.close().catch(() => undefined);
      shared?.close();
      shared = null;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
