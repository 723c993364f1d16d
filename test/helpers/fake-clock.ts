/** A clock tests move by hand (token expiry without waiting). */
import type { Clock } from '../../src-main/core/common/clock';

/** A Clock whose time only changes when the test says so. */
export class FakeClock implements Clock {
  constructor(private current: number = Date.parse('2026-01-01T00:00:00Z')) {}

  now(): number {
    return this.current;
  }

  /** Moves time forward by `ms`. */
  advance(ms: number): void {
    this.current += ms;
  }

  /** Sets the time. */
  set(ms: number): void {
    this.current = ms;
  }
}
