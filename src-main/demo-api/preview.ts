/**
 * The preview matcher: criteria inside a stanza are OR-combined, stanzas AND-combined; an empty
 * definition matches everyone. Expects a definition that passed `checkSegmentDefinition`.
 */
import type { SegmentCriterion, SegmentDefinition } from '../../src-shared/api';
import type { DemoCriterion } from './criteria-catalogue';

/** Attribute values a fan may carry (keys are criterion ids). */
export type FanAttributes = Readonly<Record<string, string | number | boolean | null>>;

const lower = (value: unknown): string => String(value).toLowerCase();

/** A preview answer as the data API sends it. */
export interface DemoPreview {
  estimated_fan_count: number;
  sample_fans: { fan_id: string; first_name: string; last_name: string; email?: string }[];
}

/** True when one condition holds for the fan (value types as the catalogue names them). */
export function conditionMatches(fan: FanAttributes, condition: SegmentCriterion, valueType: string): boolean {
  const actual = fan[condition.criterion_id] ?? null;
  const expected = condition.value;
  switch (valueType) {
    case 'ENTITY': {
      const choices = (Array.isArray(expected) ? expected : [expected]).map(String);
      if (condition.operator === 'is_set') return actual !== null;
      if (condition.operator === 'is_not_set') return actual === null;
      const inList = actual !== null && choices.includes(String(actual));
      return condition.operator === 'is' ? inList : condition.operator === 'is_not' ? !inList : false;
    }
    case 'TEXT':
    case 'STRING': {
      if (condition.operator === 'neq') return actual === null || lower(actual) !== lower(expected);
      if (actual === null) return false;
      const a = lower(actual);
      const e = lower(expected);
      if (condition.operator === 'eq') return a === e;
      if (condition.operator === 'contains') return a.includes(e);
      if (condition.operator === 'starts_with') return a.startsWith(e);
      if (condition.operator === 'ends_with') return a.endsWith(e);
      return false;
    }
    case 'NUMBER':
    case 'CURRENCY': {
      if (condition.operator === 'neq') return actual !== expected;
      if (typeof actual !== 'number' || typeof expected !== 'number') return false;
      if (condition.operator === 'eq') return actual === expected;
      if (condition.operator === 'gt') return actual > expected;
      if (condition.operator === 'gte') return actual >= expected;
      if (condition.operator === 'lt') return actual < expected;
      if (condition.operator === 'lte') return actual <= expected;
      return false;
    }
    case 'BOOLEAN':
      return condition.operator === 'is_true' ? actual === true : condition.operator === 'is_false' ? actual !== true : false;
    case 'DATE': {
      if (typeof actual !== 'string') return false;
      const at = Date.parse(actual);
      if (condition.operator === 'between' && Array.isArray(expected)) {
        return at >= Date.parse(String(expected[0])) && at <= Date.parse(String(expected[1]));
      }
      if (condition.operator === 'before') return at < Date.parse(String(expected));
      if (condition.operator === 'after') return at > Date.parse(String(expected));
      return false;
    }
    default:
      return false;
  }
}

/** True when the fan is in the segment the definition describes. */
export function matchesDefinition(fan: FanAttributes, definition: SegmentDefinition, valueTypes: ReadonlyMap<string, string>): boolean {
  return definition.stanzas.every((stanza) =>
    stanza.criteria.some((condition) => {
      const valueType = valueTypes.get(condition.criterion_id);
      return valueType !== undefined && conditionMatches(fan, condition, valueType);
    }),
  );
}

/** Counts the matching fans; `sample_fans` are the first five matches (email only when they opted in). */
export function previewDefinition(
  fans: readonly (FanAttributes & { id: string; first_name: string; last_name: string; email: string; newsletter_opt_in: boolean })[],
  definition: SegmentDefinition,
  catalogue: readonly DemoCriterion[],
): DemoPreview {
  const valueTypes = new Map(catalogue.map((criterion) => [criterion.id, criterion.valueType]));
  let count = 0;
  const sample: DemoPreview['sample_fans'] = [];
  for (const fan of fans) {
    if (!matchesDefinition(fan, definition, valueTypes)) continue;
    count += 1;
    if (sample.length < 5) sample.push(fan.newsletter_opt_in ? { fan_id: fan.id, first_name: fan.first_name, last_name: fan.last_name, email: fan.email } : { fan_id: fan.id, first_name: fan.first_name, last_name: fan.last_name });
  }
  return { estimated_fan_count: count, sample_fans: sample };
}
