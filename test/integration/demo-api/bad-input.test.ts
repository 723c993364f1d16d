import { request as httpRequest } from 'node:http';
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema } from '../../../src-shared/api';
import { startDemoApi } from '../../../src-main/demo-api';
import type { DemoApi } from '../../../src-main/demo-api';
import { request, signIn } from './demo-http';

let api: DemoApi;
let token: string;
beforeAll(async () => {
  api = await startDemoApi();
  token = (await signIn(api, 'owner')).accessToken;
});
afterAll(async () => {
  await api.close();
});

/** Every error is JSON of the documented shape, never a stack trace. */
function expectCleanError(response: { status: number; body: unknown; contentType: string | null }, status: number): void {
  expect(response.status).toBe(status);
  expect(response.contentType).toMatch(/application\/json/);
  const body = ApiErrorBodySchema.parse(response.body);
  expect(body.statusCode).toBe(status);
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
}

const postEndpoints = ['/auth/admin/login', '/auth/refresh', '/users/tenant', '/segments'];

describe('bad input', () => {
  it('malformed JSON is a 400 on every POST endpoint', async () => {
    for (const path of postEndpoints) {
      for (const body of ['{"tenantId":', 'not json', '']) {
        expectCleanError(await request(`${api.url}${path}`, { token, body, headers: { 'content-type': 'application/json' } }), 400);
      }
    }
  });

  it('wrong types are a 400 naming the field', async () => {
    const cases: [string, unknown, string][] = [
      ['/auth/admin/login', { email: 42, password: 'demo' }, 'email'],
      ['/auth/admin/login', { email: 'owner@demo.nevent.local', password: ['demo'] }, 'password'],
      ['/users/tenant', { tenantId: 7 }, 'tenantId'],
      ['/users/tenant', { tenantId: '../etc/passwd' }, 'tenantId'],
      ['/segments', { name: 'x', definition: { stanzas: 'all' } }, 'definition.stanzas'],
      ['/segments', { name: 'x', definition: { stanzas: [{ criteria: [{ criterion_id: 'age', operator: 'gt', value: { $gt: 1 } }] }] } }, 'definition.stanzas[0].criteria[0].value'],
    ];
    for (const [path, body, param] of cases) {
      const response = await request(`${api.url}${path}`, { token, body });
      expectCleanError(response, 400);
      expect(ApiErrorBodySchema.parse(response.body).param, path).toBe(param);
    }
    expectCleanError(await request(`${api.url}/users/tenant`, { token, body: [1, 2] }), 400);
  });

  it('refuses absurdly nested bodies instead of storing something that cannot be served back', async () => {
    const deep = `{"name":"deep","definition":{"stanzas":[{"criteria":[{"criterion_id":"has_app","operator":"is_true","modifiers":{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}}]}]}}`;
    expectCleanError(await request(`${api.url}/segments`, { token, body: deep }), 400);
    expect((await request(`${api.url}/segments`, { token })).status).toBe(200);
  });

  it('bodies over 1 MB are a 413, with or without a content length', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10), definition: { stanzas: [] } });
    expectCleanError(await request(`${api.url}/segments`, { token, body: huge }), 413);
    const chunks = [new TextEncoder().encode(huge.slice(0, 600_000)), new TextEncoder().encode(huge.slice(600_000))];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(next);
      },
    });
    const response = await fetch(`${api.url}/segments`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    ApiErrorBodySchema.parse(await response.json());
  });

  it('missing, garbage, malformed and foreign bearers are a 401', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const foreign = await new SignJWT({ role: 'SUPERADMIN', tenantId: 'tn-nevent', email: 'x@y.z' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('usr-superadmin')
      .setIssuer(api.issuer)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
    const headers = ['', 'Bearer', 'Bearer ', 'Bearer garbage', 'Basic b3duZXI6ZGVtbw==', `Bearer ${token}x`, `Bearer ${token.split('.').slice(0, 2).join('.')}.`, `Bearer ${foreign}`, `Token ${token}`];
    for (const authorization of headers) {
      for (const path of ['/auth/me', '/users/accessible-tenants', '/segments', '/campaigns']) {
        expectCleanError(await request(`${api.url}${path}`, { headers: authorization === '' ? {} : { authorization } }), 401);
      }
    }
    expect((await request(`${api.url}/auth/me`, { headers: { authorization: `bearer ${token}` } })).status).toBe(200);
  });

  it('unknown routes and methods are a JSON 404', async () => {
    expectCleanError(await request(`${api.url}/nope`), 404);
    expectCleanError(await request(`${api.url}/auth/me`, { method: 'DELETE', token }), 404);
  });

  it('refuses foreign Host names (DNS rebinding) and cross-origin fault controls with 403', async () => {
    const { port } = new URL(api.url);
    const raw = (path: string, headers: Record<string, string>, method = 'GET', body?: string) =>
      new Promise<{ status: number; body: unknown }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port: Number(port), path, method, headers }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
        });
        req.on('error', reject);
        req.end(body);
      });
    const rebound = await raw('/.well-known/jwks.json', { host: `evil.example:${port}` });
    expect(rebound.status).toBe(403);
    ApiErrorBodySchema.parse(rebound.body);
    expect((await raw('/.well-known/jwks.json', { host: `localhost:${port}` })).status).toBe(200);
    const crossOrigin = await raw('/__demo/faults', { host: `127.0.0.1:${port}`, origin: 'https://evil.example', 'content-type': 'text/plain' }, 'POST', '{"latencyMs":1000}');
    expect(crossOrigin.status).toBe(403);
    const sameOrigin = await raw('/__demo/faults', { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` }, 'POST', '{}');
    expect(sameOrigin.status).toBe(200);
    // The refused request changed nothing.
    expect(sameOrigin.body).toMatchObject({ latencyMs: 0 });
  });

  it('the server stays up after all of that', async () => {
    expect((await request(`${api.url}/auth/me`, { token })).status).toBe(200);
  });
});
