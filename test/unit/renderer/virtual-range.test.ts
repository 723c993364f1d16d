import { describe, expect, it } from 'vitest';
import { scrollTopToReveal, visibleRange } from '../../../src-renderer/lib/virtual-range';

describe('virtual list window', () => {
  it('renders the viewport plus overscan, clamped', () => {
    expect(visibleRange(0, 300, 30, 100_000, 5)).toEqual({ start: 0, end: 15 });
    expect(visibleRange(3000, 300, 30, 100_000, 5)).toEqual({ start: 95, end: 115 });
    expect(visibleRange(2_999_700, 300, 30, 100_000, 5)).toEqual({ start: 99_985, end: 100_000 });
    expect(visibleRange(0, 300, 30, 0)).toEqual({ start: 0, end: 0 });
  });

  it('scrolls only as far as needed to reveal a row', () => {
    expect(scrollTopToReveal(5, 0, 300, 30)).toBeNull();
    expect(scrollTopToReveal(10, 0, 300, 30)).toBe(30);
    expect(scrollTopToReveal(2, 120, 300, 30)).toBe(60);
  });
});
