/**
 * The tenant reader's fast path (plain records read without zod) must read every record exactly as
 * the schema does: same tenant, or the same refusal. Checked over generated records of every shape
 * the API might send, and on the real shapes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePlatformTenants, parseTenantRecord } from '../../../src-shared/api';
import { propertyRuns } from '../../helpers/property-runs';

function read(raw: unknown, fastPath: boolean): unknown {
  try {
    return { tenant: parseTenantRecord(raw, '[0]', fastPath) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('', ' ', ' tn-a', 'tn-a ', 'Acme Spain', 'tn-acme', '\t', 'x'.repeat(257)));
const anything = fc.oneof(text, fc.integer({ min: -3, max: 3 }), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant({}), fc.constant([]), fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, 2.5, -0));
const field = (weightPlain: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> => fc.oneof({ arbitrary: weightPlain, weight: 3 }, { arbitrary: anything, weight: 2 });

const record = fc.record(
  {
    id: field(fc.constantFrom('tn-a', 'tn-b', 'tn-gen-000001')),
    _id: anything,
    name: field(fc.constantFrom('Acme', '  Padded  ', '')),
    slug: field(fc.constantFrom('acme', '')),
    domain: field(fc.constantFrom('acme.example', '')),
    parentId: field(fc.constantFrom('tn-root', null)),
    level: field(fc.constantFrom(0, 1, 7)),
    status: field(fc.constantFrom('ACTIVE', 'invited', 'SUSPENDED', 'PENDING')),
    role: field(fc.constantFrom('OWNER', 'admin')),
    statusReason: field(fc.constantFrom('Ask the owner.')),
    extra: anything,
  },
  { requiredKeys: [] },
);

// Mostly what the fast path takes (no membership fields, no _id), with every field's odd values too.
const plainish = fc.record(
  {
    id: field(fc.constantFrom('tn-a', 'tn-gen-000001')),
    name: field(fc.constantFrom('Acme', '  Padded  ', '')),
    slug: field(fc.constantFrom('acme', '')),
    domain: field(fc.constantFrom('acme.example', '')),
    parentId: field(fc.constantFrom('tn-root', null)),
    level: field(fc.constantFrom(0, 1, 7)),
  },
  { requiredKeys: ['id'] },
);

describe('tenant record fast path', () => {
  it('reads every generated record exactly as the schema does', () => {
    fc.assert(
      fc.property(fc.oneof({ arbitrary: plainish, weight: 5 }, { arbitrary: record, weight: 4 }, { arbitrary: anything, weight: 1 }), (raw) => {
        expect(read(raw, true)).toEqual(read(raw, false));
      }),
      propertyRuns('tenant records: fast path agrees with zod', 3000),
    );
  });

  it('reads the real platform shape (minimal records, alternative names) the same way', () => {
    const body = [
      { id: 'tn-nevent', name: 'Nevent Platform', level: 0 },
      { id: 'tn-acme', name: 'Acme Group', parentId: 'tn-nevent', level: 1, domain: 'acme.example' },
      { _id: 'tn-legacy', name: 'Legacy' },
      { id: 42, name: 'Numeric id' },
      { id: 'tn-invited', name: 'Invited', parentId: 'tn-acme', status: 'invited', statusReason: 'Ask the owner.' },
      { id: 'tn-bare' },
    ];
    for (const raw of body) expect(read(raw, true)).toEqual(read(raw, false));
    expect(normalizePlatformTenants(body).map((t) => [t.id, t.level])).toEqual([
      ['tn-nevent', 0],
      ['tn-acme', 1],
      ['tn-legacy', 0],
      ['42', 0],
      ['tn-invited', 2],
      ['tn-bare', 0],
    ]);
  });
});
