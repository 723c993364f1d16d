/**
 * The web transport tells the window when the core is gone: a stream that stays
 * silent (a frozen `serve`), a server that went away, a token that a restarted `serve` no longer knows.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionState } from '../../../src-shared/ipc';
import { startServeHttp, type ServeHttp } from '../../../src-main/serve/http-server';
import { createWebTransport } from '../../../src-renderer/bridge';
import { createTestService } from './fakes';

const token = 'web-connection-token-0123456789';

/** A fetch whose event stream opens, sends one event, then never sends another byte (nor closes). */
function silentStreamFetch(opened: { count: number }): typeof fetch {
  return (async (_url: unknown, init?: RequestInit) => {
    opened.count += 1;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('event: session.onDidChange\ndata: {}\n\n'));
        init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  }) as typeof fetch;
}

function recordStates(transport: ReturnType<typeof createWebTransport>): ConnectionState[] {
  const seen: ConnectionState[] = [transport.connection.state()];
  transport.connection.onDidChange((state) => seen.push(state));
  return seen;
}

describe('web transport connection state', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('takes a silent stream as lost and opens a new one', async () => {
    const opened = { count: 0 };
    const transport = createWebTransport({ baseUrl: 'http://127.0.0.1:1', token, fetch: silentStreamFetch(opened), retryDelaysMs: [10], silenceLimitMs: 80 });
    cleanups.push(() => transport.close());
    const seen = recordStates(transport);
    transport.subscribe('session.onDidChange', () => undefined);
    // It keeps cycling (every stream goes silent): the first four states tell the story.
    await vi.waitFor(() => expect(seen.slice(0, 4)).toEqual(['connecting', 'connected', 'reconnecting', 'connected']), { timeout: 5_000 });
    expect(opened.count).toBeGreaterThanOrEqual(2);
  });

  it('says reconnecting when the server goes away, and connected when one answers again', async () => {
    const t = await createTestService();
    let http: ServeHttp = await startServeHttp({ dispatch: t.dispatch, events: t.events, initialEvents: () => [], rendererDir: '/nonexistent', token, port: 0, heartbeatMs: 50 });
    const port = http.port;
    const transport = createWebTransport({ baseUrl: http.origin, token, retryDelaysMs: [20] });
    cleanups.push(() => transport.close());
    const seen = recordStates(transport);
    transport.subscribe('session.onDidChange', () => undefined);
    await vi.waitFor(() => expect(transport.connection.state()).toBe('connected'));
    await http.close();
    await vi.waitFor(() => expect(transport.connection.state()).toBe('reconnecting'));
    // The same core comes back on the same port (the token is the same: it is the same run).
    http = await startServeHttp({ dispatch: t.dispatch, events: t.events, initialEvents: () => [], rendererDir: '/nonexistent', token, port, heartbeatMs: 50 });
    cleanups.push(() => http.close());
    await vi.waitFor(() => expect(transport.connection.state()).toBe('connected'), { timeout: 5_000 });
    expect(seen.slice(0, 2)).toEqual(['connecting', 'connected']);
    expect(seen).toContain('reconnecting');
  });

  it('ends when the token is refused (a restarted serve), and stops retrying', async () => {
    const t = await createTestService();
    const http = await startServeHttp({ dispatch: t.dispatch, events: t.events, initialEvents: () => [], rendererDir: '/nonexistent', token, port: 0 });
    cleanups.push(() => http.close());
    const transport = createWebTransport({ baseUrl: http.origin, token: 'from-an-earlier-run-0123456789', retryDelaysMs: [10] });
    cleanups.push(() => transport.close());
    const seen = recordStates(transport);
    transport.subscribe('session.onDidChange', () => undefined);
    await vi.waitFor(() => expect(seen).toEqual(['connecting', 'ended']));
  });
});
