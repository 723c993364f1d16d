/**
 * A loopback proxy in front of the demo API that remembers every token crossing it: bearer headers,
 * `access_token`/`refresh_token` (either case) in answers and `refreshToken` in requests. Every part
 * under test talks to the API through it, so the secrets scan knows every token that ever existed.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running proxy. */
export interface TokenCaptureProxy {
  url: string;
  dataUrl: string;
  /** Every token seen so far. */
  tokens: Set<string>;
  close(): Promise<void>;
}

const tokenKeys = new Set(['access_token', 'refresh_token', 'accessToken', 'refreshToken']);

function collect(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) collect(v, into);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (tokenKeys.has(k) && typeof v === 'string' && v.length > 8) into.add(v);
      else collect(v, into);
    }
  }
}

function tryCollect(text: string, into: Set<string>): void {
  try {
    collect(JSON.parse(text), into);
  } catch {
    // not JSON: nothing to collect
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Starts the proxy in front of `targetUrl` (the demo API's base URL). */
export async function startTokenCaptureProxy(targetUrl: string): Promise<TokenCaptureProxy> {
  const tokens = new Set<string>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (bearer !== undefined) tokens.add(bearer);
      tryCollect(body.toString('utf8'), tokens);
      const headers: Record<string, string> = {};
      for (const name of ['authorization', 'content-type', 'accept']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const answer = await fetch(`${targetUrl}${req.url ?? '/'}`, { method: req.method, headers, ...(body.length > 0 ? { body: body.toString('utf8') } : {}) });
      const text = await answer.text();
      tryCollect(text, tokens);
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(text);
    })().catch(() => {
      res.writeHead(502).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    dataUrl: `${url}/data`,
    tokens,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
