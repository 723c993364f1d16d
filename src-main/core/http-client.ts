/**
 * The one HTTP layer of the core: JSON over pooled node:http(s) connections (node-http-transport.ts;
 * uploads, redirects and an injected `fetch` go through fetch), a timeout and an AbortSignal on every
 * request, and every failure turned into a `CoreError` with a code from the shared union
 * and a message that never carries a token.
 */
import { firstIssue } from '../../src-shared/zod-issue';
import type { ZodType } from 'zod';
import { ApiShapeError, readApiErrorBody } from '../../src-shared/api';
import { errorCodeForHttpStatus, errorCodes, type ErrorCode } from '../../src-shared/errors';
import { onAbort } from './abort-fanout';
import { NodeHttpTransport, type RawAnswer } from './node-http-transport';
import { redactSecrets } from './redact';
import { CoreError } from './tenant-session';

/** The subset of `fetch` the core uses; tests pass a wrapped or fake one. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** One API request. `baseUrl` is the core API or the data API. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  baseUrl: string;
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** A multipart/form-data body with one file part instead of JSON (the media upload); never with `body`. */
  file?: UploadFile;
  /** Access token for `Authorization: Bearer`; absent for sign-in and refresh. */
  bearer?: string;
  /** Overrides the client's default timeout. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** One file sent as a multipart/form-data part. */
export interface UploadFile {
  /** The form field name (`file` for the media upload). */
  field: string;
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** A CoreError that came from an HTTP status (the token broker needs to see 401s). */
export class HttpStatusError extends CoreError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly status: number,
    param?: string,
  ) {
    super(code, message, param);
    this.name = 'HttpStatusError';
  }
}

/** Default per-request timeout. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

const knownCodes: ReadonlySet<string> = new Set(errorCodes);

function describe(req: HttpRequest): string {
  return `${req.method} ${req.path}`;
}

function fallbackMessage(status: number, req: HttpRequest): string {
  switch (errorCodeForHttpStatus(status)) {
    case 'authentication_failed':
      return 'the Nevent API did not accept the credentials';
    case 'forbidden':
      return 'the signed-in user may not do this';
    case 'not_found':
      return `not found (${describe(req)})`;
    case 'conflict':
      return 'the resource was changed by someone else; reload it and try again';
    case 'rate_limit_exceeded':
      return 'too many requests; wait a moment and try again';
    case 'api_unavailable':
      return `the Nevent API is unavailable (HTTP ${status})`;
    default:
      return `the Nevent API failed (HTTP ${status} on ${describe(req)})`;
  }
}

/**
 * Turns an error response into a CoreError: the API's own message whatever the body's shape, the API's
 * code when it is one of ours (in any letter case: `NOT_FOUND` is `not_found`), else the code by status.
 */
export function errorFromResponse(status: number, body: unknown, req: HttpRequest): HttpStatusError {
  const detail = readApiErrorBody(body);
  const apiCode = detail.code?.toLowerCase();
  const code: ErrorCode = apiCode !== undefined && knownCodes.has(apiCode) ? (apiCode as ErrorCode) : errorCodeForHttpStatus(status);
  const retry = detail.retryAfterSeconds === null ? '' : ` (retry after ${detail.retryAfterSeconds} s)`;
  const limited = code === 'rate_limit_exceeded';
  const message = `${detail.message ?? fallbackMessage(status, req)}${limited ? retry : ''}`;
  const bearer = req.bearer === undefined ? [] : [req.bearer];
  // As Nevent AI answers a rate limit: `param` is the seconds to wait, when the API said.
  const param = detail.param ?? (limited && detail.retryAfterSeconds !== null ? String(detail.retryAfterSeconds) : undefined);
  return new HttpStatusError(code, redactSecrets(message, bearer), status, param);
}

function networkError(error: unknown, req: HttpRequest): CoreError {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const detail = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  let host = req.baseUrl;
  try {
    host = new URL(req.baseUrl).host;
  } catch {
    // keep the raw base URL
  }
  return new CoreError('api_unavailable', `could not reach the Nevent API at ${host}${detail}`);
}

/** The error for a request its caller cancelled: the caller's CoreError reason (e.g. `signed_out`). */
function cancelled(req: HttpRequest): CoreError {
  const reason: unknown = req.signal?.reason;
  return reason instanceof CoreError ? reason : new CoreError('internal_error', `request cancelled (${describe(req)})`);
}

function buildUrl(req: HttpRequest): string {
  const url = new URL(req.baseUrl.replace(/\/+$/, '') + req.path);
  for (const [key, value] of Object.entries(req.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/** JSON over fetch with timeouts and error mapping. Stateless apart from its dependencies. */
export class HttpClient {
  private readonly fetchImpl: FetchLike;
  private readonly timeoutMs: number;

  /** The timeout of a request that names none. */
  get defaultTimeoutMs(): number {
    return this.timeoutMs;
  }
  /** The JSON path without fetch (node:http keep-alive); absent when a `fetch` was given (tests, fakes). */
  private readonly transport: NodeHttpTransport | null;

  constructor(deps: { fetch?: FetchLike; timeoutMs?: number } = {}) {
    this.fetchImpl = deps.fetch ?? ((input, init) => fetch(input, init));
    this.transport = deps.fetch === undefined ? new NodeHttpTransport() : null;
    this.timeoutMs = deps.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  }

  /** Closes pooled connections (idle ones never keep the process alive; this frees them at once). */
  close(): void {
    this.transport?.close();
  }

  /** Sends the request; resolves to the parsed JSON body (null for an empty body) or rejects with a CoreError. */
  async request(req: HttpRequest): Promise<unknown> {
    if (req.signal?.aborted === true) throw cancelled(req);
    const timeoutMs = req.timeoutMs ?? this.timeoutMs;
    // One controller per request, tied to the caller's (long-lived, per-session) signal through one
    // shared listener on that signal (onAbort): AbortSignal.any, or a listener per request, would put
    // one listener on the session's signal per request in flight (MaxListenersExceededWarning beyond ten).
    const controller = new AbortController();
    const timeout = { aborted: false };
    const timer = setTimeout(() => {
      timeout.aborted = true;
      controller.abort();
    }, timeoutMs);
    const caller = req.signal;
    const stopWaiting = caller === undefined ? () => undefined : onAbort(caller, () => controller.abort(caller.reason));
    try {
      return await this.send(req, controller.signal, timeout, timeoutMs);
    } finally {
      clearTimeout(timer);
      stopWaiting();
    }
  }

  private async send(req: HttpRequest, signal: AbortSignal, timeout: { aborted: boolean }, timeoutMs: number): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    if (req.bearer !== undefined) headers.authorization = `Bearer ${req.bearer}`;
    const init: RequestInit & { headers: Record<string, string>; signal: AbortSignal } = { method: req.method, headers, signal };
    if (req.body !== undefined) init.body = JSON.stringify(req.body);
    else if (req.file !== undefined) {
      // fetch sets the multipart content type with its boundary itself.
      const form = new FormData();
      form.append(req.file.field, new Blob([Uint8Array.from(req.file.bytes)], { type: req.file.mimeType }), req.file.fileName);
      init.body = form;
    }

    let response: RawAnswer;
    try {
      response = await this.exchange(buildUrl(req), init, req);
    } catch (error) {
      if (timeout.aborted) throw new CoreError('timeout', `the Nevent API did not answer within ${timeoutMs} ms (${describe(req)})`);
      if (req.signal?.aborted === true) throw cancelled(req);
      throw networkError(error, req);
    }

    const { text } = response;
    let body: unknown = null;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        if (response.ok) throw new CoreError('api_error', `the Nevent API sent a response that is not JSON (${describe(req)})`);
        // Error bodies may be plain text ("Forbidden"): the error reader shows them (HTML pages excepted).
        body = text;
      }
    }
    if (!response.ok) throw errorFromResponse(response.status, body, req);
    return body;
  }

  /** One exchange: JSON over the pooled transport when there is one; uploads and redirects through fetch. */
  private async exchange(url: string, init: RequestInit & { headers: Record<string, string>; signal: AbortSignal }, req: HttpRequest): Promise<RawAnswer> {
    if (this.transport !== null && req.file === undefined) {
      const answer = await this.transport.send(url, { method: req.method, headers: init.headers, signal: init.signal, ...(typeof init.body === 'string' ? { body: init.body } : {}) });
      if (answer !== null) return answer;
    }
    const response = await this.fetchImpl(url, init);
    return { status: response.status, ok: response.ok, text: await response.text() };
  }

  /** Sends the request and validates the body with `schema`; a mismatch is an `api_error`. */
  async requestParsed<T>(req: HttpRequest, schema: ZodType<T>): Promise<T> {
    return parseResponse(await this.request(req), schema, req);
  }
}

/** Validates a response body; a mismatch is an `api_error` naming the endpoint and the field (never the body). */
export function parseResponse<T>(body: unknown, schema: ZodType<T>, req: Pick<HttpRequest, 'method' | 'path'>): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    const where = ` at ${issue.path || '(root)'}: ${issue.message}`;
    throw new CoreError('api_error', `unexpected response shape from ${req.method} ${req.path}${where}`);
  }
  return parsed.data;
}

/**
 * Runs a normalizer over a response body; an ApiShapeError (the body lacks what the code needs)
 * becomes an `api_error` naming the endpoint and the missing field.
 */
export function readResponse<T>(body: unknown, normalize: (body: unknown) => T, req: Pick<HttpRequest, 'method' | 'path'>): T {
  try {
    return normalize(body);
  } catch (error) {
    if (error instanceof ApiShapeError) throw new CoreError('api_error', `unexpected response from ${req.method} ${req.path}: ${error.message}`, error.field);
    throw error;
  }
}
