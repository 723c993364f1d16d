/**
 * Picks how the renderer talks to main, once at start: the preload's `window.nevent` inside Electron,
 * else the web transport to `serve` with the token the web session found (web-session.ts). Either way
 * the UI gets the same `NeventBridge`, whose failed requests reject with a `BridgeError`.
 */
import { createBridge, toBridgeError, type ConnectionSource, type NeventBridge } from '../../src-shared/ipc';
import { acquireToken, keepHandoff, windowSessionHost, type WebSessionHost } from './web-session';
import { createWebTransport } from './web-transport';
import { serveTokenHeader } from '../../src-shared/transport-contract';

/** Which transport the bridge uses. */
export type BridgeKind = 'preload' | 'web';

/** The chosen bridge. */
export interface SelectedBridge {
  kind: BridgeKind;
  bridge: NeventBridge;
  /** The web transport's connection to `serve`; null in Electron, where the window cannot lose main. */
  connection: ConnectionSource | null;
}

/** The parts of `window` the selection reads. */
export interface BridgeHost {
  nevent?: unknown;
  location: { origin: string };
}

/**
 * Wraps the preload's object so rejections become `BridgeError`s again (`contextBridge` passes plain
 * `{code, message}` data, never Error subclasses).
 */
export function normalizePreloadBridge(raw: NeventBridge): NeventBridge {
  const wrapped: Record<string, Record<string, unknown>> = {};
  for (const [ns, methods] of Object.entries(raw as unknown as Record<string, Record<string, unknown>>)) {
    const target: Record<string, unknown> = {};
    for (const [name, method] of Object.entries(methods)) {
      if (typeof method !== 'function') continue;
      // Event methods (`on…`) return an unsubscribe function synchronously; pass them through.
      target[name] = name.startsWith('on')
        ? method
        : (...args: unknown[]) => (method as (...a: unknown[]) => Promise<unknown>)(...args).catch((reason: unknown) => Promise.reject(toBridgeError(reason)));
    }
    wrapped[ns] = Object.freeze(target);
  }
  return Object.freeze(wrapped) as unknown as NeventBridge;
}

/** Chooses the transport: preload bridge when present, else the web transport to this page's origin with `token`. */
export function selectBridge(host: BridgeHost, token = ''): SelectedBridge {
  if (host.nevent !== undefined && host.nevent !== null) return { kind: 'preload', bridge: normalizePreloadBridge(host.nevent as NeventBridge), connection: null };
  const transport = createWebTransport({ baseUrl: host.location.origin, token });
  return { kind: 'web', bridge: createBridge(transport), connection: transport.connection };
}

/**
 * The bridge for this window: the preload's inside Electron; under `serve`, the web transport once the
 * token is found (launch URL, this tab's hand-off, or another tab's), keeping a hand-off fresh for a
 * reload. Without a token the bridge still answers: every call fails with `authentication_failed`.
 */
export async function connectBridge(host: BridgeHost = window as unknown as BridgeHost, session: () => WebSessionHost = windowSessionHost): Promise<SelectedBridge> {
  if (host.nevent !== undefined && host.nevent !== null) return selectBridge(host);
  const web = session();
  const token = await acquireToken(web);
  if (token !== null) keepHandoff(web, token, serveTokenHeader);
  return selectBridge(host, token ?? '');
}
