/**
 * The accessible tenants of the signed-in user, with the org-picker's search index and tree built once
 * per list (never per keystroke), and the state of the desktop's last switch attempt.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TenantView as AccessibleTenant } from '../../src-shared/ipc';
import type { AppErrorData } from '../../src-shared/errors';
import type { TenantList } from '../../src-shared/ipc';
import { buildSearchIndex, type TenantSearchIndex } from '../lib/tenant-search';
import { buildTenantTree, type TenantTree } from '../lib/tenant-tree';

/** The tenant list with its derived structures. */
export interface TenantCatalog {
  list: TenantList;
  ids: string[];
  byId: Map<string, AccessibleTenant>;
  search: TenantSearchIndex;
  tree: TenantTree;
}

/** The switch the window asked for, while it runs and after it failed. */
export type SwitchAttempt =
  | { state: 'idle' }
  | { state: 'pending'; kind: 'switch' | 'reset'; targetId: string | null }
  | { state: 'failed'; kind: 'switch' | 'reset'; targetId: string | null; fromTenantId: string | null; error: AppErrorData };

/** Tenants state. */
export interface TenantsState {
  /** The account the catalog belongs to (user id); a different account reloads it. */
  accountId: string | null;
  catalog: TenantCatalog | null;
  loading: boolean;
  error: AppErrorData | null;
  attempt: SwitchAttempt;
}

/** The tenants store. */
export type TenantsStore = StoreApi<TenantsState>;

/** Creates the tenants store. */
export function createTenantsStore(): TenantsStore {
  return createStore<TenantsState>(() => ({ accountId: null, catalog: null, loading: false, error: null, attempt: { state: 'idle' } }));
}

/** Derives the picker's index and tree from a tenant list (O(n), once per list). */
export function buildCatalog(list: TenantList): TenantCatalog {
  const ids = list.tenants.map((t) => t.id);
  const byId = new Map(list.tenants.map((t) => [t.id, t] as const));
  return { list, ids, byId, search: buildSearchIndex(list.tenants), tree: buildTenantTree(list.tenants) };
}
