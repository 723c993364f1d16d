/**
 * The criteria builder's model: a segment draft as plain data and a pure reducer over it.
 * Values are kept as the strings the inputs show and converted to the API's types only in
 * `draftToDefinition`, so half-typed numbers and dates never get lost or coerced while editing.
 *
 *   draft ──reduce(action)──> draft ──validateDraft──> issues
 *                               └──draftToDefinition──> SegmentDefinition (sent to main)
 */
import { missingCaseError } from '../../src-shared/errors';
import { checkSegmentDefinition } from '../../src-shared/segment-definition-check';
import { operatorsByValueType, valuelessOperators } from '../../src-shared/api';
import type { Criterion, SegmentCriterion, SegmentDefinition, ValueType } from '../../src-shared/api';

/** One condition being edited. */
export interface DraftCondition {
  key: number;
  criterionId: string;
  operator: string;
  /** One entry per input: `[v]`, `[from, to]` for DATE between, several for ENTITY lists, `[]` when valueless. */
  values: string[];
  /** Carried through unchanged from a loaded definition. */
  id?: string;
  modifiers?: Record<string, unknown>;
}

/** A stanza being edited: its conditions are OR-combined. */
export interface DraftStanza {
  key: number;
  conditions: DraftCondition[];
  id?: string;
}

/** A segment being created or edited. */
export interface SegmentDraft {
  name: string;
  description: string;
  /** AND-combined. */
  stanzas: DraftStanza[];
  /** Next React key; keys stay unique for the life of the draft. */
  nextKey: number;
}

/** Everything the builder can do to a draft. */
export type DraftAction =
  | { type: 'setName'; name: string }
  | { type: 'setDescription'; description: string }
  | { type: 'addStanza'; criterion: Criterion | undefined }
  | { type: 'removeStanza'; stanzaKey: number }
  | { type: 'addCondition'; stanzaKey: number; criterion: Criterion | undefined }
  | { type: 'removeCondition'; stanzaKey: number; conditionKey: number }
  | { type: 'setCriterion'; stanzaKey: number; conditionKey: number; criterion: Criterion }
  | { type: 'setOperator'; stanzaKey: number; conditionKey: number; operator: string }
  | { type: 'setValue'; stanzaKey: number; conditionKey: number; index: number; value: string }
  | { type: 'setValues'; stanzaKey: number; conditionKey: number; values: string[] };

/** Operators offered for a criterion: the endpoint's list, narrowed to those valid for its value type. */
export function operatorsFor(criterion: Criterion | undefined): string[] {
  if (!criterion) return [];
  const allowed: readonly string[] = operatorsByValueType[criterion.valueType];
  const offered = criterion.operators.filter((op) => allowed.includes(op));
  return offered.length > 0 ? offered : [...allowed];
}

/** How many value inputs an operator takes for a value type (`list` = one or more). */
export function valueArity(valueType: ValueType, operator: string): 0 | 1 | 2 | 'list' {
  if (valuelessOperators.includes(operator)) return 0;
  if (valueType === 'DATE' && operator === 'between') return 2;
  if (valueType === 'ENTITY') return 'list';
  return 1;
}

function emptyValues(valueType: ValueType, operator: string): string[] {
  const arity = valueArity(valueType, operator);
  if (arity === 0 || arity === 'list') return [];
  return arity === 2 ? ['', ''] : [''];
}

function newCondition(key: number, criterion: Criterion | undefined): DraftCondition {
  if (!criterion) return { key, criterionId: '', operator: '', values: [] };
  const operator = operatorsFor(criterion)[0] ?? '';
  return { key, criterionId: criterion.id, operator, values: emptyValues(criterion.valueType, operator) };
}

/** A new, empty draft with one stanza holding one condition on `first` (when the catalog has one). */
export function emptyDraft(first: Criterion | undefined): SegmentDraft {
  return { name: '', description: '', stanzas: [{ key: 1, conditions: [newCondition(2, first)] }], nextKey: 3 };
}

function valuesFromApi(value: SegmentCriterion['value']): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'boolean') return [];
  return [String(value)];
}

/** A draft from an existing segment (for editing). */
export function draftFromSegment(segment: { name: string; description?: string | null; definition: SegmentDefinition }): SegmentDraft {
  let key = 1;
  const stanzas = segment.definition.stanzas.map((stanza): DraftStanza => {
    const s: DraftStanza = {
      key: key++,
      conditions: stanza.criteria.map((c): DraftCondition => {
        const d: DraftCondition = { key: key++, criterionId: c.criterion_id, operator: c.operator, values: valuesFromApi(c.value) };
        if (c.id !== undefined) d.id = c.id;
        if (c.modifiers !== undefined) d.modifiers = c.modifiers;
        return d;
      }),
    };
    if (stanza.id !== undefined) s.id = stanza.id;
    return s;
  });
  return { name: segment.name, description: segment.description ?? '', stanzas, nextKey: key };
}

function mapCondition(draft: SegmentDraft, stanzaKey: number, conditionKey: number, f: (c: DraftCondition) => DraftCondition): SegmentDraft {
  return {
    ...draft,
    stanzas: draft.stanzas.map((s) => (s.key !== stanzaKey ? s : { ...s, conditions: s.conditions.map((c) => (c.key === conditionKey ? f(c) : c)) })),
  };
}

/** The builder's reducer: pure, so every editing step is unit-tested without a DOM. */
export function reduceDraft(draft: SegmentDraft, action: DraftAction): SegmentDraft {
  switch (action.type) {
    case 'setName':
      return { ...draft, name: action.name };
    case 'setDescription':
      return { ...draft, description: action.description };
    case 'addStanza':
      return {
        ...draft,
        stanzas: [...draft.stanzas, { key: draft.nextKey, conditions: [newCondition(draft.nextKey + 1, action.criterion)] }],
        nextKey: draft.nextKey + 2,
      };
    case 'removeStanza':
      return { ...draft, stanzas: draft.stanzas.filter((s) => s.key !== action.stanzaKey) };
    case 'addCondition':
      return {
        ...draft,
        stanzas: draft.stanzas.map((s) => (s.key === action.stanzaKey ? { ...s, conditions: [...s.conditions, newCondition(draft.nextKey, action.criterion)] } : s)),
        nextKey: draft.nextKey + 1,
      };
    case 'removeCondition': {
      // Removing a stanza's last condition removes the stanza: an empty OR group means nothing.
      const stanzas = draft.stanzas
        .map((s) => (s.key === action.stanzaKey ? { ...s, conditions: s.conditions.filter((c) => c.key !== action.conditionKey) } : s))
        .filter((s) => s.conditions.length > 0);
      return { ...draft, stanzas };
    }
    case 'setCriterion':
      return mapCondition(draft, action.stanzaKey, action.conditionKey, (c) => {
        const operators = operatorsFor(action.criterion);
        const operator = operators.includes(c.operator) ? c.operator : (operators[0] ?? '');
        const sameType = operators.includes(c.operator) && c.criterionId !== '';
        return { key: c.key, criterionId: action.criterion.id, operator, values: sameType ? c.values : emptyValues(action.criterion.valueType, operator) };
      });
    case 'setOperator':
      return mapCondition(draft, action.stanzaKey, action.conditionKey, (c) => ({ ...c, operator: action.operator, values: reshape(c.values, action.operator) }));
    case 'setValue':
      return mapCondition(draft, action.stanzaKey, action.conditionKey, (c) => {
        const values = [...c.values];
        while (values.length <= action.index) values.push('');
        values[action.index] = action.value;
        return { ...c, values };
      });
    case 'setValues':
      return mapCondition(draft, action.stanzaKey, action.conditionKey, (c) => ({ ...c, values: [...action.values] }));
    default:
      return missingCaseError(action);
  }
}

// Changing the operator keeps what was typed where the new operator still takes it.
function reshape(values: string[], operator: string): string[] {
  if (valuelessOperators.includes(operator)) return [];
  if (operator === 'between') return [values[0] ?? '', values[1] ?? ''];
  return values.length === 0 ? [''] : values.length === 2 && values[1] === '' ? [values[0] ?? ''] : values;
}

/** Where a validation message belongs. */
export type DraftField = 'name' | 'description' | 'definition' | 'criterion' | 'operator' | 'value';

/** A validation message for one field (conditions are addressed by their keys). */
export interface DraftIssue {
  field: DraftField;
  message: string;
  stanzaKey?: number;
  conditionKey?: number;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function validDate(text: string): boolean {
  if (!isoDate.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Every problem that would stop the draft from saving, in reading order. */
export function validateDraft(draft: SegmentDraft, catalog: ReadonlyMap<string, Criterion>): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const name = draft.name.trim();
  if (name === '') issues.push({ field: 'name', message: 'Give the segment a name.' });
  else if (name.length > 200) issues.push({ field: 'name', message: 'The name is longer than 200 characters.' });
  if (draft.description.length > 2000) issues.push({ field: 'description', message: 'The description is longer than 2,000 characters.' });
  if (draft.stanzas.length === 0) issues.push({ field: 'definition', message: 'Add at least one condition.' });
  if (draft.stanzas.length > 50) issues.push({ field: 'definition', message: 'A segment can have at most 50 groups.' });
  for (const stanza of draft.stanzas) {
    if (stanza.conditions.length > 50) issues.push({ field: 'definition', stanzaKey: stanza.key, message: 'A group can have at most 50 conditions.' });
    for (const c of stanza.conditions) {
      const at = { stanzaKey: stanza.key, conditionKey: c.key };
      const criterion = catalog.get(c.criterionId);
      if (c.criterionId === '') {
        issues.push({ ...at, field: 'criterion', message: 'Choose a criterion.' });
        continue;
      }
      if (!criterion) {
        issues.push({ ...at, field: 'criterion', message: `“${c.criterionId}” is not a criterion of this tenant.` });
        continue;
      }
      if (!operatorsFor(criterion).includes(c.operator)) {
        issues.push({ ...at, field: 'operator', message: `Choose an operator for ${criterion.label}.` });
        continue;
      }
      const message = valueProblem(criterion, c);
      if (message) issues.push({ ...at, field: 'value', message });
    }
  }
  if (issues.some((i) => i.field === 'definition' || i.conditionKey !== undefined)) return issues;
  // The same check the API applies, as the last word: whatever it still finds is shown at its condition.
  for (const found of checkSegmentDefinition(draftToDefinition(draft, catalog), [...catalog.values()])) {
    const m = /^stanzas\[(\d+)\](?:\.criteria\[(\d+)\])?(?:\.(\w+))?/.exec(found.path);
    const stanza = m ? draft.stanzas[Number(m[1])] : undefined;
    const condition = m && m[2] !== undefined ? stanza?.conditions[Number(m[2])] : undefined;
    const field: DraftField = m?.[3] === 'operator' ? 'operator' : m?.[3] === 'criterion_id' ? 'criterion' : condition ? 'value' : 'definition';
    const message = found.message.charAt(0).toUpperCase() + found.message.slice(1) + '.';
    issues.push({ field, message, ...(stanza ? { stanzaKey: stanza.key } : {}), ...(condition ? { conditionKey: condition.key } : {}) });
  }
  return issues;
}

function valueProblem(criterion: Criterion, c: DraftCondition): string | null {
  const arity = valueArity(criterion.valueType, c.operator);
  if (arity === 0) return null;
  const values = c.values.map((v) => v.trim());
  switch (criterion.valueType) {
    case 'ENTITY': {
      const chosen = values.filter((v) => v !== '');
      if (chosen.length === 0) return `Choose at least one value for ${criterion.label}.`;
      if (chosen.length > 100) return 'Choose at most 100 values.';
      const options = criterion.options;
      if (options && options.length > 0) {
        const unknown = chosen.find((v) => !options.some((o) => o.value === v));
        if (unknown !== undefined) return `“${unknown}” is not an option of ${criterion.label}.`;
      }
      return null;
    }
    case 'TEXT':
      if ((values[0] ?? '') === '') return `Enter a text for ${criterion.label}.`;
      if ((c.values[0] ?? '').length > 1000) return 'The text is longer than 1,000 characters.';
      return null;
    case 'NUMBER': {
      const v = values[0] ?? '';
      if (v === '') return `Enter a number for ${criterion.label}.`;
      return Number.isFinite(Number(v)) ? null : `“${v}” is not a number.`;
    }
    case 'BOOLEAN':
      return null;
    case 'DATE': {
      const [from = '', to = ''] = values;
      if (!validDate(from)) return `Enter a date (YYYY-MM-DD) for ${criterion.label}.`;
      if (arity === 2) {
        if (!validDate(to)) return 'Enter the end date (YYYY-MM-DD).';
        if (to < from) return 'The end date is before the start date.';
      }
      return null;
    }
    default:
      return missingCaseError(criterion.valueType);
  }
}

function apiValue(criterion: Criterion | undefined, c: DraftCondition): SegmentCriterion['value'] | undefined {
  if (!criterion) return c.values.length === 0 ? undefined : c.values.length === 1 ? c.values[0] : c.values;
  const arity = valueArity(criterion.valueType, c.operator);
  const values = c.values.map((v) => v.trim());
  if (arity === 0) return undefined;
  if (arity === 'list') return values.filter((v) => v !== '');
  if (arity === 2) return [values[0] ?? '', values[1] ?? ''];
  return criterion.valueType === 'NUMBER' ? Number(values[0]) : (values[0] ?? '');
}

/** The API definition of a draft (call after `validateDraft` found nothing). */
export function draftToDefinition(draft: SegmentDraft, catalog: ReadonlyMap<string, Criterion>): SegmentDefinition {
  return {
    stanzas: draft.stanzas.map((s) => {
      const stanza: SegmentDefinition['stanzas'][number] = {
        criteria: s.conditions.map((c) => {
          const out: SegmentCriterion = { criterion_id: c.criterionId, operator: c.operator };
          const value = apiValue(catalog.get(c.criterionId), c);
          if (value !== undefined) out.value = value;
          if (c.id !== undefined) out.id = c.id;
          if (c.modifiers !== undefined) out.modifiers = c.modifiers;
          return out;
        }),
      };
      if (s.id !== undefined) stanza.id = s.id;
      return stanza;
    }),
  };
}
