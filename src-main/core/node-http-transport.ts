/**
 * The core's JSON requests over `node:http` / `node:https` with keep-alive agents (per-call
 * cost). Every tool call makes at least one API request, and `fetch` (undici: a WHATWG Request,
 * Response, Headers and body stream per call) cost about 2–3× the CPU of this per request on the
 * benchmark machine. What fetch does that this does not — multipart bodies, following redirects — stays
 * with fetch: `HttpClient` sends uploads through fetch, and a redirect answer here is handed back as
 * `null` so the caller repeats the request through fetch, which follows it as it always did.
 *
 *   send ─> agent (kept-alive socket) ─> status + headers ─> 3xx? ─> null (caller uses fetch)
 *                                                          └> body (gunzip / inflate / brotli) ─> text
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** One request as `HttpClient` builds it. */
export interface RawRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

/** A complete answer: status and the body as text (UTF-8, a leading BOM dropped, as `Response.text()`). */
export interface RawAnswer {
  status: number;
  ok: boolean;
  text: string;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
// A server may close an idle kept-alive connection just as a request goes out on it; it has then not
// read the request, so sending it again on a new connection is safe — for a request that may be sent
// twice. A POST is not sent again: a connection cut after the server acted on it (a refresh token
// rotated, a segment created) would repeat the action, and a repeated refresh signs the person out.
const staleSocketCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
const idempotentMethods = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

function decoded(response: IncomingMessage): Readable {
  switch (response.headers['content-encoding']?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return response.pipe(createGunzip());
    case 'deflate':
      return response.pipe(createInflate());
    case 'br':
      return response.pipe(createBrotliDecompress());
    default:
      return response;
  }
}

/** Sends JSON requests over pooled connections; `close()` ends the pool. */
export class NodeHttpTransport {
  private readonly httpAgent = new HttpAgent({ keepAlive: true });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true });

  /**
   * Sends the request and reads the whole answer; null for a redirect (not followed here). Rejects like
   * fetch does: an error whose `cause` is the socket's error (its `code`, e.g. ECONNREFUSED), or the
   * signal's reason once it aborted.
   */
  async send(url: string, init: RawRequest): Promise<RawAnswer | null> {
    try {
      return await this.once(url, init);
    } catch (error) {
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      if ((error as { reusedSocket?: boolean }).reusedSocket !== true || typeof code !== 'string' || !staleSocketCodes.has(code) || !idempotentMethods.has(init.method.toUpperCase()) || init.signal.aborted) throw error;
      return this.once(url, init);
    }
  }

  /** Closes every pooled connection. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private once(url: string, init: RawRequest): Promise<RawAnswer | null> {
    return new Promise<RawAnswer | null>((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br', ...init.headers };
      if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
      const send = secure ? httpsRequest : httpRequest;
      const request = send(target, { method: init.method, headers, agent: secure ? this.httpsAgent : this.httpAgent, signal: init.signal }, (response) => {
        const status = response.statusCode ?? 0;
        if (redirectStatuses.has(status) && response.headers.location !== undefined) {
          response.resume();
          resolve(null);
          return;
        }
        const chunks: Buffer[] = [];
        const body = decoded(response);
        body.on('data', (chunk: Buffer) => chunks.push(chunk));
        body.once('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status, ok: status >= 200 && status < 300, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text });
        });
        const fail = (error: Error): void => reject(Object.assign(new Error('the response could not be read'), { cause: error }));
        body.once('error', fail);
        if (body !== response) response.once('error', fail);
      });
      request.once('error', (error) => {
        if (init.signal.aborted) reject(init.signal.reason);
        else reject(Object.assign(new Error('fetch failed'), { cause: error, reusedSocket: request.reusedSocket }));
      });
      request.end(init.body);
    });
  }
}
