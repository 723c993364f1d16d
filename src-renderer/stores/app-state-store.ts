/** Mirror of main's app state (account, desktop session, shortcuts, bridge, mode): snapshot + versioned updates. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppState } from '../../src-shared/ipc';
import { isNewer } from '../lib/versioned';

/** What the window knows of main's state; `null` until the first snapshot. */
export interface AppStateMirror {
  app: AppState | null;
  /** The transport to main failed (the app quit, `serve` stopped). */
  disconnected: boolean;
}

/** The app-state store. */
export type AppStateStore = StoreApi<AppStateMirror>;

/** Creates the app-state mirror. */
export function createAppStateStore(): AppStateStore {
  return createStore<AppStateMirror>(() => ({ app: null, disconnected: false }));
}

/** Applies a snapshot unless it is older than (or as old as) the one held. */
export function applyAppState(store: AppStateStore, next: AppState): void {
  const current = store.getState().app;
  if (isNewer(current?.version ?? null, next.version)) store.setState({ app: next, disconnected: false });
}
