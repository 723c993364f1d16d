/**
 * Search folds accents and case everywhere a person searches: the org-picker (its worker-built index, its
 * scan before the index arrives, its highlight), the segment list, the core's segment filter and the
 * audit filter; `malaga` finds `Málaga`, `logrono` finds `Logroño`, `cadiz` finds `Cádiz`.
 */
import { describe, expect, it, vi } from 'vitest';
import { tenantColumns, type SegmentView, type TenantList } from '../../../src-shared/ipc';
import type { AuditEntry } from '../../../src-shared/session';
import { auditMatches } from '../../../src-shared/audit-match';
import { foldText, foldedIncludes, highlightFolded } from '../../../src-shared/text-fold';
import type { CatalogRequest, CatalogResponse } from '../../../src-renderer/app/catalog-builder';
import { buildTreeParts } from '../../../src-renderer/lib/catalog-parts';
import { assembleCatalog, buildCatalog } from '../../../src-renderer/lib/tenant-catalog';
import { TenantFilter } from '../../../src-renderer/lib/tenant-filter';
import { buildSearchIndex, highlightParts } from '../../../src-renderer/lib/tenant-search';
import { filterSegments } from '../../../src-renderer/features/segments/segment-list';
import { toolNamesMatching } from '../../../src-renderer/lib/tool-words';
import { spanishWords } from '../../helpers/words';

const venues = [
  { id: 'tn-ole', name: 'Olé Producciones', parentId: null },
  { id: 'tn-ole-malaga', name: 'Sala Málaga Centro', parentId: 'tn-ole' },
  { id: 'tn-ole-logrono', name: 'Auditorio de Logroño', parentId: 'tn-ole' },
  { id: 'tn-ole-cadiz', name: 'Gran Teatro de Cádiz', parentId: 'tn-ole' },
  { id: 'tn-ole-coruna', name: 'Coliseo A Coruña', parentId: 'tn-ole' },
  { id: 'tn-acme', name: 'Acme Madrid', parentId: null },
];
const list: TenantList = { tenants: tenantColumns(venues), role: 'OWNER', homeTenantId: 'tn-ole', activeTenantId: 'tn-ole', recent: [], pinned: [] };
const names = (catalog: ReturnType<typeof buildCatalog>, query: string): string[] => Array.from(catalog.find(query)).map((i) => catalog.at(i).name);

describe('text folding', () => {
  it('drops case and accents, keeps every other character', () => {
    expect(foldText('Málaga LOGROÑO A Coruña Cádiz Ærø 한국')).toBe('malaga logrono a coruna cadiz ærø 한국');
    // A decomposed accent (a + combining acute) folds like the composed one.
    expect(foldText('Ma\u0301laga')).toBe('malaga');
    expect(foldedIncludes('Gran Teatro de Cádiz', 'CADIZ')).toBe(true);
    expect(foldedIncludes('Málaga', 'málaga')).toBe(true);
  });

  it('highlights the original text, the accented letters included', () => {
    expect(highlightFolded('Sala Málaga Centro', ['malaga'])).toEqual([
      { text: 'Sala ', match: false },
      { text: 'Málaga', match: true },
      { text: ' Centro', match: false },
    ]);
    expect(highlightParts('Auditorio de Logron\u0303o', 'logrono').filter((p) => p.match).map((p) => p.text)).toEqual(['Logron\u0303o']);
    expect(highlightParts('Coliseo A Coruña', 'CORUNA').map((p) => p.text).join('')).toBe('Coliseo A Coruña');
  });
});

describe('org-picker search', () => {
  it('the index (as the worker builds it) finds accented names from plain letters, and the reverse', () => {
    const catalog = buildCatalog(list);
    expect(names(catalog, 'malaga')).toEqual(['Sala Málaga Centro']);
    expect(names(catalog, 'logrono')).toEqual(['Auditorio de Logroño']);
    expect(names(catalog, 'cadiz')).toEqual(['Gran Teatro de Cádiz']);
    expect(names(catalog, 'Logroño')).toEqual(['Auditorio de Logroño']);
    expect(names(catalog, 'OLE PROD')).toEqual(['Olé Producciones']);
    // Ids are searched too: every venue's id holds "ole".
    expect(names(catalog, 'ole')).toHaveLength(5);
    expect(names(catalog, 'coruña')).toEqual(['Coliseo A Coruña']);
    expect(names(catalog, 'de')).toEqual(['Auditorio de Logroño', 'Gran Teatro de Cádiz']);
  });

  it('the scan before the index arrives answers the same', () => {
    const early = assembleCatalog(list, buildTreeParts(list.tenants));
    expect(early.search).toBeNull();
    expect(Array.from(early.find('malaga')).map((i) => early.at(i).name)).toEqual(['Sala Málaga Centro']);
    expect(Array.from(early.find('LOGRONO'))).toEqual(Array.from(buildCatalog(list).find('LOGRONO')));
  });

  it('the kept answers of the filter stay right while typing and deleting accented letters', () => {
    const filter = new TenantFilter(buildSearchIndex(venues));
    const typed = ['m', 'ma', 'mal', 'malá', 'málag', 'málaga', 'malag', 'mala'];
    const results = typed.map((query) => Array.from(filter.filter(query)));
    expect(results.at(-3)).toEqual([1]);
    expect(results.at(-2)).toEqual([1]);
  });

  it('the catalog worker itself builds a folded index (its module, run as the window runs it)', async () => {
    const answers: CatalogResponse[] = [];
    const scope: { onmessage: ((event: MessageEvent<CatalogRequest>) => void) | null; postMessage: (message: CatalogResponse) => void } = { onmessage: null, postMessage: (message) => void answers.push(message) };
    vi.stubGlobal('self', scope);
    try {
      vi.resetModules();
      await import('../../../src-renderer/workers/tenant-catalog-worker');
      const { id, name, parent } = list.tenants;
      scope.onmessage?.({ data: { id: 7, source: { id, name, parent } } } as MessageEvent<CatalogRequest>);
    } finally {
      vi.unstubAllGlobals();
    }
    const search = answers.find((a): a is Extract<CatalogResponse, { stage: 'search' }> => 'stage' in a && a.stage === 'search');
    expect(search?.id).toBe(7);
    const filter = new TenantFilter(search!.search);
    expect(Array.from(filter.filter('malaga'))).toEqual([1]);
    expect(Array.from(filter.filter('logrono cadiz'))).toEqual([]);
    expect(Array.from(filter.filter('teatro cadiz'))).toEqual([3]);
  });
});

describe('segment and audit search', () => {
  const segment = (name: string, description?: string): SegmentView => ({ id: name.replace(/\W/g, '').padEnd(24, '0').slice(0, 24), name, ...(description === undefined ? {} : { description }), definition: { stanzas: [] }, revision: 'r1' }) as SegmentView;
  const segments = [segment('Compradores de Málaga'), segment('Público de A Coruña', 'Fans que viven en Galicia'), segment('VIP fans')];

  it('the segment list folds name and description', () => {
    expect(filterSegments(segments, 'malaga').map((s) => s.name)).toEqual(['Compradores de Málaga']);
    expect(filterSegments(segments, 'publico').map((s) => s.name)).toEqual(['Público de A Coruña']);
    expect(filterSegments(segments, 'GALICIA').map((s) => s.name)).toEqual(['Público de A Coruña']);
    expect(filterSegments(segments, '  ')).toBe(segments);
  });

  it('the audit filter folds, and matches the titles the window shows in its language', () => {
    const entry: AuditEntry = { seq: 1, at: '2026-01-01T00:00:00Z', sessionId: 'm1', clientName: 'claude', kind: 'tool', name: 'nevent_list_segments', title: 'List segments', tenantId: 't1', argKeys: [], result: 'ok', durationMs: 3 };
    expect(auditMatches(entry, { name: 'LIST SEGMENTS' })).toBe(true);
    expect(auditMatches({ ...entry, title: 'Élite' }, { name: 'elite' })).toBe(true);
    // "listar" is how a Spanish reader sees this tool: the window names the tools its words match.
    expect(auditMatches(entry, { name: 'listar' })).toBe(false);
    const nameIn = toolNamesMatching(spanishWords, 'listar segm');
    expect(nameIn).toEqual(['nevent_list_segments']);
    expect(auditMatches(entry, { name: 'listar segm', nameIn })).toBe(true);
    expect(toolNamesMatching(spanishWords, 'cambió')).toContain('nevent_switch_tenant');
  });
});
