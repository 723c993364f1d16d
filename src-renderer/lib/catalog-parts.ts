/**
 * The part of the tenant catalog that the worker builds (tenant-catalog.ts assembles it on the
 * window's thread), in two stages so the picker can show its tree before the search index is done:
 *
 *   stage 1 (fast): tree, colours, id table  ──> the picker is shown
 *   stage 2:        the n-gram search index  ──> keystrokes use it (before: a plain scan, same answers)
 *
 * Imports no schema library: the worker bundle stays small and starts fast.
 */
import type { TenantColumns } from '../../src-shared/ipc';
import { assignTenantHues } from './tenant-colour';
import { buildIdTable, type TenantIdTable } from './tenant-id-table';
import { buildSearchIndex, searchIndexBuffers, type TenantSearchIndex } from './tenant-search';
import { buildTenantTree, treeBuffers, type TenantTree } from './tenant-tree';

/** The columns the worker needs (ids, names, slugs for the search; parents for the tree and colours). */
export type CatalogSource = Pick<TenantColumns, 'id' | 'name' | 'parent' | 'slug'>;

/** Stage 1: what the tree view needs. Typed arrays, cheap to transfer. */
export interface TreeParts {
  tree: TenantTree;
  /** Each tenant's hue, chosen over the whole tree (tenant-colour.ts). */
  hues: Uint16Array;
  idTable: TenantIdTable;
}

/** Builds stage 1 from the columns (O(n) plus sorting siblings by id). */
export function buildTreeParts(source: CatalogSource): TreeParts {
  const tree = buildTenantTree(source.parent);
  return { tree, hues: assignTenantHues(source.id, tree), idTable: buildIdTable(source.id) };
}

/** Builds stage 2, the search index, from the columns. */
export function buildSearchPart(source: CatalogSource): TenantSearchIndex {
  return buildSearchIndex(source.id.map((id, i) => ({ id, name: source.name[i] as string, slug: source.slug?.[i] ?? null })));
}

/** The buffers of stage 1, for `postMessage`'s transfer list. */
export function treePartsBuffers(parts: TreeParts): ArrayBuffer[] {
  return [...treeBuffers(parts.tree), parts.hues.buffer as ArrayBuffer, parts.idTable.buffer as ArrayBuffer];
}

export { searchIndexBuffers };
