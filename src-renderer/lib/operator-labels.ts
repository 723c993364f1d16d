/** Human wording for segment operators and values, shared by the definition view and the builder. */
import type { Criterion, SegmentCriterion } from '../../src-shared/api';

const labels: Record<string, string> = {
  is: 'is',
  is_not: 'is not',
  is_set: 'is set',
  is_not_set: 'is not set',
  eq: 'equals',
  neq: 'does not equal',
  contains: 'contains',
  starts_with: 'starts with',
  ends_with: 'ends with',
  gt: 'is greater than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  is_true: 'is true',
  is_false: 'is false',
  before: 'is before',
  after: 'is after',
  between: 'is between',
};

/** The readable label of an operator; unknown operators are shown as they are. */
export function operatorLabel(operator: string): string {
  return labels[operator] ?? operator.replace(/_/g, ' ');
}

/** A criterion value as text, using the criterion's option labels for entity values. */
export function valueLabel(value: SegmentCriterion['value'], criterion: Criterion | undefined): string {
  const optionLabel = (v: string | number): string => criterion?.options?.find((o) => o.value === String(v))?.label ?? String(v);
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    if (criterion?.valueType === 'DATE' && value.length === 2) return `${String(value[0])} and ${String(value[1])}`;
    return value.map(optionLabel).join(' or ');
  }
  if (typeof value === 'string') return criterion?.valueType === 'TEXT' ? `“${value}”` : optionLabel(value);
  return String(value);
}

/** One condition as a sentence: `Country is Spain or France`. */
export function describeCondition(condition: SegmentCriterion, catalog: ReadonlyMap<string, Criterion>): string {
  const criterion = catalog.get(condition.criterion_id);
  const subject = criterion?.label ?? condition.criterion_id;
  const value = valueLabel(condition.value, criterion);
  return value === '' ? `${subject} ${operatorLabel(condition.operator)}` : `${subject} ${operatorLabel(condition.operator)} ${value}`;
}
