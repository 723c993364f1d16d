import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { HttpClient, HttpStatusError } from '../../../src-main/core/http/http-client';
import { unwrapDataEnvelope } from '../../../src-shared/api';
import { CoreError } from '../../../src-main/core/common/core-error';
import { fakeFetch } from '../../helpers/fake-fetch';
import { fakeJwtShape } from '../../helpers/tokens';

const base = 'http://api.test';
const bearer = fakeJwtShape({ sub: 'x' }, 'signaturesignature');

async function failure(promise: Promise<unknown>): Promise<CoreError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof CoreError)) throw new Error(`expected a CoreError, got ${String(error)}`);
  return error;
}

describe('HttpClient', () => {
  it('sends JSON with the bearer and returns the parsed body', async () => {
    const fake = fakeFetch();
    fake.on('POST /things', (req) => [200, { got: req.body, auth: req.bearer, q: req.query.get('a') }]);
    const http = new HttpClient({ fetch: fake.fetch });
    const body = await http.request({ method: 'POST', baseUrl: `${base}/`, path: '/things', query: { a: 1, b: undefined }, body: { x: 1 }, bearer: 'tok' });
    expect(body).toEqual({ got: { x: 1 }, auth: 'tok', q: '1' });
    expect(fake.calls[0]?.query.has('b')).toBe(false);
  });

  it.each([
    [400, 'validation_failed'],
    [401, 'authentication_failed'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'conflict'],
    [422, 'validation_failed'],
    [429, 'rate_limit_exceeded'],
    [500, 'api_error'],
    [502, 'api_unavailable'],
    [503, 'api_unavailable'],
  ])('maps HTTP %i to %s', async (status, code) => {
    const fake = fakeFetch();
    fake.on('GET /x', () => [status, null]);
    const error = await failure(new HttpClient({ fetch: fake.fetch }).request({ method: 'GET', baseUrl: base, path: '/x' }));
    expect(error.code).toBe(code);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect((error as HttpStatusError).status).toBe(status);
  });

  it('uses the API error body: its message, its param, and its code when it is one of ours', async () => {
    const fake = fakeFetch();
    fake.on('PUT /segments/1', () => [409, { statusCode: 409, error: 'Conflict', message: ['version is stale', 'reload'], code: 'conflict', param: 'version' }]);
    fake.on('GET /t', () => [401, { statusCode: 401, error: 'Unauthorized', message: 'Access token has expired', code: 'token_expired' }]);
    fake.on('GET /odd', () => [403, { statusCode: 403, error: 'Forbidden', message: 'nope', code: 'SOMETHING_ELSE' }]);
    const http = new HttpClient({ fetch: fake.fetch });
    const conflict = await failure(http.request({ method: 'PUT', baseUrl: base, path: '/segments/1' }));
    expect(conflict.toData()).toEqual({ code: 'conflict', message: 'version is stale; reload', param: 'version' });
    expect((await failure(http.request({ method: 'GET', baseUrl: base, path: '/t' }))).code).toBe('token_expired');
    expect((await failure(http.request({ method: 'GET', baseUrl: base, path: '/odd' }))).code).toBe('forbidden');
  });

  it('reads the data API error body: its message with the detail in error', async () => {
    const fake = fakeFetch();
    fake.on('POST /data/segments/preview', () => [400, { success: false, message: 'Failed to preview segment', error: 'Invalid DSL: stanza 0 missing id' }]);
    fake.on('GET /data/x', () => [400, { success: false, message: 'Invalid query', error: 'INVALID_OPERATOR' }]);
    const http = new HttpClient({ fetch: fake.fetch });
    const dsl = await failure(http.request({ method: 'POST', baseUrl: base, path: '/data/segments/preview' }));
    expect(dsl.toData()).toEqual({ code: 'validation_failed', message: 'Failed to preview segment: Invalid DSL: stanza 0 missing id' });
    // An upper-case code is the API's code, not words to show.
    expect((await failure(http.request({ method: 'GET', baseUrl: base, path: '/data/x' }))).message).toBe('Invalid query');
  });

  it('shows nested error details, plain-text bodies and retry hints; never an HTML page', async () => {
    const fake = fakeFetch();
    fake.on('POST /campaigns', () => [400, { error: { message: 'Validation failed', details: 'segmentIds[0] is not a valid id', code: 'VALIDATION_ERROR' } }]);
    fake.on('GET /segments/x', () => new Response('Not found', { status: 404 }));
    fake.on('GET /busy', () => [429, { message: 'Too many requests', retryAfter: 5 }]);
    fake.on('GET /gateway', () => new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 502 }));
    const http = new HttpClient({ fetch: fake.fetch });
    expect((await failure(http.request({ method: 'POST', baseUrl: base, path: '/campaigns' }))).message).toBe('segmentIds[0] is not a valid id');
    expect((await failure(http.request({ method: 'GET', baseUrl: base, path: '/segments/x' }))).toData()).toEqual({ code: 'not_found', message: 'Not found' });
    expect((await failure(http.request({ method: 'GET', baseUrl: base, path: '/busy' }))).toData()).toEqual({ code: 'rate_limit_exceeded', message: 'Too many requests (retry after 5 s)', param: '5' });
    const gateway = await failure(http.request({ method: 'GET', baseUrl: base, path: '/gateway' }));
    expect(gateway.code).toBe('api_unavailable');
    expect(gateway.message).not.toContain('<');
  });

  it('never puts a token in an error message, even when the API echoes it', async () => {
    const fake = fakeFetch();
    fake.on('GET /echo', (req) => [401, { statusCode: 401, error: 'Unauthorized', message: `bad token ${req.bearer ?? ''} and rt_${'x'.repeat(40)}` }]);
    const error = await failure(new HttpClient({ fetch: fake.fetch }).request({ method: 'GET', baseUrl: base, path: '/echo', bearer }));
    expect(error.message).not.toContain(bearer);
    expect(error.message).not.toContain('x'.repeat(40));
    expect(error.message).toContain('[redacted]');
  });

  it('times out a request that does not answer', async () => {
    const fake = fakeFetch();
    fake.on('GET /slow', (req) => new Promise((_resolve, reject) => req.signal?.addEventListener('abort', () => reject(req.signal?.reason))));
    const started = Date.now();
    const error = await failure(new HttpClient({ fetch: fake.fetch, timeoutMs: 50 }).request({ method: 'GET', baseUrl: base, path: '/slow' }));
    expect(error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('cancels with the caller’s signal and its CoreError reason', async () => {
    const fake = fakeFetch();
    fake.on('GET /slow', (req) => new Promise((_resolve, reject) => req.signal?.addEventListener('abort', () => reject(req.signal?.reason))));
    const controller = new AbortController();
    const pending = new HttpClient({ fetch: fake.fetch }).request({ method: 'GET', baseUrl: base, path: '/slow', signal: controller.signal });
    controller.abort(new CoreError('signed_out', 'the session was closed'));
    expect((await failure(pending)).code).toBe('signed_out');
  });

  it('leaves nothing attached to the caller’s long-lived signal once requests end', async () => {
    const fake = fakeFetch();
    fake.on('GET /ok', () => [200, { ok: true }]);
    fake.on('GET /bad', () => [500, {}]);
    const session = new AbortController();
    const http = new HttpClient({ fetch: fake.fetch });
    const requests = Array.from({ length: 25 }, (_, i) => http.request({ method: 'GET', baseUrl: base, path: i % 5 === 0 ? '/bad' : '/ok', signal: session.signal }).catch(() => null));
    await Promise.all(requests);
    expect(getEventListeners(session.signal, 'abort')).toHaveLength(0);
  });

  it('refuses at once when the caller’s signal is already aborted', async () => {
    const fake = fakeFetch();
    fake.on('GET /slow', (req) => new Promise((_resolve, reject) => req.signal?.addEventListener('abort', () => reject(req.signal?.reason))));
    const gone = new AbortController();
    gone.abort(new CoreError('signed_out', 'the session was closed'));
    expect((await failure(new HttpClient({ fetch: fake.fetch }).request({ method: 'GET', baseUrl: base, path: '/slow', signal: gone.signal }))).code).toBe('signed_out');
  });

  it('reports an unreachable server as api_unavailable', async () => {
    // Port 9 (discard) on loopback: nothing listens there in the test environment.
    const error = await failure(new HttpClient({ timeoutMs: 2000 }).request({ method: 'GET', baseUrl: 'http://127.0.0.1:9', path: '/x' }));
    expect(error.code).toBe('api_unavailable');
    expect(error.message).toContain('127.0.0.1:9');
  });

  it('refuses a 200 that is not JSON', async () => {
    const fake = fakeFetch();
    fake.on('GET /html', () => new Response('<html>', { status: 200 }));
    expect((await failure(new HttpClient({ fetch: fake.fetch }).request({ method: 'GET', baseUrl: base, path: '/html' }))).code).toBe('api_error');
  });

  it('unwraps the data API envelope and tolerates a bare body', () => {
    expect(unwrapDataEnvelope({ success: true, data: { a: 1 }, timestamp: 't' })).toEqual({ a: 1 });
    expect(unwrapDataEnvelope({ a: 1 })).toEqual({ a: 1 });
  });
});
