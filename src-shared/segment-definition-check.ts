/**
 * The one segment-definition validator: what the window's builder offers, what it flags,
 * and what the demo API refuses all come from here.
 *
 *   criterion known? ──> operator offered? ──> value present / absent / typed as the operator needs
 *
 * Operators are the ones the criteria endpoint lists for a criterion; only when it lists none do the
 * defaults by value type apply, and a value type we do not know is not second-guessed (the API judges).
 * A definition with no stanzas means every fan and is valid.
 */
import type { Criterion, SegmentCriterion, SegmentDefinition } from './api';
import { missingCaseError } from './missing-case';

/** One problem, located by a JSON path like `stanzas[0].criteria[1].operator`. */
export interface DefinitionIssue {
  path: string;
  message: string;
}

/** Operators offered by value type when the criteria endpoint lists none for a criterion. */
export const defaultOperatorsByValueType: Readonly<Record<string, readonly string[]>> = {
  ENTITY: ['is', 'is_not', 'is_set', 'is_not_set'],
  TEXT: ['eq', 'neq', 'contains', 'starts_with', 'ends_with'],
  STRING: ['eq', 'neq', 'contains', 'starts_with', 'ends_with'],
  NUMBER: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'],
  CURRENCY: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'],
  BOOLEAN: ['is_true', 'is_false'],
  DATE: ['before', 'after', 'between'],
};

/** Operators that take no value. */
export const valuelessOperators: ReadonlySet<string> = new Set(['is_set', 'is_not_set', 'is_true', 'is_false', 'exists', 'not_exists', 'is_empty', 'is_not_empty']);

/** The operators a criterion offers: as listed by the API, else the defaults of its value type. */
export function operatorsFor(criterion: Pick<Criterion, 'operators' | 'valueType'>): readonly string[] {
  if (criterion.operators.length > 0) return criterion.operators;
  return criterion.valueType === null ? [] : (defaultOperatorsByValueType[criterion.valueType.toUpperCase()] ?? []);
}

/** What kind of value a condition needs, so the builder can show the right input. */
export type ValueKind = 'none' | 'choices' | 'text' | 'number' | 'number_range' | 'date' | 'date_range' | 'boolean' | 'any';

const rangeOperators: ReadonlySet<string> = new Set(['between', 'not_between']);

/** The value a criterion needs under `operator`. */
export function valueKindFor(criterion: Pick<Criterion, 'valueType'>, operator: string): ValueKind {
  if (valuelessOperators.has(operator)) return 'none';
  switch (criterion.valueType?.toUpperCase()) {
    case 'ENTITY':
      return 'choices';
    case 'TEXT':
    case 'STRING':
      return 'text';
    case 'NUMBER':
    case 'CURRENCY':
      return rangeOperators.has(operator) ? 'number_range' : 'number';
    case 'DATE':
      return rangeOperators.has(operator) ? 'date_range' : 'date';
    case 'BOOLEAN':
      return 'boolean';
    default:
      return 'any';
  }
}

const isoDate = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** True for `YYYY-MM-DD` or an ISO date-time that is a real calendar date (no 2025-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !isoDate.test(value) || Number.isNaN(Date.parse(value))) return false;
  // Date.parse rolls impossible days over (Feb 30 -> Mar 2); the calendar check refuses them.
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  return calendar.getUTCFullYear() === year && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
}

/** Returns every issue of `definition` against `catalogue`; an empty list means valid. */
export function checkSegmentDefinition(definition: SegmentDefinition, catalogue: readonly Criterion[]): DefinitionIssue[] {
  const byId = new Map(catalogue.map((criterion) => [criterion.id, criterion]));
  const issues: DefinitionIssue[] = [];
  definition.stanzas.forEach((stanza, s) => {
    if (stanza.criteria.length === 0) issues.push({ path: `stanzas[${s}].criteria`, message: 'a stanza needs at least one criterion' });
    stanza.criteria.forEach((condition, c) => {
      issues.push(...checkCondition(condition, byId.get(condition.criterion_id), `stanzas[${s}].criteria[${c}]`));
    });
  });
  return issues;
}

function checkCondition(condition: SegmentCriterion, criterion: Criterion | undefined, at: string): DefinitionIssue[] {
  if (criterion === undefined) return [{ path: `${at}.criterion_id`, message: `unknown criterion "${condition.criterion_id}"` }];
  const allowed = operatorsFor(criterion);
  if (allowed.length > 0 && !allowed.includes(condition.operator)) {
    const kind = criterion.valueType === null ? '' : `${criterion.valueType} `;
    return [{ path: `${at}.operator`, message: `operator "${condition.operator}" is not allowed for ${kind}criterion "${criterion.id}" (allowed: ${allowed.join(', ')})` }];
  }
  const value = condition.value;
  const hasValue = value !== undefined && value !== null;
  const kind = valueKindFor(criterion, condition.operator);
  if (kind === 'none') return hasValue ? [{ path: `${at}.value`, message: `operator "${condition.operator}" takes no value` }] : [];
  if (kind === 'any') return [];
  if (!hasValue) return [{ path: `${at}.value`, message: `operator "${condition.operator}" needs a value` }];
  const problem = valueProblem(criterion, kind, value);
  return problem === undefined ? [] : [{ path: `${at}.value`, message: problem }];
}

/** Why `value` does not fit, or undefined when it does. */
function valueProblem(criterion: Criterion, kind: Exclude<ValueKind, 'none' | 'any'>, value: unknown): string | undefined {
  switch (kind) {
    case 'choices': {
      const values = Array.isArray(value) ? value : [value];
      if (values.length === 0) return 'choose at least one value';
      if (!values.every((v) => (typeof v === 'string' && v !== '') || typeof v === 'number')) return 'value must be a choice or a list of choices';
      const options = criterion.options;
      if (options !== undefined && options.length > 0) {
        const unknown = values.find((v) => !options.some((option) => option.value === String(v)));
        if (unknown !== undefined) return `"${String(unknown)}" is not one of the choices of "${criterion.id}"`;
      }
      return undefined;
    }
    case 'text':
      return typeof value === 'string' && value.trim() !== '' ? undefined : 'value must be a non-empty text';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'value must be a number';
    case 'number_range':
      if (!Array.isArray(value) || value.length !== 2 || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) return 'value must be a pair of numbers [from, to]';
      return (value[0] as number) <= (value[1] as number) ? undefined : 'the first number must not be above the second';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'value must be true or false';
    case 'date':
      return isIsoDate(value) ? undefined : 'value must be a date (YYYY-MM-DD)';
    case 'date_range':
      if (!Array.isArray(value) || value.length !== 2 || !isIsoDate(value[0]) || !isIsoDate(value[1])) return 'value must be a pair of dates [from, to] (YYYY-MM-DD)';
      return Date.parse(value[0]) <= Date.parse(value[1]) ? undefined : 'the first date must not be after the second';
    default:
      return missingCaseError(kind);
  }
}
