/**
 * A loopback proxy in front of the demo API that can hold one request mid-flight until the test lets it
 * go, and records the tenant of the bearer every request was sent with. It also serves one PNG at
 * `/__image.png` (an image URL for uploads, held the same way), so a race test can stop a call at a
 * chosen request — an event, never a sleep — run something else meanwhile, and then see which tenant's
 * token each later request of the call carried.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tokenTenant } from './reliability-helpers';

/** A 1×1 PNG. */
export const pixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** The path of the proxy's own image. */
export const imagePath = '/__image.png';

/** One request as it passed the proxy. */
export interface ProxiedRequest {
  method: string;
  /** Path without the query. */
  path: string;
  /** The tenant claim of the bearer it carried; null without one. */
  tenant: string | null;
}

/** A request stopped at the proxy. */
export interface HeldRequest {
  /** Resolves when the matching request has arrived (and is being held). */
  reached: Promise<ProxiedRequest>;
  /** Lets it through. */
  release(): void;
}

/** A running proxy. */
export interface HoldingProxy {
  url: string;
  dataUrl: string;
  /** Every request so far, in arrival order. */
  requests: ProxiedRequest[];
  /** Holds the next request for which `match` is true (one request; later ones pass). */
  hold(match: (request: ProxiedRequest) => boolean): HeldRequest;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Starts the proxy in front of `targetUrl` (the demo API's base URL). */
export async function startHoldingProxy(targetUrl: string): Promise<HoldingProxy> {
  const requests: ProxiedRequest[] = [];
  const holds: Array<{ match: (request: ProxiedRequest) => boolean; arrived: (request: ProxiedRequest) => void; released: Promise<void> }> = [];

  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://proxy');
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const seen: ProxiedRequest = { method: req.method ?? 'GET', path: url.pathname, tenant: bearer === undefined ? null : tokenTenant(bearer) };
      requests.push(seen);
      const index = holds.findIndex((h) => h.match(seen));
      if (index >= 0) {
        const [held] = holds.splice(index, 1);
        held?.arrived(seen);
        await held?.released;
      }
      if (url.pathname === imagePath) {
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(pixelPng.length) }).end(pixelPng);
        return;
      }
      const headers: Record<string, string> = {};
      for (const name of ['authorization', 'content-type', 'accept']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const answer = await fetch(`${targetUrl}${req.url ?? '/'}`, { method: req.method, headers, ...(body.length > 0 ? { body: new Uint8Array(body) } : {}) });
      const bytes = Buffer.from(await answer.arrayBuffer());
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(bytes);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const releases: Array<() => void> = [];
  return {
    url,
    dataUrl: `${url}/data`,
    requests,
    hold(match) {
      let arrived!: (request: ProxiedRequest) => void;
      let release!: () => void;
      const reached = new Promise<ProxiedRequest>((resolve) => {
        arrived = resolve;
      });
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      releases.push(release);
      holds.push({ match, arrived, released });
      return { reached, release };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const release of releases) release();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
