/**
 * One definition rule: the same definitions go through the window's path (the
 * builder's draft → `validateDraft`) and the core's (`createSegment` against the demo API over HTTP),
 * and both accept or both refuse each one. The cases come from the tenant's own criteria: every
 * operator the builder offers with a value of the kind it asks for, then wrong values, unlisted
 * operators and unknown criteria.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Criterion, SegmentDefinition } from '../../../src-shared/api';
import { valueKindFor, type ValueKind } from '../../../src-shared/segment-definition-check';
import { draftFromSegment, draftToDefinition, operatorsFor, validateDraft } from '../../../src-renderer/lib/segment-draft';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';

let fixture: CoreFixture;
let criteria: Criterion[];
beforeAll(async () => {
  fixture = await startCoreFixture({ user: 'admin' });
  criteria = (await fixture.core.registry.desktop!.segmentationCriteria()).value;
}, 60_000);
afterAll(async () => {
  await fixture?.close();
});

/** A value of the kind the operator asks for, and one of another kind. */
function samples(criterion: Criterion, kind: ValueKind): { good: unknown; bad: unknown } {
  switch (kind) {
    case 'number':
      return { good: 3, bad: 'three' };
    case 'number_range':
      return { good: [1, 2], bad: [1] };
    case 'date':
      return { good: '2026-01-01', bad: '2026-02-30' };
    case 'date_range':
      return { good: ['2026-01-01', '2026-02-01'], bad: ['2026-01-01'] };
    case 'choices':
      return { good: [criterion.options?.[0]?.value ?? 'x'], bad: [] };
    case 'boolean':
      return { good: true, bad: 'maybe' };
    case 'none':
      return { good: undefined, bad: 'unexpected' };
    case 'text':
    case 'any':
      return { good: 'Bilbao', bad: undefined };
    default:
      return { good: 'x', bad: undefined };
  }
}

const condition = (criterionId: string, operator: string, value: unknown) => ({ criterion_id: criterionId, operator, ...(value === undefined ? {} : { value }) });
const single = (criterionId: string, operator: string, value: unknown): SegmentDefinition => ({ stanzas: [{ criteria: [condition(criterionId, operator, value)] }] }) as SegmentDefinition;

function cases(): Array<{ label: string; definition: SegmentDefinition }> {
  const out: Array<{ label: string; definition: SegmentDefinition }> = [];
  for (const criterion of criteria) {
    for (const operator of operatorsFor(criterion)) {
      const { good, bad } = samples(criterion, valueKindFor(criterion, operator));
      out.push({ label: `${criterion.id} ${operator} good`, definition: single(criterion.id, operator, good) });
      out.push({ label: `${criterion.id} ${operator} bad`, definition: single(criterion.id, operator, bad) });
    }
    out.push({ label: `${criterion.id} unlisted operator`, definition: single(criterion.id, 'not_an_operator', 'x') });
  }
  out.push({ label: 'unknown criterion', definition: single('no_such_criterion', 'eq', 'x') });
  out.push({ label: 'empty group', definition: { stanzas: [{ criteria: [] }] } as unknown as SegmentDefinition });
  out.push({ label: 'every fan', definition: { stanzas: [] } });
  return out;
}

describe('the segment definition rule is one rule', () => {
  it('the window and the core accept and refuse the same definitions', async () => {
    const catalog = new Map(criteria.map((c) => [c.id, c]));
    const session = fixture.core.registry.desktop!;
    const create = (name: string, definition: SegmentDefinition) =>
      session.createSegment({ name, definition }).then(
        () => ({ ok: true as const }),
        (error: { code?: string }) => ({ ok: false as const, code: error.code ?? '?' }),
      );
    const disagreements: string[] = [];
    let accepted = 0;
    let refused = 0;
    for (const { label, definition } of cases()) {
      const draft = draftFromSegment({ name: label, definition });
      const uiAccepts = validateDraft(draft, catalog).length === 0;
      if (uiAccepts) {
        // What the window would send (it drops what an operator does not take, e.g. a value for is_set).
        const sent = await create(label, draftToDefinition(draft, catalog));
        if (!sent.ok) disagreements.push(`${label}: the window accepts, the core refuses what it sends (${sent.code})`);
        accepted += 1;
      } else {
        const raw = await create(label, definition);
        if (raw.ok) disagreements.push(`${label}: the window refuses, the core accepts`);
        else if (raw.code !== 'validation_failed') disagreements.push(`${label}: refused as ${raw.code}, not validation_failed`);
        refused += 1;
      }
    }
    expect(disagreements).toEqual([]);
    // Both sides of the rule were exercised.
    expect(accepted).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(10);
  }, 60_000);

  it('what the window would not change, the core judges the same way as sent', async () => {
    const catalog = new Map(criteria.map((c) => [c.id, c]));
    const session = fixture.core.registry.desktop!;
    let unchanged = 0;
    for (const { label, definition } of cases()) {
      const draft = draftFromSegment({ name: label, definition });
      if (validateDraft(draft, catalog).length > 0) continue;
      // Only the cases the window passes through unchanged.
      if (JSON.stringify(draftToDefinition(draft, catalog)) !== JSON.stringify(definition)) continue;
      unchanged += 1;
      await expect(session.createSegment({ name: label, definition }), label).resolves.toBeDefined();
    }
    expect(unchanged).toBeGreaterThan(5);
  }, 60_000);

  it('a criterion the API lists without operators is offered the defaults for its type, and they are accepted', () => {
    const unlisted = criteria.filter((c) => c.operators.length === 0 && c.valueType !== null);
    expect(unlisted.length).toBeGreaterThan(0);
    for (const criterion of unlisted) expect(operatorsFor(criterion).length, criterion.id).toBeGreaterThan(0);
  });
});
