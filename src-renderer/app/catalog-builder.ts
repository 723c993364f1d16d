/**
 * Where the tenant catalog's parts get built: in a Web Worker when one can start (the window stays
 * responsive while 100,000 tenants are indexed), else on the window's thread. Both give the same parts
 * (catalog-parts.ts); the worker is only where the work happens. Each build answers in two stages.
 *
 *   build(source) ──> worker up? ──yes──> postMessage ──> tree parts, then the search index
 *                │                                      (an error: what is missing is built here)
 *                └─no───> both built here
 */
import { buildSearchPart, buildTreeParts, type CatalogSource, type TreeParts } from '../lib/catalog-parts';
import type { TenantSearchIndex } from '../lib/tenant-search';

/** A request to the catalog worker. */
export interface CatalogRequest {
  id: number;
  source: CatalogSource;
}

/** The catalog worker's answers: two stages, or an error. */
export type CatalogResponse = { id: number; stage: 'tree'; parts: TreeParts } | { id: number; stage: 'search'; search: TenantSearchIndex } | { id: number; error: string };

/** One build's two stages. */
export interface CatalogBuild {
  tree: Promise<TreeParts>;
  search: Promise<TenantSearchIndex>;
}

/** Builds catalog parts for a tenant list. */
export interface CatalogBuilder {
  build(source: CatalogSource): CatalogBuild;
}

/** Builds on the calling thread, the tree first (unit tests; the fallback). */
export const inlineCatalogBuilder: CatalogBuilder = {
  build: (source) => {
    const tree = Promise.resolve().then(() => buildTreeParts(source));
    return { tree, search: tree.then(() => buildSearchPart(source)) };
  },
};

/** What the builder needs of a worker (a `Worker` has it). */
export interface CatalogWorker {
  postMessage(message: CatalogRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<CatalogResponse>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

/** A promise with its resolve and reject. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

interface Pending {
  source: CatalogSource;
  treeDone: boolean;
  tree: { resolve: (parts: TreeParts) => void; reject: (reason: unknown) => void };
  search: { resolve: (search: TenantSearchIndex) => void; reject: (reason: unknown) => void };
}

/**
 * A builder over one long-lived worker, started at once so it is ready by the time a list arrives.
 * When the worker cannot start or fails, every pending and later build runs on this thread instead.
 */
export function workerCatalogBuilder(startWorker: () => CatalogWorker, log: (message: string) => void = () => undefined): CatalogBuilder {
  let worker: CatalogWorker | null = null;
  const pending = new Map<number, Pending>();
  let nextId = 1;

  /** Builds here whatever the worker has not delivered for `p`. */
  const finishHere = (p: Pending): void => {
    const here = inlineCatalogBuilder.build(p.source);
    if (!p.treeDone) here.tree.then(p.tree.resolve, p.tree.reject);
    here.search.then(p.search.resolve, p.search.reject);
  };

  const fallBack = (why: string): void => {
    log(`tenant catalog worker unavailable (${why}); building on the window's thread`);
    worker?.terminate();
    worker = null;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) finishHere(p);
  };

  try {
    worker = startWorker();
    worker.addEventListener('message', (event) => {
      const answer = event.data;
      const p = pending.get(answer.id);
      if (p === undefined) return;
      if ('error' in answer) {
        pending.delete(answer.id);
        finishHere(p);
      } else if (answer.stage === 'tree') {
        p.treeDone = true;
        p.tree.resolve(answer.parts);
      } else {
        pending.delete(answer.id);
        p.search.resolve(answer.search);
      }
    });
    worker.addEventListener('error', () => fallBack('it failed'));
    worker.addEventListener('messageerror', () => fallBack('an answer could not be read'));
  } catch (error) {
    worker = null;
    log(`tenant catalog worker could not start (${error instanceof Error ? error.message : String(error)})`);
  }

  return {
    build: (source) => {
      const current = worker;
      if (current === null) return inlineCatalogBuilder.build(source);
      const tree = deferred<TreeParts>();
      const search = deferred<TenantSearchIndex>();
      const id = nextId++;
      pending.set(id, { source, treeDone: false, tree, search });
      try {
        current.postMessage({ id, source });
      } catch (error) {
        fallBack(error instanceof Error ? error.message : String(error));
      }
      return { tree: tree.promise, search: search.promise };
    },
  };
}
