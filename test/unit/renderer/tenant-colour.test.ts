import { describe, expect, it } from 'vitest';
import { fnv1a, tenantHue } from '../../../src-renderer/lib/tenant-colour';

describe('per-tenant colour', () => {
  it('is stable and in range', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(tenantHue('tenant-acme')).toBe(tenantHue('tenant-acme'));
    for (const id of ['a', 'b', 'tenant-1', 'x'.repeat(128)]) {
      const hue = tenantHue(id);
      expect(Number.isInteger(hue) && hue >= 0 && hue < 360).toBe(true);
    }
  });

  it('spreads similar ids over the wheel', () => {
    const hues = new Set(Array.from({ length: 50 }, (_, i) => Math.floor(tenantHue(`tenant-${i}`) / 30)));
    expect(hues.size).toBeGreaterThanOrEqual(8);
  });
});
