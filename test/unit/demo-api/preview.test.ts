import { describe, expect, it } from 'vitest';
import type { SegmentCriterion, SegmentDefinition } from '../../../src-shared/api';
import { checkSegmentDefinition } from '../../../src-shared/segment-definition-check';
import { criteriaCatalogue, type DemoCriterion as Criterion } from '../../../src-main/demo-api/criteria-catalogue';
import { generateFans } from '../../../src-main/demo-api/fans';
import { conditionMatches, matchesDefinition, previewDefinition } from '../../../src-main/demo-api/preview';
import type { FanAttributes } from '../../../src-main/demo-api/preview';

const fan: FanAttributes = { city: 'madrid', email: 'Ana.Lopez@Example.com', age: 30, opt_in: true, bought: '2025-03-15', empty: null };
const cond = (criterion_id: string, operator: string, value?: SegmentCriterion['value']): SegmentCriterion => (value === undefined ? { criterion_id, operator } : { criterion_id, operator, value });
const holds = (condition: SegmentCriterion, type: string, on: FanAttributes = fan) => conditionMatches(on, condition, type);

describe('conditionMatches', () => {
  it('ENTITY: is / is_not over one value or a list; is_set / is_not_set on missing values', () => {
    expect(holds(cond('city', 'is', 'madrid'), 'ENTITY')).toBe(true);
    expect(holds(cond('city', 'is', ['paris', 'madrid']), 'ENTITY')).toBe(true);
    expect(holds(cond('city', 'is', ['paris']), 'ENTITY')).toBe(false);
    expect(holds(cond('city', 'is_not', ['paris']), 'ENTITY')).toBe(true);
    expect(holds(cond('empty', 'is_not', ['paris']), 'ENTITY')).toBe(true);
    expect(holds(cond('empty', 'is', ['paris']), 'ENTITY')).toBe(false);
    expect(holds(cond('city', 'is_set'), 'ENTITY')).toBe(true);
    expect(holds(cond('empty', 'is_set'), 'ENTITY')).toBe(false);
    expect(holds(cond('empty', 'is_not_set'), 'ENTITY')).toBe(true);
  });

  it('TEXT: case-insensitive eq / neq / contains / starts_with / ends_with', () => {
    expect(holds(cond('email', 'eq', 'ana.lopez@example.com'), 'TEXT')).toBe(true);
    expect(holds(cond('email', 'neq', 'ana.lopez@example.com'), 'TEXT')).toBe(false);
    expect(holds(cond('email', 'contains', 'LOPEZ'), 'TEXT')).toBe(true);
    expect(holds(cond('email', 'starts_with', 'ana.'), 'TEXT')).toBe(true);
    expect(holds(cond('email', 'ends_with', '@example.org'), 'TEXT')).toBe(false);
    expect(holds(cond('empty', 'contains', 'a'), 'TEXT')).toBe(false);
    expect(holds(cond('empty', 'neq', 'a'), 'TEXT')).toBe(true);
  });

  it('NUMBER: comparisons at the boundary', () => {
    const results = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'].map((op) => holds(cond('age', op, 30), 'NUMBER'));
    expect(results).toEqual([true, false, false, true, false, true]);
    expect(holds(cond('empty', 'gt', 0), 'NUMBER')).toBe(false);
    expect(holds(cond('empty', 'neq', 0), 'NUMBER')).toBe(true);
  });

  it('BOOLEAN: is_true / is_false (missing counts as false)', () => {
    expect(holds(cond('opt_in', 'is_true'), 'BOOLEAN')).toBe(true);
    expect(holds(cond('opt_in', 'is_false'), 'BOOLEAN')).toBe(false);
    expect(holds(cond('empty', 'is_false'), 'BOOLEAN')).toBe(true);
  });

  it('DATE: before / after are strict, between is inclusive', () => {
    expect(holds(cond('bought', 'before', '2025-03-16'), 'DATE')).toBe(true);
    expect(holds(cond('bought', 'before', '2025-03-15'), 'DATE')).toBe(false);
    expect(holds(cond('bought', 'after', '2025-03-14'), 'DATE')).toBe(true);
    expect(holds(cond('bought', 'between', ['2025-03-15', '2025-03-15']), 'DATE')).toBe(true);
    expect(holds(cond('bought', 'between', ['2025-03-16', '2025-04-01']), 'DATE')).toBe(false);
    expect(holds(cond('empty', 'after', '2000-01-01'), 'DATE')).toBe(false);
  });
});

describe('matchesDefinition', () => {
  const types = new Map<string, string>([['city', 'ENTITY'], ['age', 'NUMBER'], ['opt_in', 'BOOLEAN']]);
  const yes = cond('city', 'is', 'madrid');
  const no = cond('age', 'gt', 99);
  it('ORs criteria inside a stanza and ANDs stanzas', () => {
    expect(matchesDefinition(fan, { stanzas: [{ criteria: [no, yes] }] }, types)).toBe(true);
    expect(matchesDefinition(fan, { stanzas: [{ criteria: [no] }] }, types)).toBe(false);
    expect(matchesDefinition(fan, { stanzas: [{ criteria: [yes] }, { criteria: [no] }] }, types)).toBe(false);
    expect(matchesDefinition(fan, { stanzas: [{ criteria: [yes] }, { criteria: [no, cond('opt_in', 'is_true')] }] }, types)).toBe(true);
    expect(matchesDefinition(fan, { stanzas: [] }, types)).toBe(true);
    expect(matchesDefinition(fan, { stanzas: [{ criteria: [cond('unknown', 'is', 'x')] }] }, types)).toBe(false);
  });
});

describe('previewDefinition over generated fans', () => {
  const tenant = { id: 'tn-test', key: 'test', name: 'Test', parentId: null, level: 0 };
  const fans = generateFans(tenant);
  const catalogue: Criterion[] = criteriaCatalogue(tenant);
  const count = (definition: SegmentDefinition) => {
    expect(checkSegmentDefinition(definition, catalogue)).toEqual([]);
    return previewDefinition(fans, definition, catalogue);
  };

  it('generates the same few thousand fans every time', () => {
    expect(fans.length).toBeGreaterThanOrEqual(1500);
    expect(fans.length).toBeLessThanOrEqual(4000);
    expect(generateFans(tenant)).toEqual(fans);
    expect(generateFans({ ...tenant, id: 'tn-other' })).not.toEqual(fans);
  });

  it('counts exactly the matching fans and samples the first five in order', () => {
    const definition: SegmentDefinition = { stanzas: [{ criteria: [cond('city', 'is', ['lyon', 'porto'])] }, { criteria: [cond('age', 'gte', 40)] }] };
    const expected = fans.filter((f) => (f.city === 'lyon' || f.city === 'porto') && f.age !== null && f.age >= 40);
    const preview = count(definition);
    expect(preview.estimated_fan_count).toBe(expected.length);
    // The data API's sample shape: fan_id and names; the email only of fans who opted in.
    expect(preview.sample_fans).toEqual(expected.slice(0, 5).map((f) => ({ fan_id: f.id, first_name: f.first_name, last_name: f.last_name, ...(f.newsletter_opt_in ? { email: f.email } : {}) })));
  });

  it('follows set algebra: |A∪B| + |A∩B| = |A| + |B|', () => {
    const a = cond('newsletter_opt_in', 'is_true');
    const b = cond('last_purchase_at', 'after', '2025-06-30');
    const n = (definition: SegmentDefinition) => count(definition).estimated_fan_count;
    expect(n({ stanzas: [{ criteria: [a, b] }] }) + n({ stanzas: [{ criteria: [a] }, { criteria: [b] }] })).toBe(n({ stanzas: [{ criteria: [a] }] }) + n({ stanzas: [{ criteria: [b] }] }));
    expect(n({ stanzas: [] })).toBe(fans.length);
    expect(n({ stanzas: [{ criteria: [a, cond('newsletter_opt_in', 'is_false')] }] })).toBe(fans.length);
  });
});
