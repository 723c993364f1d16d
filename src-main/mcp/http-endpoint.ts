/**
 * The optional loopback MCP endpoint (DESIGN §4): Streamable HTTP at `http://127.0.0.1:PORT/mcp`, off
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
 * bounded (`maxLegacySessions`; idle ones are ended first) so a client that never says goodbye cannot
 * pile up sessions.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createMcpHandler, isLegacyRequest, WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/server';
import { Hono, type Context } from 'hono';
import type { TenantSession } from '../core/tenant-session';
import { checkHostAndOrigin } from '../serve/request-guard';
import type { McpAuditLog } from './audit-log';
import type { BridgeTokenStore } from './bridge-token';
import { bridgeTokenEnvVar } from './client-config/entry';
import { errorDataOf } from './envelope';
import type { OperationModeSource } from './operation-mode';
import { isOAuthPath, noOAuthResponse } from './oauth-absent';
import { createMcpServer, type BoundMcpServer, type McpLogger } from './server';
import type { McpSessionSource } from './session-source';
import type { UploadPolicySource } from './upload-policy';

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
  /** A legacy session unused this long is ended (default 1 h). */
  legacyIdleMs?: number;
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
export const httpEndpointDefaults = { maxLegacySessions: 32, legacyIdleMs: 60 * 60 * 1000 };

interface LegacySession {
  transport: WebStandardStreamableHTTPServerTransport;
  session: TenantSession;
  bound: BoundMcpServer;
  lastUsed: number;
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
  let port = 0;

  // The endpoint's own session, for stateless (2026-07-28) requests: opened on first use.
  let shared: TenantSession | null = null;
  const sharedSession = async (): Promise<TenantSession> => {
    if (shared !== null && !ended(shared)) return shared;
    shared = await options.registry.openMcpSession({ name: 'HTTP', version: null });
    return shared;
  };
  const modernServers = new Set<BoundMcpServer>();
  const modern = createMcpHandler(
    async () => {
      const bound = createMcpServer({ session: await sharedSession(), mode: options.mode, audit: options.audit, log, version: options.version, ...(options.uploads === undefined ? {} : { uploads: options.uploads }) });
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
    for (const [id, entry] of legacy) if (now - entry.lastUsed > idleMs) endLegacy(id);
  };

  const serveLegacy = async (request: Request): Promise<Response> => {
    const now = Date.now();
    sweep(now);
    const id = request.headers.get('mcp-session-id');
    if (id !== null) {
      const entry = legacy.get(id);
      if (entry === undefined) return rpcError(404, -32001, 'Session not found: start a new one with initialize.');
      entry.lastUsed = now;
      return entry.transport.handleRequest(request);
    }
    if (request.method !== 'POST') return rpcError(400, -32000, 'Bad Request: Mcp-Session-Id header is required.');
    if (legacy.size >= maxLegacy) return rpcError(503, -32000, `Nevent Companion already has ${maxLegacy} open MCP sessions over HTTP; close some AI clients and retry.`);
    let session: TenantSession;
    try {
      session = await options.registry.openMcpSession();
    } catch (error) {
      const data = errorDataOf(error);
      return rpcError(503, -32001, data.code === 'signed_out' ? 'Nevent Companion is not signed in: sign in in the app, then reconnect.' : 'Nevent Companion could not open a session.');
    }
    const bound = createMcpServer({ session, mode: options.mode, audit: options.audit, log, version: options.version, ...(options.uploads === undefined ? {} : { uploads: options.uploads }) });
    const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sessionId) => {
        legacy.set(sessionId, { transport, session, bound, lastUsed: Date.now() });
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
