/**
 * The accessible tenants of the signed-in user, with the org-picker's search index and tree built once
 * per list (never per keystroke). A switch in flight and a failed one are main's (the desktop session's
 * `switchingTo`, the app state's `lastSwitchError`), never kept here.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TenantView as AccessibleTenant } from '../../src-shared/ipc';
import type { AppErrorData } from '../../src-shared/errors';
import type { TenantList } from '../../src-shared/ipc';
import { assignTenantHues } from '../lib/tenant-colour';
import { buildSearchIndex, type TenantSearchIndex } from '../lib/tenant-search';
import { buildTenantTree, type TenantTree } from '../lib/tenant-tree';

/** The tenant list with its derived structures. */
export interface TenantCatalog {
  list: TenantList;
  ids: string[];
  byId: Map<string, AccessibleTenant>;
  search: TenantSearchIndex;
  tree: TenantTree;
  /** Each tenant's colour, chosen over the whole list so tenants shown together differ (tenant-colour.ts). */
  hues: Map<string, number>;
}

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

/** Derives the picker's index and tree from a tenant list (O(n), once per list). */
export function buildCatalog(list: TenantList): TenantCatalog {
  const ids = list.tenants.map((t) => t.id);
  const byId = new Map(list.tenants.map((t) => [t.id, t] as const));
  return { list, ids, byId, search: buildSearchIndex(list.tenants), tree: buildTenantTree(list.tenants), hues: assignTenantHues(list.tenants) };
}
