/**
 * Picks how the renderer talks to main, once at start: the preload's `window.nevent` inside Electron,
 * else the web transport to `serve` (token from the page URL's `token` query parameter). Either way the
 * UI gets the same `NeventBridge`, whose failed requests reject with a `BridgeError`.
 */
import { createBridge, toBridgeError, type NeventBridge } from '../../src-shared/ipc';
import { createWebTransport } from './web-transport';

/** Which transport the bridge uses. */
export type BridgeKind = 'preload' | 'web';

/** The chosen bridge. */
export interface SelectedBridge {
  kind: BridgeKind;
  bridge: NeventBridge;
}

/** The parts of `window` the selection reads. */
export interface BridgeHost {
  nevent?: unknown;
  location: { origin: string; search: string };
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

/** Reads the `serve` token from the page URL. */
export function tokenFromSearch(search: string): string | null {
  const token = new URLSearchParams(search).get('token');
  return token !== null && token.length > 0 ? token : null;
}

/** Chooses the transport: preload bridge when present, else the web transport to this page's origin. */
export function selectBridge(host: BridgeHost = window as unknown as BridgeHost): SelectedBridge {
  if (host.nevent !== undefined && host.nevent !== null) return { kind: 'preload', bridge: normalizePreloadBridge(host.nevent as NeventBridge) };
  const token = tokenFromSearch(host.location.search) ?? '';
  return { kind: 'web', bridge: createBridge(createWebTransport({ baseUrl: host.location.origin, token })) };
}
