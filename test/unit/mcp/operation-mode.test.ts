import { describe, expect, it } from 'vitest';
import { initialOperationMode } from '../../../src-main/app/operation-mode-setting';
import { isToolAllowed, leastModeFor } from '../../../src-main/mcp/operation-mode';
import { parseOperationMode } from '../../../src-shared/session';

describe('operation modes', () => {
  it('allows reads and tenant tools always, writes from STANDARD, destructive only in FULL', () => {
    const table = (['READ_ONLY', 'STANDARD', 'FULL'] as const).map((mode) => (['read', 'tenant', 'write', 'destructive'] as const).map((access) => isToolAllowed(mode, access)));
    expect(table).toEqual([
      [true, true, false, false],
      [true, true, true, false],
      [true, true, true, true],
    ]);
    expect(leastModeFor('write')).toBe('STANDARD');
    expect(leastModeFor('destructive')).toBe('FULL');
  });

  it('parses flags and env values leniently, defaulting to READ_ONLY, and rejects unknown modes', () => {
    expect(parseOperationMode(undefined)).toBe('READ_ONLY');
    expect(parseOperationMode('')).toBe('READ_ONLY');
    expect(parseOperationMode('standard')).toBe('STANDARD');
    expect(parseOperationMode(' read-only ')).toBe('READ_ONLY');
    expect(parseOperationMode('FULL')).toBe('FULL');
    expect(parseOperationMode('admin')).toBeNull();
    expect(parseOperationMode(3)).toBeNull();
  });

  it('starts from the flag, then NEVENT_OPERATION_MODE, then the settings file; a bad variable is said, not ignored', () => {
    const said: string[] = [];
    const warn = (line: string): void => void said.push(line);
    expect(initialOperationMode({ flag: 'FULL', env: 'standard', saved: 'READ_ONLY' }, warn)).toBe('FULL');
    expect(initialOperationMode({ env: 'standard', saved: 'READ_ONLY' }, warn)).toBe('STANDARD');
    expect(initialOperationMode({ env: undefined, saved: 'STANDARD' }, warn)).toBe('STANDARD');
    expect(initialOperationMode({ env: '', saved: null }, warn)).toBe('READ_ONLY');
    expect(said).toEqual([]);
    expect(initialOperationMode({ env: 'god-mode', saved: 'STANDARD' }, warn)).toBe('STANDARD');
    expect(said).toEqual(['NEVENT_OPERATION_MODE="god-mode" is not an operation mode (READ_ONLY, STANDARD or FULL); using STANDARD.']);
  });
});
