/**
 * The core's JSON path over node:http (per-call cost) against a real local server: what
 * fetch did for it before must still hold (compressed bodies, redirects followed, network errors and
 * time-outs reported the same way, a kept-alive connection the server dropped).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src-main/core/http-client';

const servers: Server[] = [];
const clients: HttpClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await Promise.all(servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<{ url: string; server: Server; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => handler(req, res, body));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, sockets };
}

function client(timeoutMs?: number): HttpClient {
  const created = new HttpClient(timeoutMs === undefined ? {} : { timeoutMs });
  clients.push(created);
  return created;
}

describe('HttpClient over node:http', () => {
  it('sends the JSON body and bearer, and reads a gzip answer', async () => {
    const seen: { method?: string; auth?: string; type?: string; body?: string }[] = [];
    const { url } = await serve((req, res, body) => {
      seen.push({ method: req.method, auth: req.headers.authorization, type: req.headers['content-type'], body });
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync(JSON.stringify({ ok: 'ñ' })));
    });
    expect(await client().request({ method: 'POST', baseUrl: url, path: '/users/tenant', body: { tenantId: 'tn-a' }, bearer: 'tkn' })).toEqual({ ok: 'ñ' });
    expect(seen).toEqual([{ method: 'POST', auth: 'Bearer tkn', type: 'application/json', body: '{"tenantId":"tn-a"}' }]);
  });

  it('follows a redirect as fetch did', async () => {
    const { url } = await serve((req, res) => {
      if (req.url === '/old') {
        res.writeHead(307, { location: '/new' });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ at: req.url }));
    });
    expect(await client().request({ method: 'GET', baseUrl: url, path: '/old' })).toEqual({ at: '/new' });
  });

  it('maps an error status, a refused connection and a silent server as before', async () => {
    const { url } = await serve((req, res) => {
      if (req.url === '/silent') return;
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'no access' }));
    });
    await expect(client().request({ method: 'GET', baseUrl: url, path: '/x' })).rejects.toMatchObject({ code: 'forbidden', status: 403, message: 'no access' });
    await expect(client(200).request({ method: 'GET', baseUrl: url, path: '/silent' })).rejects.toMatchObject({ code: 'timeout' });
    const closed = await serve(() => undefined);
    await new Promise<void>((resolve) => closed.server.close(() => resolve()));
    servers.splice(servers.indexOf(closed.server), 1);
    await expect(client().request({ method: 'GET', baseUrl: closed.url, path: '/x' })).rejects.toMatchObject({ code: 'api_unavailable', message: expect.stringMatching(/could not reach the Nevent API at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/) });
  });

  it('reuses one connection, and sends again on a new one when the server dropped the idle connection', async () => {
    let requests = 0;
    const { url, sockets } = await serve((_req, res) => {
      requests += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ n: requests }));
    });
    const http = client();
    await http.request({ method: 'GET', baseUrl: url, path: '/a' });
    await http.request({ method: 'GET', baseUrl: url, path: '/b' });
    expect(sockets.size).toBe(1);
    // The server drops the kept-alive connection without a word; the next request must still be answered.
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await http.request({ method: 'GET', baseUrl: url, path: '/c' })).toEqual({ n: 3 });
  });

  it('never sends a POST twice: a connection cut after the server read it fails the call instead', async () => {
    const posts: string[] = [];
    const { url } = await serve((req, res) => {
      if (req.method === 'POST') {
        posts.push(req.url ?? '');
        // The server acted on it (a refresh token rotated, say), then the connection broke.
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
    const http = client();
    await http.request({ method: 'GET', baseUrl: url, path: '/warm' }); // the POST goes out on a reused connection
    await expect(http.request({ method: 'POST', baseUrl: url, path: '/auth/refresh', body: { refreshToken: 'r' } })).rejects.toMatchObject({ code: 'api_unavailable' });
    expect(posts).toEqual(['/auth/refresh']);
  });
});
