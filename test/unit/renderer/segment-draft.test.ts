import { describe, expect, it } from 'vitest';
import type { Criterion } from '../../../src-shared/api';
import { SegmentDefinitionSchema } from '../../../src-shared/api';
import { describeCondition } from '../../../src-renderer/lib/operator-labels';
import { translate } from '../../../src-shared/i18n/translator';
import { englishWords as t, spanishWords } from '../../helpers/words';
import { draftFromSegment, draftToDefinition, emptyDraft, operatorsFor, reduceDraft, validateDraft } from '../../../src-renderer/lib/segment-draft';
import { checkSegmentDefinition, valueKindFor } from '../../../src-shared/segment-definition-check';

const criteria: Criterion[] = [
  { id: 'country', type: 'profile', label: 'Country', operators: ['is', 'is_not', 'is_set', 'is_not_set'], valueType: 'ENTITY', options: [{ value: 'ES', label: 'Spain' }, { value: 'FR', label: 'France' }] },
  { id: 'city', type: 'profile', label: 'City', operators: ['eq', 'contains', 'gt'], valueType: 'TEXT' },
  { id: 'orders', type: 'purchase', label: 'Orders', operators: ['gt', 'gte', 'lt'], valueType: 'NUMBER' },
  { id: 'optin', type: 'consent', label: 'Email opt-in', operators: ['is_true', 'is_false'], valueType: 'BOOLEAN' },
  { id: 'last_purchase', type: 'purchase', label: 'Last purchase', operators: ['before', 'after', 'between'], valueType: 'DATE' },
  // Listed without operators (the real endpoint may): the value type's defaults are offered.
  { id: 'first_name', type: 'profile_property', label: 'First name', operators: [], valueType: 'STRING' },
  { id: 'spent', type: 'behavior', label: 'Spent', operators: [], valueType: 'CURRENCY' },
];
const catalog = new Map(criteria.map((c) => [c.id, c]));
const byId = (id: string): Criterion => catalog.get(id) as Criterion;

describe('criteria builder model', () => {
  it('offers the operators the criteria endpoint lists, else the defaults of the value type', () => {
    expect(operatorsFor(byId('city'))).toEqual(['eq', 'contains', 'gt']);
    expect(operatorsFor(byId('orders'))).toEqual(['gt', 'gte', 'lt']);
    expect(operatorsFor(byId('first_name'))).toEqual(['eq', 'neq', 'contains', 'starts_with', 'ends_with']);
    expect(operatorsFor(byId('spent'))).toContain('gte');
    expect(operatorsFor(undefined)).toEqual([]);
  });

  it('agrees with the shared validator: every operator it offers, with a value of the kind it asks for, is accepted', () => {
    for (const criterion of criteria) {
      for (const operator of operatorsFor(criterion)) {
        let d = emptyDraft(criterion);
        d = reduceDraft(d, { type: 'setName', name: 'n' });
        const s = d.stanzas[0]!.key;
        const c = d.stanzas[0]!.conditions[0]!.key;
        d = reduceDraft(d, { type: 'setOperator', stanzaKey: s, conditionKey: c, operator, criterion });
        const sample = { number: ['3'], number_range: ['1', '2'], date: ['2026-01-01'], date_range: ['2026-01-01', '2026-02-01'], text: ['x'], any: ['x'], boolean: ['true'], choices: [criterion.options?.[0]?.value ?? 'x'], none: [] };
        d = reduceDraft(d, { type: 'setValues', stanzaKey: s, conditionKey: c, values: sample[valueKindFor(criterion, operator)] });
        const issues = validateDraft(d, catalog);
        expect(issues, `${criterion.id} ${operator}`).toEqual([]);
        expect(checkSegmentDefinition(draftToDefinition(d, catalog), criteria), `${criterion.id} ${operator}`).toEqual([]);
      }
    }
  });

  it('builds AND groups of OR conditions into an API definition with typed values', () => {
    let d = emptyDraft(byId('country'));
    d = reduceDraft(d, { type: 'setName', name: ' Spanish buyers ' });
    const s1 = d.stanzas[0]!.key;
    const c1 = d.stanzas[0]!.conditions[0]!.key;
    d = reduceDraft(d, { type: 'setValues', stanzaKey: s1, conditionKey: c1, values: ['ES'] });
    d = reduceDraft(d, { type: 'addCondition', stanzaKey: s1, criterion: byId('city') });
    const c2 = d.stanzas[0]!.conditions[1]!.key;
    d = reduceDraft(d, { type: 'setValue', stanzaKey: s1, conditionKey: c2, index: 0, value: 'Madrid' });
    d = reduceDraft(d, { type: 'addStanza', criterion: byId('orders') });
    const s2 = d.stanzas[1]!.key;
    const c3 = d.stanzas[1]!.conditions[0]!.key;
    const issues = validateDraft(d, catalog);
    expect(issues).toEqual([{ field: 'value', stanzaKey: s2, conditionKey: c3, message: { id: 'issue.enterNumber', values: { criterion: 'Orders' } } }]);
    expect(issues.map((i) => translate(t, i.message))).toEqual(['Enter a number for Orders.']);
    expect(issues.map((i) => translate(spanishWords, i.message))).toEqual(['Escribe un número para Orders.']);
    d = reduceDraft(d, { type: 'setValue', stanzaKey: s2, conditionKey: c3, index: 0, value: '3' });
    d = reduceDraft(d, { type: 'addStanza', criterion: byId('optin') });
    expect(validateDraft(d, catalog)).toEqual([]);
    const definition = draftToDefinition(d, catalog);
    expect(SegmentDefinitionSchema.parse(definition)).toEqual(definition);
    expect(definition).toEqual({
      stanzas: [
        { criteria: [{ criterion_id: 'country', operator: 'is', value: ['ES'] }, { criterion_id: 'city', operator: 'eq', value: 'Madrid' }] },
        { criteria: [{ criterion_id: 'orders', operator: 'gt', value: 3 }] },
        { criteria: [{ criterion_id: 'optin', operator: 'is_true' }] },
      ],
    });
  });

  it('explains every problem in words', () => {
    let d = emptyDraft(undefined);
    const s = d.stanzas[0]!.key;
    const c = d.stanzas[0]!.conditions[0]!.key;
    expect(validateDraft(d, catalog).map((i) => translate(t, i.message))).toEqual(['Give the segment a name.', 'Choose a criterion.']);
    d = reduceDraft(d, { type: 'setName', name: 'x' });
    d = reduceDraft(d, { type: 'setCriterion', stanzaKey: s, conditionKey: c, criterion: byId('last_purchase') });
    d = reduceDraft(d, { type: 'setOperator', stanzaKey: s, conditionKey: c, operator: 'between', criterion: byId('last_purchase') });
    d = reduceDraft(d, { type: 'setValues', stanzaKey: s, conditionKey: c, values: ['2026-05-01', '2026-02-30'] });
    expect(validateDraft(d, catalog).map((i) => translate(t, i.message))).toEqual(['Enter the end date (YYYY-MM-DD).']);
    d = reduceDraft(d, { type: 'setValues', stanzaKey: s, conditionKey: c, values: ['2026-05-01', '2026-04-01'] });
    expect(validateDraft(d, catalog).map((i) => translate(t, i.message))).toEqual(['The end date is before the start date.']);
    d = reduceDraft(d, { type: 'setCriterion', stanzaKey: s, conditionKey: c, criterion: byId('orders') });
    d = reduceDraft(d, { type: 'setValue', stanzaKey: s, conditionKey: c, index: 0, value: '12abc' });
    expect(validateDraft(d, catalog).map((i) => translate(t, i.message))).toEqual(['“12abc” is not a number.']);
    d = reduceDraft(d, { type: 'setCriterion', stanzaKey: s, conditionKey: c, criterion: byId('country') });
    d = reduceDraft(d, { type: 'setValues', stanzaKey: s, conditionKey: c, values: ['XX'] });
    expect(validateDraft(d, catalog).map((i) => translate(t, i.message))).toEqual(['“XX” is not an option of Country.']);
    d = reduceDraft(d, { type: 'removeCondition', stanzaKey: s, conditionKey: c });
    expect(d.stanzas).toEqual([]);
    // No conditions at all is a segment of every fan: valid here as in the core and the tools.
    expect(validateDraft(d, catalog)).toEqual([]);
    expect(draftToDefinition(d, catalog)).toEqual({ stanzas: [] });
  });

  it('resets values when the new operator takes a different shape, keeps them otherwise', () => {
    let d = emptyDraft(byId('last_purchase'));
    const s = d.stanzas[0]!.key;
    const c = d.stanzas[0]!.conditions[0]!.key;
    d = reduceDraft(d, { type: 'setValue', stanzaKey: s, conditionKey: c, index: 0, value: '2026-01-01' });
    d = reduceDraft(d, { type: 'setOperator', stanzaKey: s, conditionKey: c, operator: 'after', criterion: byId('last_purchase') });
    expect(d.stanzas[0]!.conditions[0]!.values).toEqual(['2026-01-01']);
    d = reduceDraft(d, { type: 'setOperator', stanzaKey: s, conditionKey: c, operator: 'between', criterion: byId('last_purchase') });
    expect(d.stanzas[0]!.conditions[0]!.values).toEqual(['2026-01-01', '']);
    d = reduceDraft(d, { type: 'setCriterion', stanzaKey: s, conditionKey: c, criterion: byId('optin') });
    expect(d.stanzas[0]!.conditions[0]).toMatchObject({ criterionId: 'optin', operator: 'is_true', values: [] });
  });

  it('round-trips an existing definition, keeping ids, filters, timeframes, modifiers and keys it does not know', () => {
    const definition = {
      version_hint: 2,
      stanzas: [
        { id: 's1', label: 'geo', criteria: [{ id: 'c1', type: 'profile_property', criterion_id: 'country', operator: 'is', value: ['ES', 'FR'], modifiers: { scope: 'x' }, filters: { property_name: 'home' }, timeframe: { type: 'relative', unit: 'days', value_start: 30 }, brand_new_key: [1] }] },
        { criteria: [{ criterion_id: 'last_purchase', operator: 'between', value: ['2026-01-01', '2026-02-01'] }, { criterion_id: 'optin', operator: 'is_false' }] },
      ],
    };
    const draft = draftFromSegment({ name: 'n', definition });
    expect(draftToDefinition(draft, catalog)).toEqual(definition);
    expect(describeCondition(t, definition.stanzas[0]!.criteria[0]!, catalog)).toBe('Country is Spain or France');
    // Days in the locale's own way (never shifted by the time zone).
    expect(describeCondition(t, definition.stanzas[1]!.criteria[0]!, catalog)).toBe('Last purchase is between Jan 1, 2026 and Feb 1, 2026');
    expect(describeCondition(t, { criterion_id: 'gone', operator: 'is_set' }, catalog)).toBe('gone is set');
    expect(describeCondition(spanishWords, definition.stanzas[0]!.criteria[0]!, catalog)).toBe('Country es Spain o France');
    expect(describeCondition(spanishWords, definition.stanzas[1]!.criteria[0]!, catalog)).toBe('Last purchase está entre 1 ene 2026 y 1 feb 2026');
  });
});
