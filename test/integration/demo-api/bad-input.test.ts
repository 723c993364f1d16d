import { request as httpRequest } from 'node:http';
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFailureEnvelope } from '../../../src-shared/api';
import { startDemoApi } from '../../../src-main/demo-api';
import type { DemoApi } from '../../../src-main/demo-api';
import { errorOf, expectCleanError, request, signIn } from './demo-http';
import type { JsonResponse } from './demo-http';

let api: DemoApi;
let token: string;
beforeAll(async () => {
  api = await startDemoApi();
  token = (await signIn(api, 'owner')).accessToken;
});
afterAll(async () => {
  await api.close();
});

/** A core-API error in NestJS's shape: JSON `{statusCode, message, error}`, `message` a list on 400. */
function expectNestError(response: JsonResponse, status: number): string {
  expect(response.contentType).toMatch(/application\/json/);
  const detail = expectCleanError(response, status);
  const body = response.body as { statusCode: unknown; message: unknown; error: unknown };
  expect(Object.keys(body).sort()).toEqual(['error', 'message', 'statusCode']);
  expect(body.statusCode).toBe(status);
  expect(typeof body.error).toBe('string');
  if (status === 400) expect(Array.isArray(body.message)).toBe(true);
  return detail.message ?? '';
}

const postEndpoints = ['/auth/admin/login', '/auth/refresh', '/users/tenant', '/segments'];

describe('bad input', () => {
  it('malformed JSON is a NestJS 400 on every POST endpoint', async () => {
    for (const path of postEndpoints) {
      for (const body of ['{"tenantId":', 'not json', '']) {
        const message = expectNestError(await request(`${api.url}${path}`, { token, body, headers: { 'content-type': 'application/json' } }), 400);
        expect(message, `${path} ${JSON.stringify(body)}`).toMatch(body === '' ? /empty/ : /not valid JSON/);
      }
    }
    // The data API says the same in its own shape.
    const data = await request(`${api.dataUrl}/segments/preview`, { token, body: 'not json', headers: { 'content-type': 'application/json' } });
    expect(data.status).toBe(400);
    expect(isFailureEnvelope(data.body)).toBe(true);
    expect(errorOf(data).message).toMatch(/not valid JSON/);
  });

  it('wrong types are a 400 naming the field in the message', async () => {
    const cases: [string, unknown, string][] = [
      ['/auth/admin/login', { email: 42, password: 'demo' }, 'email'],
      ['/auth/admin/login', { email: 'owner@demo.nevent.local', password: ['demo'] }, 'password'],
      ['/users/tenant', { tenantId: 7 }, 'tenantId'],
      ['/users/tenant', { tenantId: '../etc/passwd' }, 'tenantId'],
      ['/segments', { name: 'x', definition: { stanzas: 'all' } }, 'definition.stanzas'],
    ];
    for (const [path, body, param] of cases) {
      const message = expectNestError(await request(`${api.url}${path}`, { token, body }), 400);
      expect(message, path).toMatch(new RegExp(`^${param.replace(/[.[\]]/g, '\\$&')}: `));
    }
    // A value of the wrong kind is the catalogue's call: a `{message}` naming the path.
    const operatorValue = await request(`${api.url}/segments`, { token, body: { name: 'x', definition: { stanzas: [{ criteria: [{ criterion_id: 'age', operator: 'gt', value: { $gt: 1 } }] }] } } });
    expect(expectCleanError(operatorValue, 400).message).toContain('definition.stanzas[0].criteria[0].value: ');
    expect(Object.keys(operatorValue.body as object)).toEqual(['message']);
    expectNestError(await request(`${api.url}/users/tenant`, { token, body: [1, 2] }), 400);
  });

  it('refuses absurdly nested bodies instead of storing something that cannot be served back', async () => {
    const deep = `{"name":"deep","definition":{"stanzas":[{"criteria":[{"criterion_id":"has_app","operator":"is_true","modifiers":{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}}]}]}}`;
    expect(expectNestError(await request(`${api.url}/segments`, { token, body: deep }), 400)).toMatch(/nested more than 64 levels/);
    expect((await request(`${api.url}/segments`, { token })).status).toBe(200);
  });

  it('bodies over 1 MB are a 413, with or without a content length', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10), definition: { stanzas: [] } });
    expect(expectNestError(await request(`${api.url}/segments`, { token, body: huge }), 413)).toMatch(/larger than 1048576 bytes/);
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
    expect(await response.json()).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('missing, garbage, malformed and foreign bearers are a 401 on the core and the data API', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const foreignEs = await new SignJWT({ role: 'SUPERADMIN', activeTenantId: 'tn-nevent', email: 'x@y.z' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('usr-superadmin')
      .setIssuer(api.issuer)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
    // The real kind of token with the right claims, signed with a secret that is not the server's.
    const foreignHs = await new SignJWT({ role: 'SUPERADMIN', activeTenantId: 'tn-nevent', email: 'x@y.z', jti: 'at-1' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('usr-superadmin')
      .setIssuer(api.issuer)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('not-the-demo-secret-not-the-demo-secret'));
    const headers = ['', 'Bearer', 'Bearer ', 'Bearer garbage', 'Basic b3duZXI6ZGVtbw==', `Bearer ${token}x`, `Bearer ${token.split('.').slice(0, 2).join('.')}.`, `Bearer ${foreignEs}`, `Bearer ${foreignHs}`, `Token ${token}`];
    for (const authorization of headers) {
      const sent: Record<string, string> = authorization === '' ? {} : { authorization };
      for (const path of ['/auth/me', '/users/accessible-tenants', '/platform/tenants', '/segments', '/api/ads/meta/status']) {
        expectNestError(await request(`${api.url}${path}`, { headers: sent }), 401);
      }
      for (const path of ['/segmentation/criteria', '/analytics/schema/campaigns']) {
        const response = await request(`${api.dataUrl}${path}`, { headers: sent });
        expect(response.status, `${path} ${authorization}`).toBe(401);
        expect(response.body).toMatchObject({ success: false, message: expect.any(String), error: expect.stringMatching(/^(AUTHENTICATION_FAILED|INVALID_TOKEN)$/) });
      }
    }
    expect((await request(`${api.url}/auth/me`, { headers: { authorization: `bearer ${token}` } })).status).toBe(200);
  });

  it('unknown routes and methods are a JSON 404', async () => {
    expect(expectNestError(await request(`${api.url}/nope`), 404)).toBe('No route for GET /nope');
    expect(expectNestError(await request(`${api.url}/auth/me`, { method: 'DELETE', token }), 404)).toBe('No route for DELETE /auth/me');
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
    const login = JSON.stringify({ email: 'owner@demo.nevent.local', password: 'demo' });
    const json = { 'content-type': 'application/json' };
    const rebound = await raw('/auth/admin/login', { ...json, host: `evil.example:${port}` }, 'POST', login);
    expect(rebound.status).toBe(403);
    expect(rebound.body).toMatchObject({ statusCode: 403, message: expect.stringMatching(/Unexpected Host header/) });
    expect((await raw('/auth/admin/login', { ...json, host: `localhost:${port}` }, 'POST', login)).status).toBe(200);
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
