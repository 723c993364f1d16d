/** The catalog builder: two stages through a worker, and the same parts built here when the worker cannot help. */
import { describe, expect, it } from 'vitest';
import { tenantColumns } from '../../../src-shared/ipc';
import { workerCatalogBuilder, type CatalogRequest, type CatalogResponse, type CatalogWorker } from '../../../src-renderer/app/catalog-builder';
import { buildSearchPart, buildTreeParts } from '../../../src-renderer/lib/catalog-parts';

const source = tenantColumns([
  { id: 'tn-root', name: 'Root', parentId: null },
  { id: 'tn-a', name: 'Alpha', parentId: 'tn-root' },
  { id: 'tn-b', name: 'Beta', parentId: 'tn-root' },
]);

/** A worker stand-in that answers like the real one, or fails the way a worker can. */
function fakeWorker(mode: 'answers' | 'fails' | 'errors'): CatalogWorker & { posted: CatalogRequest[] } {
  const listeners = new Map<string, ((event: never) => void)[]>();
  const emit = (type: string, event: unknown): void => {
    for (const l of listeners.get(type) ?? []) l(event as never);
  };
  const posted: CatalogRequest[] = [];
  return {
    posted,
    addEventListener: (type: string, listener: (event: never) => void) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    postMessage: (message: CatalogRequest) => {
      posted.push(message);
      queueMicrotask(() => {
        if (mode === 'errors') return emit('error', new Event('error'));
        if (mode === 'fails') return emit('message', { data: { id: message.id, error: 'out of memory' } satisfies CatalogResponse });
        emit('message', { data: { id: message.id, stage: 'tree', parts: buildTreeParts(message.source) } satisfies CatalogResponse });
        emit('message', { data: { id: message.id, stage: 'search', search: buildSearchPart(message.source) } satisfies CatalogResponse });
      });
    },
    terminate: () => undefined,
  };
}

describe('catalog builder', () => {
  it('sends the columns to the worker and resolves the tree, then the index', async () => {
    const worker = fakeWorker('answers');
    const logs: string[] = [];
    const build = workerCatalogBuilder(() => worker, (m) => logs.push(m)).build(source);
    expect(Array.from((await build.tree).tree.roots)).toEqual([0]);
    expect((await build.search).size).toBe(3);
    expect(worker.posted).toHaveLength(1);
    expect(logs).toEqual([]);
  });

  for (const mode of ['fails', 'errors'] as const) {
    it(`builds the same parts on this thread when the worker ${mode === 'fails' ? 'reports a failure' : 'dies'}`, async () => {
      const logs: string[] = [];
      const build = workerCatalogBuilder(() => fakeWorker(mode), (m) => logs.push(m)).build(source);
      expect(await build.tree).toEqual(buildTreeParts(source));
      expect(await build.search).toEqual(buildSearchPart(source));
      if (mode === 'errors') expect(logs.join(' ')).toMatch(/worker unavailable/);
    });
  }

  it('builds on this thread when no worker can start (a CSP or a browser without workers)', async () => {
    const logs: string[] = [];
    const builder = workerCatalogBuilder(() => {
      throw new Error('Refused to create a worker');
    }, (m) => logs.push(m));
    const build = builder.build(source);
    expect(await build.tree).toEqual(buildTreeParts(source));
    expect(await build.search).toEqual(buildSearchPart(source));
    expect(logs.join(' ')).toMatch(/could not start/);
  });
});
