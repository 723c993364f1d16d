import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SegmentCriterion, SegmentDefinition } from '../../../src-shared/api';
import { checkSegmentDefinition, defaultOperatorsByValueType, operatorsFor, valuelessOperators } from '../../../src-shared/segment-definition-check';
import { criteriaCatalogue, type DemoCriterion as Criterion } from '../../../src-main/demo-api/criteria-catalogue';
import { generateFans } from '../../../src-main/demo-api/fans';
import { previewDefinition } from '../../../src-main/demo-api/preview';
import { propertyRuns } from '../../helpers/property-runs';

const tenant = { id: 'tn-prop', key: 'prop', name: 'Prop', parentId: null, level: 0 };
const catalogue: Criterion[] = criteriaCatalogue(tenant);
const fans = generateFans(tenant).slice(0, 600);
const count = (definition: SegmentDefinition) => previewDefinition(fans, definition, catalogue).estimated_fan_count;

/** A valid condition for one catalogue criterion. */
function validCondition(criterion: Criterion): fc.Arbitrary<SegmentCriterion> {
  const ops = operatorsFor(criterion);
  return fc.constantFrom(...ops).chain((operator): fc.Arbitrary<SegmentCriterion> => {
    const base = { criterion_id: criterion.id, operator };
    if (valuelessOperators.has(operator)) return fc.constant(base);
    switch (criterion.valueType) {
      case 'ENTITY':
        return fc.subarray((criterion.options ?? []).map((o) => o.value), { minLength: 1 }).map((value) => ({ ...base, value }));
      case 'TEXT':
      case 'STRING':
        return fc.constantFrom('a', 'Lu', 'o', '@fans.example', 'ana').map((value) => ({ ...base, value }));
      case 'NUMBER':
      case 'CURRENCY':
        return fc.integer({ min: 0, max: 100 }).map((value) => ({ ...base, value }));
      case 'DATE': {
        const day = fc.integer({ min: 0, max: 800 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
        return operator === 'between' ? fc.tuple(day, day).map(([a, b]) => ({ ...base, value: a <= b ? [a, b] : [b, a] })) : day.map((value) => ({ ...base, value }));
      }
      default:
        return fc.constant(base);
    }
  });
}

const condition = fc.constantFrom(...catalogue).chain(validCondition);
const stanza = fc.array(condition, { minLength: 1, maxLength: 3 }).map((criteria) => ({ criteria }));
const definition = fc.array(stanza, { maxLength: 3 }).map((stanzas): SegmentDefinition => ({ stanzas }));

describe('preview properties (generated valid definitions)', () => {
  it('every generated definition passes the check', () => {
    fc.assert(fc.property(definition, (d) => checkSegmentDefinition(d, catalogue).length === 0), propertyRuns('preview: generated definitions pass the check', 200));
  });

  it('adding a criterion to a stanza never shrinks the count; adding a stanza never grows it', () => {
    fc.assert(
      fc.property(definition, condition, stanza, (d, extra, extraStanza) => {
        const base = count(d);
        if (d.stanzas.length > 0) {
          const widened = { stanzas: d.stanzas.map((s, i) => (i === 0 ? { criteria: [...s.criteria, extra] } : s)) };
          expect(count(widened)).toBeGreaterThanOrEqual(base);
        }
        expect(count({ stanzas: [...d.stanzas, extraStanza] })).toBeLessThanOrEqual(base);
      }),
      propertyRuns('preview: a criterion widens, a stanza narrows', 60),
    );
  });

  it('inclusion-exclusion holds for any two conditions', () => {
    fc.assert(
      fc.property(condition, condition, (a, b) => {
        const either = count({ stanzas: [{ criteria: [a, b] }] });
        const both = count({ stanzas: [{ criteria: [a] }, { criteria: [b] }] });
        expect(either + both).toBe(count({ stanzas: [{ criteria: [a] }] }) + count({ stanzas: [{ criteria: [b] }] }));
      }),
      propertyRuns('preview: inclusion-exclusion', 60),
    );
  });

  it('a condition and its negation split the fans (is/is_not, is_set/is_not_set, is_true/is_false)', () => {
    const pairs: [string, string][] = [['is', 'is_not'], ['is_set', 'is_not_set'], ['is_true', 'is_false'], ['eq', 'neq']];
    fc.assert(
      fc.property(condition, (c) => {
        const pair = pairs.find(([p, n]) => c.operator === p || c.operator === n);
        if (pair === undefined) return;
        const negated = { ...c, operator: c.operator === pair[0] ? pair[1] : pair[0] };
        expect(count({ stanzas: [{ criteria: [c] }] }) + count({ stanzas: [{ criteria: [negated] }] })).toBe(fans.length);
      }),
      propertyRuns('preview: a condition and its negation', 80),
    );
  });

  it('a wrong operator is always reported at that condition’s operator path', () => {
    fc.assert(
      fc.property(definition, fc.constantFrom(...catalogue), fc.nat(), (d, criterion, seed) => {
        const allowed = operatorsFor(criterion);
        const disallowed = [...new Set<string>(Object.values(defaultOperatorsByValueType).flat())].filter((op) => !allowed.includes(op)).concat('bogus');
        const wrong = disallowed[seed % disallowed.length] ?? 'bogus';
        const broken: SegmentDefinition = { stanzas: [...d.stanzas, { criteria: [{ criterion_id: criterion.id, operator: wrong, value: 1 }] }] };
        const issues = checkSegmentDefinition(broken, catalogue);
        expect(issues).toEqual([{ path: `stanzas[${d.stanzas.length}].criteria[0].operator`, message: expect.stringContaining('not allowed') }]);
      }),
      propertyRuns('preview: a wrong operator at its path', 100),
    );
  });
});
