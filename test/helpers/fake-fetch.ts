/** A programmable in-process fetch for unit tests: route by "METHOD /path", answer JSON. */
import type { FetchLike } from '../../src-main/core/http/http-client';

/** What a handler sees of a request. */
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  bearer: string | null;
  signal: AbortSignal | null;
}

/** A handler's answer: a Response, or `[status, jsonBody]`. */
export type FakeAnswer = Response | [number, unknown];

/** A route handler. */
export type FakeHandler = (req: FakeRequest) => FakeAnswer | Promise<FakeAnswer>;

/** A fake fetch and the log of what it was asked. */
export interface FakeFetch {
  fetch: FetchLike;
  calls: FakeRequest[];
  /** Sets (or replaces) the handler of "METHOD /path" (path without query; `*` matches one segment). */
  on(route: string, handler: FakeHandler): void;
  count(route: string): number;
}

function matches(pattern: string, route: string): boolean {
  const a = pattern.split('/');
  const b = route.split('/');
  return a.length === b.length && a.every((part, i) => part === '*' || part === b[i]);
}

/** Creates a fake fetch; unknown routes answer 404 in the API's error shape. */
export function fakeFetch(): FakeFetch {
  const routes = new Map<string, FakeHandler>();
  const calls: FakeRequest[] = [];
  const fetchImpl: FetchLike = async (input, init) => {
    const url = new URL(input);
    const auth = new Headers(init.headers).get('authorization');
    const req: FakeRequest = {
      method: init.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : null,
      bearer: auth?.replace(/^Bearer /, '') ?? null,
      signal: init.signal ?? null,
    };
    calls.push(req);
    const key = `${req.method} ${req.path}`;
    const handler = [...routes.entries()].find(([pattern]) => matches(pattern, key))?.[1];
    const answer = handler === undefined ? ([404, { statusCode: 404, error: 'Not Found', message: `no route ${key}` }] as FakeAnswer) : await handler(req);
    if (answer instanceof Response) return answer;
    const [status, body] = answer;
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return {
    fetch: fetchImpl,
    calls,
    on: (route, handler) => {
      routes.set(route, handler);
    },
    count: (route) => calls.filter((c) => matches(route, `${c.method} ${c.path}`)).length,
  };
}
