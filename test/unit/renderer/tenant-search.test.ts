import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TenantFilter } from '../../../src-renderer/lib/tenant-filter';
import { buildSearchIndex, directTriplesFrom, filterTenantIndices, highlightParts, queryTokens, refinesQuery, searchText, type SearchableTenant } from '../../../src-renderer/lib/tenant-search';
import { propertyRuns } from '../../helpers/property-runs';

const tenants = [
  { id: 'acme', name: 'Acme Corp', slug: 'acme' },
  { id: 'acme-es', name: 'Acme España', slug: 'acme-spain' },
  { id: 't-9f2', name: 'Beta Festival', slug: 'beta-fest' },
  { id: 'gamma', name: 'Gamma Live', slug: 'gamma-live' },
];

/** The rule, spelled out: every token is a substring of one of name, slug, id (lowercased), in list order. */
function naive(list: readonly SearchableTenant[], query: string): number[] {
  const tokens = queryTokens(query);
  return list.flatMap((t, i) => (tokens.every((token) => searchText(t).includes(token)) ? [i] : []));
}

const filter = (index: ReturnType<typeof buildSearchIndex>, query: string, within?: ArrayLike<number>): number[] => Array.from(filterTenantIndices(index, query, within));

describe('tenant search', () => {
  const index = buildSearchIndex(tenants);

  it('matches name, slug and id case-insensitively, in list order', () => {
    expect(filter(index, 'ACME')).toEqual([0, 1]);
    expect(filter(index, 'spain')).toEqual([1]);
    expect(filter(index, 't-9f')).toEqual([2]);
    expect(filter(index, 'a')).toEqual([0, 1, 2, 3]);
    expect(filter(index, 'ñ')).toEqual([1]);
    expect(filter(index, 'zz')).toEqual([]);
    expect(filter(index, '')).toEqual([0, 1, 2, 3]);
  });

  it('requires every token and never matches across fields or tenants', () => {
    expect(filter(index, 'acme españa')).toEqual([1]);
    expect(filter(index, 'acme beta')).toEqual([]);
    // "corp\nacme" is two fields: a token spanning them must not match; nor one spanning two tenants.
    expect(filter(index, 'corpacme')).toEqual([]);
    expect(filter(index, 'pa')).toEqual([1]);
    expect(filter(index, 'acmeacme')).toEqual([]);
    expect(filter(index, 'es\u0000acme')).toEqual(filter(index, 'es acme'));
  });

  it('narrows a previous result when the query only grows', () => {
    const first = filterTenantIndices(index, 'a');
    expect(refinesQuery('a', 'ac')).toBe(true);
    expect(refinesQuery('ac', 'a')).toBe(false);
    expect(refinesQuery('', 'a')).toBe(false);
    expect(filter(index, 'acme', first)).toEqual(filter(index, 'acme'));
  });

  it('highlights every occurrence of every token and keeps the text intact', () => {
    const parts = highlightParts('Acme España acme', 'acme es');
    expect(parts.map((p) => p.text).join('')).toBe('Acme España acme');
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['Acme', 'Es', 'acme']);
    expect(highlightParts('Gamma', '')).toEqual([{ text: 'Gamma', match: false }]);
  });

  // Small alphabets make collisions, repeats, prefixes and near misses likely.
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '-', 'é', ' ', 'ab', '1'), maxLength: 10 });
  const tenant = fc.record({ id: word.filter((s) => s.trim() !== ''), name: word, slug: fc.option(word, { nil: undefined }) });
  const query = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'B', '-', 'é', ' ', '1', 'ab'), maxLength: 6 });

  it('finds exactly what the rule says, for any list and query, from scratch or narrowing', () => {
    fc.assert(
      fc.property(fc.array(tenant, { maxLength: 30 }), query, query, (list, q, more) => {
        const built = buildSearchIndex(list);
        expect(filter(built, q)).toEqual(naive(list, q));
        const grown = q + more;
        if (refinesQuery(q, grown)) expect(filter(built, grown, filterTenantIndices(built, q))).toEqual(naive(list, grown));
      }),
      propertyRuns('tenant search: finds what the rule says', 1500),
    );
  });

  it('answers a typed-and-deleted sequence like the rule at every keystroke (the filter with its kept answers)', () => {
    fc.assert(
      fc.property(fc.array(tenant, { maxLength: 30 }), fc.array(fc.oneof(fc.constantFrom('a', 'b', 'c', ' ', '1'), fc.constant('\b')), { maxLength: 25 }), (list, keys) => {
        const tenantFilter = new TenantFilter(buildSearchIndex(list));
        let typed = '';
        for (const key of keys) {
          typed = key === '\b' ? typed.slice(0, -1) : typed + key;
          if (typed.trim() === '') continue;
          expect(Array.from(tenantFilter.filter(typed))).toEqual(naive(list, typed));
        }
      }),
      propertyRuns('tenant search: typing and deleting', 500),
    );
  });

  it('finds exactly what the rule says in a list large enough for the direct gram tables', () => {
    const syllables = ['an', 'ne', 'ta', 'lo', 'rio', 'é', '-', '7'];
    const many = Array.from({ length: directTriplesFrom + 500 }, (_, i) => ({ id: `tn-${i}`, name: `${syllables[i % 8]}${syllables[(i * 3) % 8]}${syllables[(i * 5) % 7]} ${i}`, slug: i % 3 === 0 ? `s-${syllables[i % 5]}${syllables[i % 7]}` : null }));
    const big = buildSearchIndex(many);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...syllables, ' ', '1', 'tn', 's-'), maxLength: 5 }), (q) => {
        expect(filter(big, q)).toEqual(naive(many, q));
      }),
      propertyRuns('tenant search: a list large enough for the gram tables', 150),
    );
  });

  // How fast is the benchmark's to say (`npm run bench`, org-picker rows): here, only that it is right at scale.
  it('finds the matches among 100,000 tenants, short and long tokens alike', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({ id: `t-${i}`, name: `Tenant ${i}`, slug: `tenant-${i}` }));
    const big = buildSearchIndex(many);
    expect(filter(big, 'tenant 9999 t-1').map((i) => many[i]?.id)).toEqual(['t-19999']);
    expect(filter(big, '99999').map((i) => many[i]?.id)).toEqual(['t-99999']);
    expect(filter(big, 't')).toHaveLength(100_000);
    expect(filter(big, '7 8 9')).toEqual(naive(many, '7 8 9'));
  });
});
