import { describe, expect, it } from 'vitest';
import { auditArgsOf, maxAuditArgs, maxAuditValueLength } from '../../../src-main/mcp/audit-args';

const valueOf = (args: Record<string, unknown>, key: string): string | undefined => auditArgsOf(args).find((arg) => arg.key === key)?.value;

describe('auditArgsOf', () => {
  it('shows ids, names, numbers and booleans as they came', () => {
    expect(auditArgsOf({ segment_id: 'seg-42', name: 'VIP fans', limit: 20, confirmed: true, cursor: null })).toEqual([
      { key: 'segment_id', value: 'seg-42' },
      { key: 'name', value: 'VIP fans' },
      { key: 'limit', value: '20' },
      { key: 'confirmed', value: 'true' },
      { key: 'cursor', value: 'null' },
    ]);
  });

  it('never shows a secret, whatever the tool calls it', () => {
    for (const key of ['token', 'access_token', 'refreshToken', 'password', 'apiKey', 'client_secret', 'Authorization', 'jwt']) {
      expect(valueOf({ [key]: 'eyJ-very-secret' }, key)).toBe('(hidden)');
    }
    expect(JSON.stringify(auditArgsOf({ nested: { token: 'eyJ-very-secret' } }))).not.toContain('eyJ');
  });

  it('shows free text only by its size', () => {
    expect(valueOf({ description: 'Fans who bought twice' }, 'description')).toBe('(text, 21 characters)');
    expect(valueOf({ html_content: '<p>Hello</p>' }, 'html_content')).toBe('(text, 12 characters)');
    expect(valueOf({ message: 'x' }, 'message')).toBe('(text, 1 character)');
  });

  it('elides long values and bounds the number of arguments and list items', () => {
    const long = valueOf({ name: 'n'.repeat(500) }, 'name') ?? '';
    expect(long).toHaveLength(maxAuditValueLength);
    expect(long.endsWith('…')).toBe(true);
    expect(auditArgsOf(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i])))).toHaveLength(maxAuditArgs);
    expect(valueOf({ ids: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'ids')).toBe('a, b, c, d +2 more');
    expect(valueOf({ rows: [{ a: 1 }, { b: 2 }] }, 'rows')).toBe('(2 items)');
    expect(auditArgsOf({ ['k'.repeat(200)]: 1 })[0]?.key).toHaveLength(65);
  });

  it('reads a segment definition as its shape', () => {
    expect(valueOf({ definition: { stanzas: [] } }, 'definition')).toBe('every fan (no conditions)');
    const definition = { stanzas: [{ criteria: [{ criterion_id: 'a' }, { criterion_id: 'b' }] }, { criteria: [{ criterion_id: 'c' }] }] };
    expect(valueOf({ definition }, 'definition')).toBe('2 groups, 3 conditions');
    expect(valueOf({ filters: { a: 1, b: 2 } }, 'filters')).toBe('(2 fields)');
  });

  it('reads nothing from what is not an argument object', () => {
    expect(auditArgsOf(null)).toEqual([]);
    expect(auditArgsOf([1, 2])).toEqual([]);
    expect(auditArgsOf('text')).toEqual([]);
  });
});
