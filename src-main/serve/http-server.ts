/**
 * `serve`'s HTTP side: the built renderer on 127.0.0.1 and the IPC contract over HTTP.
 *
 *   POST /api/<channel>  body {payload?}  → the same dispatcher as Electron IPC → IpcResult JSON
 *   GET  /api/events                      → Server-Sent Events: `event: <channel>`, `id: <n>`, `data: <json>`;
 *                                           every stream starts with the current snapshots
 *   POST /auth/handoff   body {replaces?} → a single-use, short-lived code for a reload / second tab
 *   POST /auth/redeem    body {code}      → { token } once per code (no token needed: the code is it)
 *   GET  /*                               → out/renderer (index.html for unknown paths)
 *
 * Every request passes the request guard first (Host, Origin); the API and /auth/handoff need the token
 * in its header. No credential is ever put in a cookie: cookies are not isolated by port, so any other
 * web server on 127.0.0.1 the browser visits would receive it. The page and its assets are
 * public code and need none. No CORS headers are ever sent.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import type { EventChannel } from '../../src-shared/ipc';
import { eventStreamHeartbeatMs, ipcFail } from '../../src-shared/ipc';
import type { ErrorCode } from '../../src-shared/errors';
import type { Dispatch } from '../app/dispatcher';
import type { EventHub } from '../app/event-hub';
import { HandoffStore } from './handoff';
import { tokenMatches } from './request-guard';
import { checkHostAndOrigin } from '../../src-shared/loopback-origin';
import { serveTokenHeader } from '../../src-shared/transport-contract';
import { contentSecurityPolicy } from '../../src-shared/content-security-policy';

/** What the HTTP server is built from. */
export interface ServeHttpOptions {
  dispatch: Dispatch;
  events: EventHub;
  /** The events every new stream starts with (current app state, current sessions). */
  initialEvents: () => Array<{ channel: EventChannel; payload: unknown }>;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  token: string;
  /** 0 picks a free port. */
  port: number;
  /** Keep-alive comment interval on event streams. */
  heartbeatMs?: number;
  /** Hand-off codes (tests pass one with a short life or a fake clock). */
  handoffs?: HandoffStore;
  log?: (line: string) => void;
}

/** A running `serve` HTTP server. */
export interface ServeHttp {
  port: number;
  /** Origin, e.g. `http://127.0.0.1:4321`. */
  origin: string;
  /** The URL to open: the origin with the token (the page takes it out of the address bar at once). */
  uiUrl: string;
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;

const securityHeaders: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

function refuse(c: Context, status: 401 | 403 | 413 | 415, code: ErrorCode, message: string): Response {
  return c.json(ipcFail(code, message), status);
}

/** Starts the server on 127.0.0.1; resolves once it listens. */
export async function startServeHttp(options: ServeHttpOptions): Promise<ServeHttp> {
  const log = options.log ?? (() => undefined);
  const heartbeatMs = options.heartbeatMs ?? eventStreamHeartbeatMs;
  const openStreams = new Set<() => void>();
  let port = 0;
  const app = new Hono();

  app.use('*', async (c, next) => {
    const reason = checkHostAndOrigin(port, c.req.header('host'), c.req.header('origin'), c.req.header('sec-fetch-site'));
    if (reason !== null) {
      log(`refused ${c.req.method} ${c.req.path}: ${reason}`);
      return refuse(c, 403, 'forbidden', `Refused: ${reason}.`);
    }
    // No CORS: a preflight is never answered with Access-Control-Allow-*.
    if (c.req.method === 'OPTIONS') return refuse(c, 403, 'forbidden', 'Refused: cross-origin requests are not allowed.');
    await next();
    for (const [name, value] of Object.entries(securityHeaders)) c.res.headers.set(name, value);
  });

  const requireToken = async (c: Context, next: () => Promise<void>): Promise<Response | void> => {
    if (!tokenMatches(options.token, c.req.header(serveTokenHeader))) return refuse(c, 401, 'authentication_failed', 'Refused: missing or wrong access token. Open the "ui:" URL that serve printed.');
    await next();
  };
  app.use('/api/*', requireToken);
  app.use('/auth/handoff', requireToken);

  const handoffs = options.handoffs ?? new HandoffStore();
  const limit = bodyLimit({ maxSize: maxBodyBytes, onError: (c) => refuse(c, 413, 'invalid_request', 'The request is too large.') });
  /** The JSON object body of a POST, or the refusal to answer with. */
  const jsonBody = async (c: Context): Promise<{ body: Record<string, unknown> } | { refused: Response }> => {
    // JSON only: a cross-site form cannot send it without a CORS preflight, which is never answered.
    if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) return { refused: refuse(c, 415, 'invalid_request', 'Send JSON (content-type: application/json).') };
    const text = await c.req.text();
    let body: unknown;
    try {
      body = text === '' ? {} : JSON.parse(text);
    } catch {
      return { refused: c.json(ipcFail('invalid_request', 'The request body is not valid JSON.')) };
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return { refused: c.json(ipcFail('invalid_request', 'The request body must be a JSON object.')) };
    return { body: body as Record<string, unknown> };
  };

  app.post('/auth/handoff', limit, async (c) => {
    const read = await jsonBody(c);
    if ('refused' in read) return read.refused;
    const replaces = typeof read.body.replaces === 'string' ? read.body.replaces : undefined;
    return c.json(handoffs.issue(replaces));
  });

  app.post('/auth/redeem', limit, async (c) => {
    const read = await jsonBody(c);
    if ('refused' in read) return read.refused;
    const code = read.body.code;
    if (typeof code !== 'string' || !handoffs.redeem(code)) return refuse(c, 401, 'authentication_failed', 'This hand-off is used up or expired. Open the "ui:" URL that serve printed.');
    return c.json({ token: options.token });
  });

  app.all('/auth/*', (c) => c.json(ipcFail('invalid_request', 'Unknown path.'), 404));

  app.get('/api/events', (c) =>
    streamSSE(c, async (stream) => {
      let id = 0;
      let queue: Promise<void> = Promise.resolve();
      // Writes are chained: events leave in the order they were emitted.
      const send = (channel: EventChannel, payload: unknown): void => {
        id += 1;
        const message = { event: channel, id: String(id), data: JSON.stringify(payload) };
        queue = queue.then(() => stream.writeSSE(message)).catch(() => undefined);
      };
      for (const event of options.initialEvents()) send(event.channel, event.payload);
      const unsubscribe = options.events.subscribe(send);
      const heartbeat = setInterval(() => {
        queue = queue.then(() => stream.write(': keep-alive\n\n')).then(() => undefined).catch(() => undefined);
      }, heartbeatMs);
      await new Promise<void>((resolve) => {
        const end = (): void => {
          clearInterval(heartbeat);
          unsubscribe();
          openStreams.delete(end);
          resolve();
        };
        openStreams.add(end);
        stream.onAbort(end);
      });
      await queue;
    }),
  );

  app.post('/api/:channel', limit, async (c) => {
    const read = await jsonBody(c);
    if ('refused' in read) return read.refused;
    return c.json(await options.dispatch(c.req.param('channel'), read.body.payload));
  });

  app.all('/api/*', (c) => c.json(ipcFail('invalid_request', 'Unknown API path.'), 404));

  // The page and its assets need no credential: the page reads the token from the launch URL (or
  // redeems a hand-off) and sends it in a header; see src-renderer/bridge/web-session.ts.
  if (existsSync(join(options.rendererDir, 'index.html'))) {
    app.use('*', serveStatic({ root: options.rendererDir }));
    app.get('*', serveStatic({ root: options.rendererDir, path: 'index.html' }));
  } else {
    app.get('*', (c) => c.text('The web UI is not built. Run `npm run build`, then start serve again.\n', 503));
  }

  const server = await new Promise<Server>((resolve, reject) => {
    const created = serve({ fetch: app.fetch, port: options.port, hostname: '127.0.0.1' }, () => resolve(created as Server)) as Server;
    created.once('error', reject);
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    port,
    origin,
    uiUrl: `${origin}/?token=${options.token}`,
    async close() {
      for (const end of [...openStreams]) end();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
