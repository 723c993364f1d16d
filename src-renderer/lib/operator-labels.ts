/** Words for segment operators and values, shared by the definition view, the builder and the conflict table. */
import type { Criterion, SegmentCriterion } from '../../src-shared/api';
import type { MessageId } from '../../src-shared/i18n/catalog';
import { formatsFor } from '../../src-shared/i18n/format';
import type { Translator } from '../../src-shared/i18n/translator';

const labels: Readonly<Record<string, MessageId>> = {
  is: 'operator.is',
  is_not: 'operator.is_not',
  is_set: 'operator.is_set',
  is_not_set: 'operator.is_not_set',
  eq: 'operator.eq',
  neq: 'operator.neq',
  contains: 'operator.contains',
  starts_with: 'operator.starts_with',
  ends_with: 'operator.ends_with',
  gt: 'operator.gt',
  gte: 'operator.gte',
  lt: 'operator.lt',
  lte: 'operator.lte',
  is_true: 'operator.is_true',
  is_false: 'operator.is_false',
  before: 'operator.before',
  after: 'operator.after',
  between: 'operator.between',
};

/** The readable label of an operator; unknown operators are shown as they are. */
export function operatorLabel(t: Translator, operator: string): string {
  const id = Object.hasOwn(labels, operator) ? labels[operator] : undefined;
  return id === undefined ? operator.replace(/_/g, ' ') : t.formatMessage({ id });
}

/** A criterion value as text: option labels for entity values, days and numbers in the locale. */
export function valueLabel(t: Translator, value: SegmentCriterion['value'], criterion: Criterion | undefined): string {
  const formats = formatsFor(t.locale);
  const optionLabel = (v: string | number): string => criterion?.options?.find((o) => o.value === String(v))?.label ?? (typeof v === 'number' ? formats.number(v) : v);
  const dated = (v: string | number): string => (typeof v === 'string' && criterion?.valueType === 'DATE' ? formats.day(v) : optionLabel(v));
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    if (criterion?.valueType === 'DATE' && value.length === 2) return t.formatMessage({ id: 'condition.range' }, { from: dated(value[0] as string | number), to: dated(value[1] as string | number) });
    return formats.list(value.map(optionLabel), 'disjunction');
  }
  if (typeof value === 'string') return criterion?.valueType === 'TEXT' ? t.formatMessage({ id: 'condition.quoted' }, { value }) : dated(value);
  if (typeof value === 'number') return formats.number(value);
  return t.formatMessage({ id: 'condition.boolean' }, { value: String(value) });
}

/** One condition as a sentence: `Country is Spain or France`. */
export function describeCondition(t: Translator, condition: SegmentCriterion, catalog: ReadonlyMap<string, Criterion>): string {
  const criterion = catalog.get(condition.criterion_id);
  const subject = criterion?.label ?? condition.criterion_id;
  const value = valueLabel(t, condition.value, criterion);
  const operator = operatorLabel(t, condition.operator);
  return value === '' ? t.formatMessage({ id: 'condition.withoutValue' }, { subject, operator }) : t.formatMessage({ id: 'condition.withValue' }, { subject, operator, value });
}
