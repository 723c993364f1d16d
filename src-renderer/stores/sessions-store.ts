/** Mirror of every session (desktop and MCP): versioned list from `mcp.sessions` and its change events. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SessionList } from '../../src-shared/ipc';
import type { SessionSnapshot } from '../../src-shared/session';
import { isNewer } from '../lib/versioned';

/** Sessions state. */
export interface SessionsState {
  version: number | null;
  sessions: SessionSnapshot[];
}

/** The sessions store. */
export type SessionsStore = StoreApi<SessionsState>;

/** Creates the sessions store. */
export function createSessionsStore(): SessionsStore {
  return createStore<SessionsState>(() => ({ version: null, sessions: [] }));
}

/** Applies a session list unless it is not newer than the one held. */
export function applySessions(store: SessionsStore, list: SessionList): void {
  if (isNewer(store.getState().version, list.version)) store.setState({ version: list.version, sessions: list.sessions });
}
