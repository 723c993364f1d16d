/**
 * Checks a segment definition against a criteria catalogue (DESIGN §3): every criterion is known, its
 * operator is allowed for its value type, and the value is present, absent or typed as the operator
 * needs. Pure: the demo API uses it for 400s, the renderer's builder for inline errors.
 */
import type { Criterion, SegmentCriterion, SegmentDefinition, ValueType } from './api';
import { operatorsByValueType, valuelessOperators } from './api';
import { missingCaseError } from './errors';

/** One problem, located by a JSON path like `stanzas[0].criteria[1].operator`. */
export interface DefinitionIssue {
  path: string;
  message: string;
}

/** Formats a zod-style path (`['stanzas', 0, 'criteria']`) as `stanzas[0].criteria`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
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
  const allowed: readonly string[] = operatorsByValueType[criterion.valueType].filter((op) => criterion.operators.includes(op));
  if (!allowed.includes(condition.operator)) {
    return [{ path: `${at}.operator`, message: `operator "${condition.operator}" is not allowed for ${criterion.valueType} criterion "${criterion.id}" (allowed: ${allowed.join(', ')})` }];
  }
  const value = condition.value;
  const hasValue = value !== undefined && value !== null;
  if (valuelessOperators.includes(condition.operator)) {
    return hasValue ? [{ path: `${at}.value`, message: `operator "${condition.operator}" takes no value` }] : [];
  }
  if (!hasValue) return [{ path: `${at}.value`, message: `operator "${condition.operator}" needs a value` }];
  const problem = valueProblem(criterion, criterion.valueType, condition.operator, value);
  return problem === undefined ? [] : [{ path: `${at}.value`, message: problem }];
}

/** Why `value` does not fit the operator, or undefined when it does. */
function valueProblem(criterion: Criterion, valueType: ValueType, operator: string, value: unknown): string | undefined {
  switch (valueType) {
    case 'ENTITY': {
      const values = Array.isArray(value) ? value : [value];
      if (values.length === 0) return 'choose at least one value';
      if (!values.every((v): v is string => typeof v === 'string' && v !== '')) return 'value must be a choice (a string) or a list of choices';
      const options = criterion.options;
      if (options !== undefined) {
        const unknown = values.find((v) => !options.some((option) => option.value === v));
        if (unknown !== undefined) return `"${unknown}" is not one of the choices of "${criterion.id}"`;
      }
      return undefined;
    }
    case 'TEXT':
      return typeof value === 'string' && value.trim() !== '' ? undefined : 'value must be a non-empty text';
    case 'NUMBER':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'value must be a number';
    case 'BOOLEAN':
      return `operator "${operator}" takes no value`;
    case 'DATE': {
      if (operator === 'between') {
        if (!Array.isArray(value) || value.length !== 2 || !isIsoDate(value[0]) || !isIsoDate(value[1])) return 'value must be a pair of dates [from, to] (YYYY-MM-DD)';
        return Date.parse(value[0]) <= Date.parse(value[1]) ? undefined : 'the first date must not be after the second';
      }
      return isIsoDate(value) ? undefined : 'value must be a date (YYYY-MM-DD)';
    }
    default:
      return missingCaseError(valueType);
  }
}
