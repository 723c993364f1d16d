/**
 * The catalog worker: builds the org-picker's tree, colours and id table, then its search index, off
 * the window's thread, and hands each back without a copy (every buffer is transferred).
 *
 *   window ── {id, source: columns} ──> worker ── {id, stage: 'tree', parts}   ──> window (picker shown)
 *                                              ── {id, stage: 'search', search} ──> window (index in use)
 *                                              └─ {id, error}  (the window then builds what is missing itself)
 */
import { buildSearchPart, buildTreeParts, searchIndexBuffers, treePartsBuffers } from '../lib/catalog-parts';
import type { CatalogRequest, CatalogResponse } from '../app/catalog-builder';

// The renderer's TypeScript project has the DOM types, not the worker's: only these two members are used.
const scope = self as unknown as { onmessage: ((event: MessageEvent<CatalogRequest>) => void) | null; postMessage(message: CatalogResponse, transfer: ArrayBuffer[]): void };

scope.onmessage = (event) => {
  const { id, source } = event.data;
  try {
    const parts = buildTreeParts(source);
    scope.postMessage({ id, stage: 'tree', parts }, treePartsBuffers(parts));
    const search = buildSearchPart(source);
    scope.postMessage({ id, stage: 'search', search }, searchIndexBuffers(search));
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }, []);
  }
};
