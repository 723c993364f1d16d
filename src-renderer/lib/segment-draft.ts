/**
 * The criteria builder's model: a segment draft as plain data and a pure reducer over it.
 * Values are kept as the strings the inputs show and converted to the API's types only in
 * `draftToDefinition`, so half-typed numbers and dates never get lost or coerced while editing.
 * Which operators are offered and what value each needs come from the one shared validator
 * (src-shared/segment-definition-check.ts), which also has the last word on what may be saved.
 *
 *   draft ──reduce(action)──> draft ──validateDraft──> issues
 *                               └──draftToDefinition──> SegmentDefinition (sent to main)
 */
import { message, type Message } from '../../src-shared/i18n/translator';
import { missingCaseError } from '../../src-shared/missing-case';
import { checkSegmentDefinition, operatorsFor as sharedOperatorsFor, valueKindFor, type ValueKind } from '../../src-shared/segment-definition-check';
import type { Criterion, SegmentCriterion, SegmentDefinition, Stanza } from '../../src-shared/api';

/** One condition being edited. */
export interface DraftCondition {
  key: number;
  criterionId: string;
  operator: string;
  /** One entry per input: `[v]`, `[from, to]` for ranges, several for ENTITY lists, `[]` when valueless. */
  values: string[];
  /** Carried through unchanged from a loaded definition. */
  id?: string;
  /** Every other key of a loaded criterion (`type`, `timeframe`, `filters`, `modifiers`, unknown ones), kept as it came. */
  extra?: Record<string, unknown>;
}

/** A stanza being edited: its conditions are OR-combined. */
export interface DraftStanza {
  key: number;
  conditions: DraftCondition[];
  id?: string;
  /** Keys of a loaded stanza besides `id` and `criteria`, kept as they came. */
  extra?: Record<string, unknown>;
}

/** A segment being created or edited. */
export interface SegmentDraft {
  name: string;
  description: string;
  /** AND-combined. None means every fan of the tenant. */
  stanzas: DraftStanza[];
  /** Keys of a loaded definition besides `stanzas`, kept as they came. */
  definitionExtra?: Record<string, unknown>;
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
  /** `criterion` tells the value shape the new operator takes (unknown criteria keep one free input). */
  | { type: 'setOperator'; stanzaKey: number; conditionKey: number; operator: string; criterion?: Criterion }
  | { type: 'setValue'; stanzaKey: number; conditionKey: number; index: number; value: string }
  | { type: 'setValues'; stanzaKey: number; conditionKey: number; values: string[] };

/** Operators offered for a criterion (the shared rule: the endpoint's list, else its value type's defaults). */
export function operatorsFor(criterion: Criterion | undefined): string[] {
  return criterion === undefined ? [] : [...sharedOperatorsFor(criterion)];
}

/** How many value inputs a condition takes (`list` = one or more), from the shared value rules. */
export function valueArity(kind: ValueKind): 0 | 1 | 2 | 'list' {
  switch (kind) {
    case 'none':
      return 0;
    case 'choices':
      return 'list';
    case 'number_range':
    case 'date_range':
      return 2;
    case 'text':
    case 'number':
    case 'date':
    case 'boolean':
    case 'any':
      return 1;
    default:
      return missingCaseError(kind);
  }
}

function emptyValues(criterion: Criterion, operator: string): string[] {
  const kind = valueKindFor(criterion, operator);
  const arity = valueArity(kind);
  if (arity === 0 || arity === 'list') return [];
  if (kind === 'boolean') return ['true'];
  return arity === 2 ? ['', ''] : [''];
}

function newCondition(key: number, criterion: Criterion | undefined): DraftCondition {
  if (!criterion) return { key, criterionId: '', operator: '', values: [] };
  const operator = operatorsFor(criterion)[0] ?? '';
  return { key, criterionId: criterion.id, operator, values: emptyValues(criterion, operator) };
}

/** A new, empty draft with one stanza holding one condition on `first` (when the catalog has one). */
export function emptyDraft(first: Criterion | undefined): SegmentDraft {
  return { name: '', description: '', stanzas: [{ key: 1, conditions: [newCondition(2, first)] }], nextKey: 3 };
}

function valuesFromApi(value: SegmentCriterion['value']): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'object') return [JSON.stringify(value)];
  return [String(value)];
}

function withoutKeys(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> | undefined {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (!keys.includes(k)) rest[k] = v;
  return Object.keys(rest).length === 0 ? undefined : rest;
}

/** A draft from an existing segment (for editing); a segment without a readable definition edits as "every fan". */
export function draftFromSegment(segment: { name: string; description?: string | null; definition: SegmentDefinition | null }): SegmentDraft {
  let key = 1;
  const definition = segment.definition ?? { stanzas: [] };
  const stanzas = definition.stanzas.map((stanza): DraftStanza => {
    const s: DraftStanza = {
      key: key++,
      conditions: stanza.criteria.map((c): DraftCondition => {
        const d: DraftCondition = { key: key++, criterionId: c.criterion_id, operator: c.operator, values: valuesFromApi(c.value) };
        if (c.id !== undefined) d.id = c.id;
        const extra = withoutKeys(c, ['id', 'criterion_id', 'operator', 'value']);
        if (extra !== undefined) d.extra = extra;
        return d;
      }),
    };
    if (stanza.id !== undefined) s.id = stanza.id;
    const extra = withoutKeys(stanza, ['id', 'criteria']);
    if (extra !== undefined) s.extra = extra;
    return s;
  });
  const draft: SegmentDraft = { name: segment.name, description: segment.description ?? '', stanzas, nextKey: key };
  const definitionExtra = withoutKeys(definition, ['stanzas']);
  if (definitionExtra !== undefined) draft.definitionExtra = definitionExtra;
  return draft;
}

/**
 * True when two drafts say the same thing: name, description and every condition, whatever React keys
 * they were given (a condition added and removed again leaves nothing to lose). The editor asks before
 * dropping a draft that is not the same as the one it started from.
 */
export function sameDraft(a: SegmentDraft, b: SegmentDraft): boolean {
  const meaning = (draft: SegmentDraft): string =>
    JSON.stringify([
      draft.name,
      draft.description,
      draft.definitionExtra ?? null,
      draft.stanzas.map((s) => [s.id ?? null, s.extra ?? null, s.conditions.map((c) => [c.id ?? null, c.criterionId, c.operator, c.values, c.extra ?? null])]),
    ]);
  return meaning(a) === meaning(b);
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
        // A new criterion is a new condition: what belonged to the old one (its id, filters, modifiers) goes.
        return { key: c.key, criterionId: action.criterion.id, operator, values: sameType ? c.values : emptyValues(action.criterion, operator) };
      });
    case 'setOperator':
      return mapCondition(draft, action.stanzaKey, action.conditionKey, (c) => ({ ...c, operator: action.operator, values: reshape(c.values, arityIn(catalogCriterion(action.criterion, c), action.operator)) }));
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

function catalogCriterion(criterion: Criterion | undefined, c: DraftCondition): Criterion {
  return criterion ?? { id: c.criterionId, type: null, label: c.criterionId, operators: [], valueType: null };
}

function arityIn(criterion: Criterion, operator: string): 0 | 1 | 2 | 'list' {
  return valueArity(valueKindFor(criterion, operator));
}

// Changing the operator keeps what was typed where the new operator still takes it.
function reshape(values: string[], arity: 0 | 1 | 2 | 'list'): string[] {
  if (arity === 0) return [];
  if (arity === 2) return [values[0] ?? '', values[1] ?? ''];
  if (arity === 'list') return values;
  return values.length === 0 ? [''] : [values[0] ?? ''];
}

/** Where a validation message belongs. */
export type DraftField = 'name' | 'description' | 'definition' | 'criterion' | 'operator' | 'value';

/** A validation message for one field (conditions are addressed by their keys), as data for the catalogs. */
export interface DraftIssue {
  field: DraftField;
  message: Message;
  stanzaKey?: number;
  conditionKey?: number;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function validDate(text: string): boolean {
  if (!isoDate.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Every problem that would stop the draft from saving, in reading order. No conditions is fine: every fan. */
export function validateDraft(draft: SegmentDraft, catalog: ReadonlyMap<string, Criterion>): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const name = draft.name.trim();
  if (name === '') issues.push({ field: 'name', message: message('issue.nameMissing') });
  else if (name.length > 200) issues.push({ field: 'name', message: message('issue.nameTooLong', { max: 200 }) });
  if (draft.description.length > 2000) issues.push({ field: 'description', message: message('issue.descriptionTooLong', { max: 2000 }) });
  if (draft.stanzas.length > 50) issues.push({ field: 'definition', message: message('issue.tooManyGroups', { max: 50 }) });
  for (const stanza of draft.stanzas) {
    if (stanza.conditions.length > 50) issues.push({ field: 'definition', stanzaKey: stanza.key, message: message('issue.tooManyConditions', { max: 50 }) });
    for (const c of stanza.conditions) {
      const at = { stanzaKey: stanza.key, conditionKey: c.key };
      const criterion = catalog.get(c.criterionId);
      if (c.criterionId === '') {
        issues.push({ ...at, field: 'criterion', message: message('issue.chooseCriterion') });
        continue;
      }
      if (!criterion) {
        issues.push({ ...at, field: 'criterion', message: message('issue.unknownCriterion', { id: c.criterionId }) });
        continue;
      }
      const operators = operatorsFor(criterion);
      if (c.operator === '' || (operators.length > 0 && !operators.includes(c.operator))) {
        issues.push({ ...at, field: 'operator', message: message('issue.chooseOperator', { criterion: criterion.label }) });
        continue;
      }
      const problem = inputProblem(criterion, c);
      if (problem) issues.push({ ...at, field: 'value', message: problem });
    }
  }
  if (issues.some((i) => i.field === 'definition' || i.conditionKey !== undefined)) return issues;
  // The shared validator has the last word (the same one the demo API and the tools use): whatever it
  // still finds is shown at its condition.
  for (const found of checkSegmentDefinition(draftToDefinition(draft, catalog), [...catalog.values()])) {
    const m = /^stanzas\[(\d+)\](?:\.criteria\[(\d+)\])?(?:\.(\w+))?/.exec(found.path);
    const stanza = m ? draft.stanzas[Number(m[1])] : undefined;
    const condition = m && m[2] !== undefined ? stanza?.conditions[Number(m[2])] : undefined;
    const field: DraftField = m?.[3] === 'operator' ? 'operator' : m?.[3] === 'criterion_id' ? 'criterion' : condition ? 'value' : 'definition';
    // The shared validator's words (English: the tools and the demo API say the same) inside our sentence.
    issues.push({ field, message: message('issue.definitionCheck', { problem: found.message }), ...(stanza ? { stanzaKey: stanza.key } : {}), ...(condition ? { conditionKey: condition.key } : {}) });
  }
  return issues;
}

/**
 * What the inputs must hold before the draft can even be turned into a definition (a number that
 * parses, a date typed in full), with messages that name the criterion. Everything else is the shared
 * validator's to judge.
 */
function inputProblem(criterion: Criterion, c: DraftCondition): Message | null {
  const kind = valueKindFor(criterion, c.operator);
  const values = c.values.map((v) => v.trim());
  switch (kind) {
    case 'none':
    case 'boolean':
      return null;
    case 'choices': {
      const chosen = values.filter((v) => v !== '');
      if (chosen.length === 0) return message('issue.chooseValue', { criterion: criterion.label });
      if (chosen.length > 100) return message('issue.tooManyValues', { max: 100 });
      const options = criterion.options;
      if (options && options.length > 0) {
        const unknown = chosen.find((v) => !options.some((o) => o.value === v));
        if (unknown !== undefined) return message('issue.unknownOption', { value: unknown, criterion: criterion.label });
      }
      return null;
    }
    case 'text':
    case 'any':
      if ((values[0] ?? '') === '') return message('issue.enterValue', { criterion: criterion.label });
      if ((c.values[0] ?? '').length > 1000) return message('issue.valueTooLong', { max: 1000 });
      return null;
    case 'number':
    case 'number_range': {
      const wanted = kind === 'number' ? values.slice(0, 1) : [values[0] ?? '', values[1] ?? ''];
      for (const v of wanted) {
        if (v === '') return message('issue.enterNumber', { criterion: criterion.label });
        if (!Number.isFinite(Number(v))) return message('issue.notANumber', { value: v });
      }
      return kind === 'number_range' && Number(wanted[1]) < Number(wanted[0]) ? message('issue.rangeReversed') : null;
    }
    case 'date':
    case 'date_range': {
      const [from = '', to = ''] = values;
      if (!validDate(from)) return message('issue.enterDate', { criterion: criterion.label });
      if (kind === 'date_range') {
        if (!validDate(to)) return message('issue.enterEndDate');
        if (to < from) return message('issue.datesReversed');
      }
      return null;
    }
    default:
      return missingCaseError(kind);
  }
}

function apiValue(criterion: Criterion | undefined, c: DraftCondition): SegmentCriterion['value'] | undefined {
  const values = c.values.map((v) => v.trim());
  if (!criterion) return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
  const kind = valueKindFor(criterion, c.operator);
  switch (kind) {
    case 'none':
      return undefined;
    case 'choices':
      return values.filter((v) => v !== '');
    case 'number':
      return Number(values[0]);
    case 'number_range':
      return [Number(values[0]), Number(values[1])];
    case 'date_range':
      return [values[0] ?? '', values[1] ?? ''];
    case 'boolean':
      return values[0] !== 'false';
    case 'text':
    case 'date':
    case 'any':
      return values[0] ?? '';
    default:
      return missingCaseError(kind);
  }
}

/** The API definition of a draft (call after `validateDraft` found nothing); loaded keys are kept as they came. */
export function draftToDefinition(draft: SegmentDraft, catalog: ReadonlyMap<string, Criterion>): SegmentDefinition {
  return {
    ...draft.definitionExtra,
    stanzas: draft.stanzas.map((s): Stanza => {
      const stanza: Stanza = {
        ...s.extra,
        criteria: s.conditions.map((c) => {
          const out: SegmentCriterion = { ...c.extra, criterion_id: c.criterionId, operator: c.operator };
          const value = apiValue(catalog.get(c.criterionId), c);
          if (value !== undefined) out.value = value;
          if (c.id !== undefined) out.id = c.id;
          return out;
        }),
      };
      if (s.id !== undefined) stanza.id = s.id;
      return stanza;
    }),
  };
}
