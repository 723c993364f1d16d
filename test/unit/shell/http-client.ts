/** A tiny HTTP client over node:http (fetch may not send a forged Host header) and an SSE reader. */
import { request } from 'node:http';
import { createServerSentEventReader, type ServerSentEvent } from '../../../src-renderer/bridge/web-transport';

/** A plain answer. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends one request to 127.0.0.1:port. */
export function httpRequest(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers }, timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end(options.body);
  });
}

/** Calls one contract channel. */
export async function callApi(port: number, token: string, channel: string, payload?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: { ok: boolean; value?: never; error?: { code: string; message: string } } }> {
  const answer = await httpRequest(port, { method: 'POST', path: `/api/${channel}`, headers: { 'content-type': 'application/json', 'x-nevent-token': token, ...headers }, body: JSON.stringify(payload === undefined ? {} : { payload }) });
  return { status: answer.status, json: JSON.parse(answer.body) as never };
}

/** Opens the event stream; collects events until closed. */
export function openEventStream(port: number, token: string): Promise<{ events: ServerSentEvent[]; status: number; close(): void; waitFor(predicate: (events: ServerSentEvent[]) => boolean, timeoutMs?: number): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const events: ServerSentEvent[] = [];
    const waiters = new Set<() => void>();
    const req = request({ host: '127.0.0.1', port, path: '/api/events', headers: { host: `127.0.0.1:${port}`, 'x-nevent-token': token, accept: 'text/event-stream' } }, (res) => {
      const reader = createServerSentEventReader((event) => events.push(event));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        reader.feed(chunk);
        for (const w of [...waiters]) w();
      });
      res.on('error', () => undefined);
      resolve({
        events,
        status: res.statusCode ?? 0,
        close: () => req.destroy(),
        waitFor: (predicate, timeoutMs = 5000) =>
          new Promise<void>((done, fail) => {
            if (predicate(events)) return done();
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`timed out waiting for events; got ${events.map((e) => e.event).join(', ')}`));
            }, timeoutMs);
            const check = (): void => {
              if (!predicate(events)) return;
              clearTimeout(timer);
              waiters.delete(check);
              done();
            };
            waiters.add(check);
          }),
      });
    });
    req.on('error', (error) => (events.length === 0 ? reject(error) : undefined));
    req.end();
  });
}
