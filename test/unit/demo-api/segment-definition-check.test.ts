import { describe, expect, it } from 'vitest';
import type { Criterion, SegmentDefinition } from '../../../src-shared/api';
import { checkSegmentDefinition, isIsoDate } from '../../../src-shared/segment-definition-check';
import { formatIssuePath } from '../../../src-shared/zod-issue';

const catalogue: Criterion[] = [
  { id: 'city', type: 'demographic', label: 'City', valueType: 'ENTITY', operators: ['is', 'is_not', 'is_set', 'is_not_set'], options: [{ value: 'madrid', label: 'Madrid' }, { value: 'paris', label: 'Paris' }] },
  { id: 'tag', type: 'profile', label: 'Tag', valueType: 'ENTITY', operators: ['is', 'is_not'] },
  { id: 'email', type: 'profile', label: 'Email', valueType: 'TEXT', operators: ['eq', 'neq', 'contains', 'starts_with', 'ends_with'] },
  { id: 'age', type: 'demographic', label: 'Age', valueType: 'NUMBER', operators: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] },
  { id: 'opt_in', type: 'consent', label: 'Opt-in', valueType: 'BOOLEAN', operators: ['is_true', 'is_false'] },
  { id: 'bought', type: 'transactional', label: 'Bought', valueType: 'DATE', operators: ['before', 'after', 'between'] },
];

const one = (criterion: Record<string, unknown>): SegmentDefinition => ({ stanzas: [{ criteria: [{ criterion_id: 'opt_in', operator: 'is_true' }, criterion as SegmentDefinition['stanzas'][0]['criteria'][0]] }] });
const issuesOf = (criterion: Record<string, unknown>) => checkSegmentDefinition(one(criterion), catalogue);

describe('checkSegmentDefinition', () => {
  it('accepts valid conditions of every value type, and the empty definition', () => {
    const valid: Record<string, unknown>[] = [
      { criterion_id: 'city', operator: 'is', value: 'madrid' },
      { criterion_id: 'city', operator: 'is_not', value: ['madrid', 'paris'] },
      { criterion_id: 'city', operator: 'is_set' },
      { criterion_id: 'city', operator: 'is_not_set', value: null },
      { criterion_id: 'tag', operator: 'is', value: 'anything' },
      { criterion_id: 'email', operator: 'ends_with', value: '@example.com' },
      { criterion_id: 'age', operator: 'gte', value: 18 },
      { criterion_id: 'age', operator: 'eq', value: 0 },
      { criterion_id: 'opt_in', operator: 'is_false' },
      { criterion_id: 'bought', operator: 'before', value: '2025-06-01' },
      { criterion_id: 'bought', operator: 'after', value: '2025-06-01T10:00:00Z' },
      { criterion_id: 'bought', operator: 'between', value: ['2025-01-01', '2025-01-01'] },
    ];
    for (const criterion of valid) expect(issuesOf(criterion), JSON.stringify(criterion)).toEqual([]);
    expect(checkSegmentDefinition({ stanzas: [] }, catalogue)).toEqual([]);
  });

  it('reports an unknown criterion at criterion_id', () => {
    expect(issuesOf({ criterion_id: 'shoe_size', operator: 'eq', value: 42 })).toEqual([{ path: 'stanzas[0].criteria[1].criterion_id', message: 'unknown criterion "shoe_size"' }]);
  });

  it('reports an operator not allowed for the value type (or not offered by the criterion) at operator', () => {
    for (const criterion of [
      { criterion_id: 'city', operator: 'gt', value: 'madrid' },
      { criterion_id: 'age', operator: 'contains', value: 1 },
      { criterion_id: 'opt_in', operator: 'is', value: 'x' },
      { criterion_id: 'bought', operator: 'eq', value: '2025-01-01' },
      { criterion_id: 'tag', operator: 'is_set' },
    ]) {
      const [issue, ...rest] = issuesOf(criterion);
      expect(rest).toEqual([]);
      expect(issue?.path).toBe('stanzas[0].criteria[1].operator');
      expect(issue?.message).toMatch(/not allowed/);
    }
    expect(issuesOf({ criterion_id: 'tag', operator: 'is_set' })[0]?.message).toMatch(/allowed: is, is_not\)/);
  });

  it('reports missing, unexpected and mistyped values at value', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ criterion_id: 'age', operator: 'gt' }, /needs a value/],
      [{ criterion_id: 'age', operator: 'gt', value: null }, /needs a value/],
      [{ criterion_id: 'age', operator: 'gt', value: '18' }, /must be a number/],
      [{ criterion_id: 'email', operator: 'eq', value: 5 }, /non-empty text/],
      [{ criterion_id: 'email', operator: 'contains', value: '  ' }, /non-empty text/],
      [{ criterion_id: 'opt_in', operator: 'is_true', value: true }, /takes no value/],
      [{ criterion_id: 'city', operator: 'is_set', value: 'madrid' }, /takes no value/],
      [{ criterion_id: 'city', operator: 'is', value: 'tokyo' }, /"tokyo" is not one of the choices/],
      [{ criterion_id: 'city', operator: 'is', value: [] }, /at least one/],
      [{ criterion_id: 'city', operator: 'is', value: [1] }, /choice/],
      [{ criterion_id: 'bought', operator: 'before', value: 'yesterday' }, /date/],
      [{ criterion_id: 'bought', operator: 'before', value: '2025-02-30' }, /date/],
      [{ criterion_id: 'bought', operator: 'between', value: '2025-01-01' }, /pair of dates/],
      [{ criterion_id: 'bought', operator: 'between', value: ['2025-01-01'] }, /pair of dates/],
      [{ criterion_id: 'bought', operator: 'between', value: ['2025-03-01', '2025-01-01'] }, /must not be after/],
    ];
    for (const [criterion, message] of cases) {
      const issues = issuesOf(criterion);
      expect(issues, JSON.stringify(criterion)).toHaveLength(1);
      expect(issues[0]?.path).toBe('stanzas[0].criteria[1].value');
      expect(issues[0]?.message).toMatch(message);
    }
  });

  it('reports every issue with its own path, across stanzas', () => {
    const definition = {
      stanzas: [
        { criteria: [{ criterion_id: 'nope', operator: 'eq' }] },
        { criteria: [] },
        { criteria: [{ criterion_id: 'age', operator: 'lt', value: 3 }, { criterion_id: 'age', operator: 'lt' }] },
      ],
    } as SegmentDefinition;
    expect(checkSegmentDefinition(definition, catalogue).map((i) => i.path)).toEqual(['stanzas[0].criteria[0].criterion_id', 'stanzas[1].criteria', 'stanzas[2].criteria[1].value']);
  });
});

describe('helpers', () => {
  it('formats zod paths as JSON paths', () => {
    expect(formatIssuePath(['stanzas', 0, 'criteria', 12, 'operator'], 'json')).toBe('stanzas[0].criteria[12].operator');
    expect(formatIssuePath([], 'json')).toBe('');
    expect(formatIssuePath([3, 'a'], 'json')).toBe('[3].a');
  });

  it('recognises ISO dates only', () => {
    expect(isIsoDate('2025-01-31')).toBe(true);
    expect(isIsoDate('2025-01-31T23:59:59.123+02:00')).toBe(true);
    for (const bad of ['2025-13-01', '31/01/2025', '2025-1-1', 20250131, '', 'now']) expect(isIsoDate(bad), String(bad)).toBe(false);
  });
});
