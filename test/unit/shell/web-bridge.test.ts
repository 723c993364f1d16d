/** The renderer's bridge over the web transport, against the real `serve` HTTP server (fake-backed core). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeError, createBridge, type AppState, type NeventBridge } from '../../../src-shared/ipc';
import { startServeHttp, type ServeHttp } from '../../../src-main/serve/http-server';
import { acquireToken, connectBridge, createWebTransport, handoffChannelName, handoffStorageKey, keepHandoff, createServerSentEventReader, selectBridge, type ServerSentEvent, tokenFromSearch, urlWithoutToken, type HandoffKeeper, type WebSessionHost } from '../../../src-renderer/bridge';
import { createTestService } from './fakes';

const token = 'web-bridge-token-0123456789';

describe('web transport', () => {
  let t: Awaited<ReturnType<typeof createTestService>>;
  let http: ServeHttp;
  let transport: ReturnType<typeof createWebTransport>;
  let bridge: NeventBridge;

  beforeEach(async () => {
    t = await createTestService();
    http = await startServeHttp({ dispatch: t.dispatch, events: t.events, initialEvents: () => [{ channel: 'session.onDidChange', payload: t.service.state() }], rendererDir: '/nonexistent', token, port: 0 });
    transport = createWebTransport({ baseUrl: http.origin, token, retryDelaysMs: [20] });
    bridge = createBridge(transport);
  });
  afterEach(async () => {
    transport.close();
    await http.close();
  });

  it('calls methods and resolves with checked values', async () => {
    expect((await bridge.account.signIn({ method: 'demo' })).state).toBe('active');
    const list = await bridge.tenants.list();
    expect(list.tenants.id).toContain('t-east');
    expect((await bridge.segments.list()).tenantId).toBe('t-root');
  });

  it('rejects with a BridgeError carrying the code', async () => {
    await bridge.account.signIn({ method: 'demo' });
    const error = await bridge.tenants.switch({ tenantId: 't-west' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeError);
    expect((error as BridgeError).code).toBe('tenant_forbidden');
    const wrong = createBridge(createWebTransport({ baseUrl: http.origin, token: 'nope' }));
    await expect(wrong.session.get()).rejects.toMatchObject({ code: 'authentication_failed' });
  });

  it('delivers events in version order and stops on unsubscribe', async () => {
    const versions: number[] = [];
    const states: AppState[] = [];
    const off = bridge.session.onDidChange((state) => {
      versions.push(state.version);
      states.push(state);
    });
    await vi.waitFor(() => expect(versions.length).toBe(1));
    await bridge.account.signIn({ method: 'demo' });
    await bridge.tenants.switch({ tenantId: 't-east' });
    await vi.waitFor(() => expect(states.at(-1)?.desktop.activeTenant?.id).toBe('t-east'));
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    off();
    const seen = versions.length;
    // A second subscriber proves the next event was delivered; the removed one must not have seen it.
    const later: string[] = [];
    const offLater = bridge.session.onDidChange((state) => later.push(state.desktop.activeTenant?.id ?? ''));
    await bridge.tenants.switch({ tenantId: 't-root' });
    await vi.waitFor(() => expect(later).toContain('t-root'));
    offLater();
    expect(versions.length).toBe(seen);
  });

  it('parses server-sent events across chunk boundaries', () => {
    const events: ServerSentEvent[] = [];
    const reader = createServerSentEventReader((event) => events.push(event));
    reader.feed('id: 1\nevent: a\ndata: {"x":\n\nid: 2\nevent: b\nda');
    expect(events).toEqual([{ id: '1', event: 'a', data: '{"x":' }]);
    reader.feed('ta: 2\n\n: keep-alive\n\n');
    expect(events).toEqual([
      { id: '1', event: 'a', data: '{"x":' },
      { id: '2', event: 'b', data: '2' },
    ]);
  });
});

describe('bridge selection', () => {
  it('uses the preload bridge when window.nevent exists, turning plain-data rejections into BridgeErrors', async () => {
    const preload = { tenants: { list: () => Promise.reject({ code: 'signed_out', message: 'Sign in first.' }), onDidNothing: () => () => undefined } };
    const selected = await connectBridge({ nevent: preload, location: { origin: 'file://' } }, () => {
      throw new Error('no web session inside Electron');
    });
    expect(selected.kind).toBe('preload');
    const error = await selected.bridge.tenants.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeError);
    expect((error as BridgeError).code).toBe('signed_out');
  });

  it('uses the web transport otherwise', () => {
    expect(selectBridge({ location: { origin: 'http://127.0.0.1:5' } }, 'abc').kind).toBe('web');
    expect(tokenFromSearch('?token=abc&x=1')).toBe('abc');
    expect(tokenFromSearch('')).toBeNull();
  });
});

describe('web session (token in memory, hand-offs for reloads and new tabs)', () => {
  let t: Awaited<ReturnType<typeof createTestService>>;
  let http: ServeHttp;
  const keepers: HandoffKeeper[] = [];

  beforeEach(async () => {
    t = await createTestService();
    http = await startServeHttp({ dispatch: t.dispatch, events: t.events, initialEvents: () => [], rendererDir: '/nonexistent', token, port: 0 });
  });
  afterEach(async () => {
    for (const keeper of keepers.splice(0)) keeper.stop();
    await http.close();
  });

  /** One browser tab: its URL, history and sessionStorage, and a BroadcastChannel like the real one. */
  function tab(url: string): WebSessionHost & { url(): string; storage: Map<string, string> } {
    const parsed = new URL(url);
    const location = { origin: parsed.origin, search: parsed.search, pathname: parsed.pathname, hash: parsed.hash };
    const storage = new Map<string, string>();
    let current = url;
    return {
      location,
      history: {
        replaceState: (_data, _unused, next) => {
          current = new URL(next ?? '', parsed.origin).href;
        },
      },
      sessionStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v), removeItem: (k) => void storage.delete(k) },
      fetch: (input, init) => fetch(input, init),
      openChannel: () => new BroadcastChannel(handoffChannelName) as never,
      storage,
      url: () => current,
    };
  }

  it('takes the token from the launch URL and removes it from the address bar, keeping the rest', async () => {
    const launched = tab(`${http.origin}/segments?token=${token}&view=list#top`);
    expect(await acquireToken(launched)).toBe(token);
    expect(launched.url()).toBe(`${http.origin}/segments?view=list#top`);
    expect(urlWithoutToken({ pathname: '/', search: `?token=${token}`, hash: '' })).toBe('/');
  });

  it('a reload redeems the tab\'s hand-off once; the stored code is never the token', async () => {
    const first = tab(`${http.origin}/?token=${token}`);
    const acquired = await acquireToken(first);
    const keeper = keepHandoff(first, acquired ?? '', 'x-nevent-token');
    keepers.push(keeper);
    await keeper.ready;
    const code = first.storage.get(handoffStorageKey) ?? '';
    expect(code).not.toBe('');
    expect(code).not.toContain(token);
    keeper.stop();

    // The reload: same tab storage, URL without the token.
    const reloaded = { ...first, location: { ...first.location, search: '' } };
    expect(await acquireToken(reloaded, { askTabsMs: 50 })).toBe(token);
    expect(first.storage.has(handoffStorageKey)).toBe(false);
    // The same code a second time (a copied storage, a replay): refused.
    const replayed = tab(`${http.origin}/`);
    replayed.storage.set(handoffStorageKey, code);
    expect(await acquireToken(replayed, { askTabsMs: 50 })).toBeNull();
  });

  it('a new tab gets a fresh code from an open tab; with no tab open, nothing', async () => {
    const open = tab(`${http.origin}/?token=${token}`);
    const keeper = keepHandoff(open, (await acquireToken(open)) ?? '', 'x-nevent-token');
    keepers.push(keeper);
    await keeper.ready;
    const fresh = tab(`${http.origin}/`);
    expect(await acquireToken(fresh)).toBe(token);
    keeper.stop();
    expect(await acquireToken(tab(`${http.origin}/`), { askTabsMs: 100 })).toBeNull();
  });
});
