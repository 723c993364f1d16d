/**
 * Standalone `nevent-companion mcp` answers `initialize` before its sign-in ends (start-up):
 * the handshake never waits for the Nevent API, the first tool call waits for the sign-in, a failed
 * sign-in is every call's `authentication_error`, and a token the API no longer accepts is never used
 * to answer.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApi, type DemoApi } from '../../../src-main/demo-api';
import { ensureCliBuilt, spawnCliBridge } from './cli-helpers';
import { failure, ok } from './envelope-assert';

let demo: DemoApi;
beforeAll(async () => {
  await ensureCliBuilt();
  demo = await startDemoApi({ port: 0 });
}, 120_000);
afterAll(async () => {
  await demo.close();
});

async function signIn(user: string): Promise<{ access_token: string; refresh_token: string }> {
  const response = await fetch(`${demo.url}/auth/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `${user}@demo.nevent.local`, password: 'demo' }) });
  return (await response.json()) as { access_token: string; refresh_token: string };
}

/** A proxy to the demo API that holds every request until `open()`: an API that has not answered yet. */
async function startGate(target: string): Promise<{ url: string; held: () => number; answered: () => number; open: () => void; close: () => Promise<void> }> {
  let isOpen = false;
  let answered = 0;
  const waiting: (() => void)[] = [];
  const forward = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name)) as [string, string][]);
    const body = chunks.length === 0 ? undefined : Buffer.concat(chunks);
    const upstream = await fetch(`${target}${req.url ?? '/'}`, { method: req.method, headers, ...(body === undefined ? {} : { body }) });
    const text = Buffer.from(await upstream.arrayBuffer());
    answered += 1;
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(text);
  };
  const server: Server = createServer((req, res) => {
    const go = (): void => void forward(req, res).catch(() => res.destroy());
    if (isOpen) go();
    else waiting.push(go);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    held: () => waiting.length,
    answered: () => answered,
    open: () => {
      isOpen = true;
      for (const go of waiting.splice(0)) go();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('mcp start-up', () => {
  it('answers initialize and tools/list while the API has answered nothing; the first tool call waits for the sign-in', async () => {
    const gate = await startGate(demo.url);
    const tokens = await signIn('owner');
    try {
      const c = await spawnCliBridge(['mcp'], { HOME: '/nonexistent', NEVENT_JWT_TOKEN: tokens.access_token, NEVENT_REFRESH_TOKEN: tokens.refresh_token, NEVENT_API_URL: gate.url, NEVENT_DATA_API_URL: `${gate.url}/data` });
      try {
        // The handshake is done and the tools are listed, yet no API request was answered: the sign-in
        // (token check and tenant lookup, both against the API) cannot have finished.
        const listed = await c.client.listTools();
        expect(listed.tools.map((t) => t.name)).toContain('nevent_list_segments');
        expect(gate.answered()).toBe(0);
        const pending = c.call('nevent_list_segments');
        gate.open();
        expect(ok(await pending)).toMatchObject({ tenant_id: 'tn-acme' });
        expect(c.stderr()).toMatch(/ready on stdio \(credentials: environment, tenant: tn-acme/);
      } finally {
        await c.close();
      }
      expect(await c.exited).toBe(0);
    } finally {
      gate.open();
      await gate.close();
    }
  });

  it('an unreachable API: initialize is answered, each tool call says the sign-in failed (authentication_error), stderr says it once, exit 1', async () => {
    // A port nobody listens on: the gate's, once closed.
    const gate = await startGate(demo.url);
    await gate.close();
    const tokens = await signIn('owner');
    const c = await spawnCliBridge(['mcp'], { HOME: '/nonexistent', NEVENT_JWT_TOKEN: tokens.access_token, NEVENT_API_URL: gate.url, NEVENT_DATA_API_URL: `${gate.url}/data` });
    const first = failure(await c.call('nevent_list_segments'));
    expect(first.type).toBe('authentication_error');
    expect(first.message).toMatch(/^could not sign in: could not reach the Nevent API at 127\.0\.0\.1:\d+/);
    expect(failure(await c.call('nevent_get_active_tenant'))).toEqual(first);
    expect(c.stderr().match(/nevent-companion mcp: could not sign in/g)).toHaveLength(1);
    expect(c.stderr()).not.toMatch(/ready on stdio/);
    await c.close();
    expect(await c.exited).toBe(1);
  });

  it('a token the API revoked is never used to answer: the call renews it once, or says the sign-in is gone when it cannot', async () => {
    const renewable = await signIn('owner');
    const withRefresh = await spawnCliBridge(['mcp'], { HOME: '/nonexistent', NEVENT_JWT_TOKEN: renewable.access_token, NEVENT_REFRESH_TOKEN: renewable.refresh_token, NEVENT_API_URL: demo.url, NEVENT_DATA_API_URL: demo.dataUrl });
    const once = await signIn('admin');
    const withoutRefresh = await spawnCliBridge(['mcp'], { HOME: '/nonexistent', NEVENT_JWT_TOKEN: once.access_token, NEVENT_API_URL: demo.url, NEVENT_DATA_API_URL: demo.dataUrl });
    try {
      ok(await withRefresh.call('nevent_list_segments'));
      ok(await withoutRefresh.call('nevent_list_segments'));
      const before = demo.faults.stats().refreshCalls;
      demo.faults.expireAccessTokens();
      expect(ok(await withRefresh.call('nevent_list_segments'))).toMatchObject({ tenant_id: 'tn-acme' });
      expect(demo.faults.stats().refreshCalls).toBe(before + 1);
      // Verified once, but not trusted forever: the API's refusal wins over the bridge's earlier check.
      const refused = failure(await withoutRefresh.call('nevent_list_segments'));
      expect(refused.type).toBe('authentication_error');
      expect(refused.message).toMatch(/no refresh token/);
    } finally {
      await withRefresh.close();
      await withoutRefresh.close();
    }
  });
});
