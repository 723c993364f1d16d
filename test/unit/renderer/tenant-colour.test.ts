import { describe, expect, it } from 'vitest';
import { fnv1a, tenantHue, tenantHues } from '../../../src-renderer/lib/tenant-colour';

describe('per-tenant colour', () => {
  it('is stable and in range', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(tenantHue('tenant-acme')).toBe(tenantHue('tenant-acme'));
    for (const id of ['a', 'b', 'tenant-1', 'x'.repeat(128)]) {
      const hue = tenantHue(id);
      expect(tenantHues).toContain(hue);
    }
  });

  it('uses every hue of the palette about equally', () => {
    const counts = new Map<number, number>();
    for (let i = 0; i < 12_000; i++) counts.set(tenantHue(`tn-gen-${i}`), (counts.get(tenantHue(`tn-gen-${i}`)) ?? 0) + 1);
    expect(counts.size).toBe(tenantHues.length);
    for (const n of counts.values()) expect(n).toBeGreaterThan(800);
  });

  it('spreads similar ids over the wheel', () => {
    const hues = new Set(Array.from({ length: 50 }, (_, i) => Math.floor(tenantHue(`tenant-${i}`) / 30)));
    expect(hues.size).toBeGreaterThanOrEqual(8);
  });
});
