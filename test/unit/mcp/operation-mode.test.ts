import { describe, expect, it } from 'vitest';
import { isToolAllowed, leastModeFor, parseOperationMode } from '../../../src-main/mcp/operation-mode';
import { allTools } from '../../../src-main/mcp/tools';

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
  });

  it('classifies tools consistently with their annotations', () => {
    for (const tool of allTools) {
      expect(tool.annotations.readOnlyHint, tool.name).toBe(tool.access === 'read');
      if (tool.access === 'write') expect(['nevent_create_segment', 'nevent_update_segment']).toContain(tool.name);
      if (tool.access === 'tenant') expect(['nevent_switch_tenant', 'nevent_reset_tenant']).toContain(tool.name);
    }
  });
});
