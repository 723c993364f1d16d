/**
 * The bridge transport for `nevent-companion serve`: requests are `POST /api/<channel>` with the
 * per-launch token in a header, events come from one `GET /api/events` Server-Sent-Events stream read
 * with `fetch` (EventSource cannot send the header). After a dropped stream it reconnects; the server
 * starts every stream with the current snapshots, so the stores resync (stale versions are dropped).
 * The server sends a keep-alive every `eventStreamHeartbeatMs`: a stream silent for three of them is
 * taken as lost (a frozen or vanished core never closes it), so the window can say so within seconds.
 *
 *   connecting ──stream open──> connected ──dropped / silent──> reconnecting ──stream open──> connected
 *        └──────────────── token refused (401: serve was restarted) ─────────────> ended
 */
import { createParser } from 'eventsource-parser';
import { serveTokenHeader } from '../../src-shared/transport-contract';
import { eventStreamHeartbeatMs, type BridgeTransport, type ConnectionSource, type ConnectionState, type EventChannel, type RequestChannel } from '../../src-shared/ipc';


/** Options of the web transport. */
export interface WebTransportOptions {
  /** Origin of the `serve` instance, e.g. `http://127.0.0.1:4321`. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** Reconnect delays in ms, the last one repeating. */
  retryDelaysMs?: number[];
  /** A stream with no byte for this long is dropped and reopened (default: three heartbeats and a second). */
  silenceLimitMs?: number;
}

/** The stream was refused for good: the token belongs to an earlier run of `serve`. */
class StreamEnded extends Error {}

/** One parsed Server-Sent Event. */
export interface ServerSentEvent {
  event: string;
  data: string;
  id: string | null;
}

/**
 * Reads a Server-Sent-Events stream fed chunk by chunk (an event may span chunks) and hands each
 * complete event to `onEvent`. The parsing is `eventsource-parser`'s (the MCP SDK reads its own streams
 * with it): line endings, comments, `retry` and split fields follow the spec, not our reading of it.
 */
export function createServerSentEventReader(onEvent: (event: ServerSentEvent) => void): { feed(chunk: string): void } {
  const parser = createParser({ onEvent: (message) => onEvent({ event: message.event ?? 'message', data: message.data, id: message.id ?? null }) });
  return { feed: (chunk) => parser.feed(chunk) };
}

/** Builds the web transport; the event stream opens with the first subscription. */
export function createWebTransport(options: WebTransportOptions): BridgeTransport & { connection: ConnectionSource; close(): void } {
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const delays = options.retryDelaysMs ?? [250, 1000, 2000];
  const silenceLimitMs = options.silenceLimitMs ?? 3 * eventStreamHeartbeatMs + 1000;
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let connection: ConnectionState = 'connecting';
  let stream: AbortController | null = null;
  let closed = false;

  const headers = { [serveTokenHeader]: options.token };

  function setConnection(next: ConnectionState): void {
    if (next === connection || closed) return;
    connection = next;
    for (const listener of [...connectionListeners]) listener(next);
  }

  async function readStream(controller: AbortController): Promise<void> {
    // One attempt's own abort: the watchdog ends this attempt without closing the transport.
    const attempt = new AbortController();
    const stop = (): void => attempt.abort();
    controller.signal.addEventListener('abort', stop);
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const arm = (): void => {
      clearTimeout(watchdog);
      watchdog = setTimeout(stop, silenceLimitMs);
    };
    try {
      arm();
      const response = await doFetch(`${options.baseUrl}/api/events`, { headers: { ...headers, accept: 'text/event-stream' }, signal: attempt.signal });
      if (response.status === 401) throw new StreamEnded();
      if (!response.ok || response.body === null) throw new Error(`event stream refused (${response.status})`);
      setConnection('connected');
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const events = createServerSentEventReader(dispatch);
      for (;;) {
        arm();
        const { done, value } = await reader.read();
        if (done) return;
        events.feed(decoder.decode(value, { stream: true }));
      }
    } finally {
      clearTimeout(watchdog);
      controller.signal.removeEventListener('abort', stop);
    }
  }

  function dispatch(event: ServerSentEvent): void {
    const set = listeners.get(event.event as EventChannel);
    if (set === undefined) return;
    let payload: unknown;
    try {
      payload = JSON.parse(event.data);
    } catch {
      return;
    }
    for (const listener of [...set]) listener(payload);
  }

  async function runStream(): Promise<void> {
    let attempt = 0;
    while (!closed && stream !== null) {
      const controller = stream;
      try {
        await readStream(controller);
        attempt = 0;
      } catch (error) {
        if (controller.signal.aborted) return;
        if (error instanceof StreamEnded) {
          setConnection('ended');
          return;
        }
      }
      if (closed || stream !== controller) return;
      setConnection('reconnecting');
      const delay = delays[Math.min(attempt, delays.length - 1)] ?? 1000;
      attempt += 1;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  function ensureStream(): void {
    if (stream !== null || closed) return;
    stream = new AbortController();
    void runStream();
  }

  function stopStreamIfIdle(): void {
    if ([...listeners.values()].some((set) => set.size > 0)) return;
    stream?.abort();
    stream = null;
  }

  return {
    async invoke(channel: RequestChannel, payload: unknown): Promise<unknown> {
      const response = await doFetch(`${options.baseUrl}/api/${channel}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(payload === undefined ? {} : { payload }),
      });
      // Refusals (wrong token, bad origin) still answer with an envelope; anything else is a transport failure.
      return response.json();
    },
    subscribe(channel, listener) {
      let set = listeners.get(channel);
      if (set === undefined) listeners.set(channel, (set = new Set()));
      set.add(listener);
      ensureStream();
      return () => {
        set.delete(listener);
        stopStreamIfIdle();
      };
    },
    connection: {
      state: () => connection,
      onDidChange(listener) {
        connectionListeners.add(listener);
        return () => {
          connectionListeners.delete(listener);
        };
      },
    },
    close() {
      connectionListeners.clear();
      closed = true;
      stream?.abort();
      stream = null;
      listeners.clear();
    },
  };
}
