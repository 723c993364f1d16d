/**
 * `window.nevent`: the namespaced object the renderer talks to main with, typed from the channel maps.
 * `tenants.switch` is the channel `tenants.switch`; `session.onDidChange` the event of that name.
 * One `createBridge` builds it over any transport: Electron IPC (in the preload) or HTTP + an event
 * stream (the web transport for `serve`).
 */
import { AppErrorDataSchema, type AppErrorData } from '../errors';
import { eventChannelNames, eventChannels, type EventChannel, type EventOf } from './event-channels';
import { requestChannelNames, type RequestChannel, type RequestInput, type ResponseOf, requestChannels } from './request-channels';
import { BridgeError, IpcResultSchema } from './result';

type NamespaceOf<K> = K extends `${infer N}.${string}` ? N : never;

/** A request method: optional argument when the channel takes none (or has defaults for all). */
export type BridgeRequestMethod<C extends RequestChannel> = undefined extends RequestInput<C>
  ? (request?: RequestInput<C>) => Promise<ResponseOf<C>>
  : (request: RequestInput<C>) => Promise<ResponseOf<C>>;

/** An event method: subscribes, returns the unsubscribe function. */
export type BridgeEventMethod<C extends EventChannel> = (listener: (payload: EventOf<C>) => void) => () => void;

/** Namespaces of the bridge (`account`, `tenants`, `segments`, `mcp`, `session`, …). */
export type BridgeNamespace = NamespaceOf<RequestChannel> | NamespaceOf<EventChannel>;

/**
 * The `window.nevent` object. Request methods resolve with the channel's answer and reject with
 * `{code, message}` data (a `BridgeError` once normalized by `toBridgeError`).
 */
export type NeventBridge = {
  readonly [N in BridgeNamespace]: {
    readonly [C in RequestChannel as C extends `${N}.${infer M}` ? M : never]: BridgeRequestMethod<C>;
  } & {
    readonly [C in EventChannel as C extends `${N}.${infer M}` ? M : never]: BridgeEventMethod<C>;
  };
};

/** What a bridge needs from its transport. */
export interface BridgeTransport {
  /** Sends a request; resolves with the raw answer envelope (`IpcResult`). */
  invoke(channel: RequestChannel, payload: unknown): Promise<unknown>;
  /** Subscribes to an event channel with raw payloads; returns the unsubscribe function. */
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void;
}

/** Options of `createBridge`. */
export interface BridgeOptions {
  /**
   * What a failed request rejects with. Default: a `BridgeError`. The preload rejects with plain
   * `{code, message}` data instead, because `contextBridge` keeps only the message of an Error.
   */
  makeError?: (data: AppErrorData) => unknown;
  /** Called when main sends something that does not match the contract (dropped). */
  onContractViolation?: (channel: string, detail: string) => void;
}

/** Splits `ns.method`. */
export function splitChannel(channel: string): [string, string] {
  const dot = channel.indexOf('.');
  return [channel.slice(0, dot), channel.slice(dot + 1)];
}

/** Builds `window.nevent` over a transport: answers and events are checked against the contract. */
export function createBridge(transport: BridgeTransport, options: BridgeOptions = {}): NeventBridge {
  const makeError = options.makeError ?? ((data: AppErrorData) => new BridgeError(data));
  const violation = options.onContractViolation ?? (() => undefined);
  const namespaces: Record<string, Record<string, unknown>> = {};
  const namespace = (name: string): Record<string, unknown> => (namespaces[name] ??= {});

  for (const channel of requestChannelNames) {
    const [ns, method] = splitChannel(channel);
    namespace(ns)[method] = async (payload?: unknown): Promise<unknown> => {
      let raw: unknown;
      try {
        raw = await transport.invoke(channel, payload);
      } catch (error) {
        const data = AppErrorDataSchema.safeParse(error);
        throw makeError(data.success ? data.data : { code: 'internal_error', message: 'The app did not answer; is it still running?' });
      }
      const envelope = IpcResultSchema.safeParse(raw);
      if (!envelope.success) {
        violation(channel, 'answer is not an envelope');
        throw makeError({ code: 'internal_error', message: 'The app answered in an unexpected format.' });
      }
      if (!envelope.data.ok) throw makeError(envelope.data.error);
      const value = requestChannels[channel].response.safeParse(envelope.data.value);
      if (!value.success) {
        violation(channel, value.error.message);
        throw makeError({ code: 'internal_error', message: 'The app answered in an unexpected format.' });
      }
      return value.data;
    };
  }

  for (const channel of eventChannelNames) {
    const [ns, method] = splitChannel(channel);
    namespace(ns)[method] = (listener: (payload: unknown) => void): (() => void) => {
      if (typeof listener !== 'function') throw makeError({ code: 'invalid_request', message: `${channel} needs a listener function.` });
      return transport.subscribe(channel, (raw) => {
        const payload = eventChannels[channel].safeParse(raw);
        if (payload.success) listener(payload.data);
        else violation(channel, payload.error.message);
      });
    };
  }

  for (const value of Object.values(namespaces)) Object.freeze(value);
  return Object.freeze(namespaces) as unknown as NeventBridge;
}

/**
 * How often `serve`'s event stream sends a keep-alive when nothing else happens. The web transport
 * takes a stream that stays silent for three of these (and a second) as lost, and reconnects.
 */
export const eventStreamHeartbeatMs = 2_000;

/** Whether the window reaches the core: always `connected` in Electron; `serve`'s page can lose it. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'ended';

/** A transport's connection, as the window shows it. */
export interface ConnectionSource {
  state(): ConnectionState;
  /** Fires on every change; returns the unsubscribe function. */
  onDidChange(listener: (state: ConnectionState) => void): () => void;
}
