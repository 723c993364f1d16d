import { describe, expect, it } from 'vitest';
import { jsonBoundsViolation } from '../../../src-shared/json-bounds';

describe('JSON bounds', () => {
  it('accepts ordinary values and refuses deep or huge ones without recursing', () => {
    expect(jsonBoundsViolation({ stanzas: [{ criteria: [{ modifiers: { a: [1, 2, { b: null }] } }] }] })).toBeNull();
    expect(jsonBoundsViolation(undefined)).toBeNull();
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i += 1) deep = { a: deep };
    expect(jsonBoundsViolation(deep)).toMatch(/nested more than 64 levels/);
    expect(jsonBoundsViolation(new Array(300_000).fill(0))).toMatch(/more than 200000 values/);
    expect(jsonBoundsViolation({ a: { b: 1 } }, { maxDepth: 2, maxNodes: 10 })).toMatch(/nested/);
    expect(jsonBoundsViolation({ a: { b: 1 } }, { maxDepth: 3, maxNodes: 10 })).toBeNull();
  });
});
