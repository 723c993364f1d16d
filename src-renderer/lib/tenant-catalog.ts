/**
 * What the org-picker derives from a tenant list, built once per list off the window's thread (the
 * catalog worker, in two stages) and assembled on it:
 *
 *   tenants.list columns ──> worker: tree parts ──> assembleCatalog(list, parts) ──> store: picker shown
 *                                   search index ──> catalog.withSearch(index)   ──> store: keystrokes use it
 *
 * The window keeps the columns it received; entries (one object per tenant) are made only for the rows
 * on screen and kept once made.
 */
import { isSwitchableStatus } from '../../src-shared/api';
import { columnsSize, tenantAt, type TenantEntry, type TenantList } from '../../src-shared/ipc';
import { buildSearchPart, buildTreeParts, type TreeParts } from './catalog-parts';
import { TenantFilter } from './tenant-filter';
import { lookupId } from './tenant-id-table';
import { queryTokens, searchText, type TenantSearchIndex } from './tenant-search';
import type { TenantTree } from './tenant-tree';

/** The accessible tenants with the picker's tree, colours, lookups and (once built) search index. */
export interface TenantCatalog {
  readonly list: TenantList;
  /** How many tenants. */
  readonly size: number;
  readonly ids: readonly string[];
  readonly tree: TenantTree;
  /** The search index, once the worker has built it (null until then). */
  readonly search: TenantSearchIndex | null;
  /**
   * Positions (ascending) of the tenants matching every token of `query`: through the index and its
   * kept answers, or, until the index has arrived, a plain scan of the columns (the same answers, slower).
   */
  find(query: string): Int32Array;
  /** The same catalog with its search index (the entries made so far are kept). */
  withSearch(search: TenantSearchIndex): TenantCatalog;
  /** Tenant `index` (made on first use, then kept). */
  at(index: number): TenantEntry;
  /** Whether tenant `index` can be switched to (read from the status column: no entry made). */
  switchable(index: number): boolean;
  /** The list position of a tenant id, or undefined. */
  indexOf(id: string): number | undefined;
  /** The tenant with this id, or undefined. */
  get(id: string): TenantEntry | undefined;
  /** The tenant's colour chosen over the list, or undefined when the list does not hold it. */
  hue(id: string): number | undefined;
}

/** Puts a list and its parts together (cheap: no pass over the tenants). */
export function assembleCatalog(list: TenantList, parts: TreeParts, search: TenantSearchIndex | null = null, kept?: (TenantEntry | undefined)[]): TenantCatalog {
  const columns = list.tenants;
  const ids = columns.id;
  const entries = kept ?? new Array<TenantEntry | undefined>(columnsSize(columns));
  const at = (index: number): TenantEntry => (entries[index] ??= tenantAt(columns, index));
  const indexOf = (id: string): number | undefined => lookupId(parts.idTable, ids, id);
  const filter = search === null ? null : new TenantFilter(search);
  return {
    list,
    size: ids.length,
    ids,
    tree: parts.tree,
    search,
    find: (query) => (filter === null ? scanColumns(list, query) : filter.filter(query)),
    withSearch: (index) => assembleCatalog(list, parts, index, entries),
    at,
    switchable: (index) => isSwitchableStatus(columns.status?.[index] ?? undefined),
    indexOf,
    get: (id) => {
      const index = indexOf(id);
      return index === undefined ? undefined : at(index);
    },
    hue: (id) => {
      const index = indexOf(id);
      return index === undefined ? undefined : parts.hues[index];
    },
  };
}

/** The match rule applied tenant by tenant (the moments before the index arrives). */
function scanColumns(list: TenantList, query: string): Int32Array {
  const tokens = queryTokens(query);
  const { id, name, slug } = list.tenants;
  const out: number[] = [];
  for (let i = 0; i < id.length; i++) {
    const text = searchText({ id: id[i] as string, name: name[i] as string, slug: slug?.[i] ?? null });
    if (tokens.every((t) => text.includes(t))) out.push(i);
  }
  return Int32Array.from(out);
}

/** Builds the whole catalog on this thread (tests). */
export function buildCatalog(list: TenantList): TenantCatalog {
  return assembleCatalog(list, buildTreeParts(list.tenants), buildSearchPart(list.tenants));
}
