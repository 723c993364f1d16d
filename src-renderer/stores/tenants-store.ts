/**
 * The accessible tenants of the signed-in user, with the org-picker's search index and tree built once
 * per list (never per keystroke; lib/tenant-catalog.ts). A switch in flight and a failed one are main's
 * (the desktop session's `switchingTo`, the app state's `lastSwitchError`), never kept here.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppErrorData } from '../../src-shared/errors';
import type { TenantCatalog } from '../lib/tenant-catalog';

export type { TenantCatalog } from '../lib/tenant-catalog';

/** Tenants state. */
export interface TenantsState {
  /** The account the catalog belongs to (user id); a different account reloads it. */
  accountId: string | null;
  catalog: TenantCatalog | null;
  loading: boolean;
  error: AppErrorData | null;
}

/** The tenants store. */
export type TenantsStore = StoreApi<TenantsState>;

/** Creates the tenants store. */
export function createTenantsStore(): TenantsStore {
  return createStore<TenantsState>(() => ({ accountId: null, catalog: null, loading: false, error: null }));
}
