import { describe, expect, it } from 'vitest';
import { buildSearchIndex, filterTenantIndices, highlightParts, refinesQuery } from '../../../src-renderer/lib/tenant-search';

const tenants = [
  { id: 'acme', name: 'Acme Corp', slug: 'acme' },
  { id: 'acme-es', name: 'Acme España', slug: 'acme-spain' },
  { id: 't-9f2', name: 'Beta Festival', slug: 'beta-fest' },
  { id: 'gamma', name: 'Gamma Live', slug: 'gamma-live' },
];

describe('tenant search', () => {
  const index = buildSearchIndex(tenants);

  it('matches name, slug and id case-insensitively, in list order', () => {
    expect(filterTenantIndices(index, 'ACME')).toEqual([0, 1]);
    expect(filterTenantIndices(index, 'spain')).toEqual([1]);
    expect(filterTenantIndices(index, 't-9f')).toEqual([2]);
    expect(filterTenantIndices(index, '')).toEqual([0, 1, 2, 3]);
  });

  it('requires every token and never matches across fields', () => {
    expect(filterTenantIndices(index, 'acme españa')).toEqual([1]);
    expect(filterTenantIndices(index, 'acme beta')).toEqual([]);
    // "corp\nacme" is two fields: a token spanning them must not match.
    expect(filterTenantIndices(index, 'corpacme')).toEqual([]);
  });

  it('narrows a previous result when the query only grows', () => {
    const first = filterTenantIndices(index, 'a');
    expect(refinesQuery('a', 'ac')).toBe(true);
    expect(refinesQuery('ac', 'a')).toBe(false);
    expect(refinesQuery('', 'a')).toBe(false);
    expect(filterTenantIndices(index, 'acme', first)).toEqual(filterTenantIndices(index, 'acme'));
  });

  it('highlights every occurrence of every token and keeps the text intact', () => {
    const parts = highlightParts('Acme España acme', 'acme es');
    expect(parts.map((p) => p.text).join('')).toBe('Acme España acme');
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['Acme', 'Es', 'acme']);
    expect(highlightParts('Gamma', '')).toEqual([{ text: 'Gamma', match: false }]);
  });

  // How fast is the benchmark's to say (`npm run bench`, org-picker rows, as a ratio): here, only that it is right at scale.
  it('finds the one match among 100,000 tenants', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({ id: `t-${i}`, name: `Tenant ${i}`, slug: `tenant-${i}` }));
    const big = buildSearchIndex(many);
    const hits = filterTenantIndices(big, 'tenant 9999 t-1');
    expect(hits.map((i) => many[i]?.id)).toEqual(['t-19999']);
  });
});
