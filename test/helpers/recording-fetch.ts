/** A fetch that records every request (method, path, bearer) before passing it to the real fetch. */
import type { FetchLike } from '../../src-main/core/http/http-client';

/** One recorded request. */
export interface RecordedRequest {
  method: string;
  /** Path without the query. */
  path: string;
  url: string;
  query: URLSearchParams;
  bearer: string | null;
}

/** A recording fetch and its log. */
export interface RecordingFetch {
  fetch: FetchLike;
  requests: RecordedRequest[];
  /** Requests whose path ends with `suffix` (e.g. '/segmentation/criteria'). */
  count(suffix: string, method?: string): number;
  clear(): void;
}

/** Wraps `inner` (default: global fetch) and records requests. */
export function recordingFetch(inner: FetchLike = (input, init) => fetch(input, init)): RecordingFetch {
  const requests: RecordedRequest[] = [];
  return {
    requests,
    fetch: (input, init) => {
      const url = new URL(input);
      const headers = new Headers(init.headers);
      const auth = headers.get('authorization');
      requests.push({ method: init.method ?? 'GET', path: url.pathname, url: input, query: url.searchParams, bearer: auth?.replace(/^Bearer /, '') ?? null });
      return inner(input, init);
    },
    count: (suffix, method) => requests.filter((r) => r.path.endsWith(suffix) && (method === undefined || r.method === method)).length,
    clear: () => {
      requests.length = 0;
    },
  };
}
