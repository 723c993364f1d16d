/** Whether the window reaches the core (the web transport's connection to `serve`; Electron's never drops). */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConnectionState } from '../../src-shared/ipc';

/** The connection as the window shows it. */
export interface ConnectionMirror {
  state: ConnectionState;
}

/** The connection store. */
export type ConnectionStore = StoreApi<ConnectionMirror>;

/** Creates the connection store (connected until the transport says otherwise). */
export function createConnectionStore(): ConnectionStore {
  return createStore<ConnectionMirror>(() => ({ state: 'connected' }));
}
