/** Time behind an interface so token-expiry logic can be tested with a fake clock. */

/** A source of the current time in milliseconds since the epoch. */
export interface Clock {
  now(): number;
}

/** The real clock. */
export function systemClock(): Clock {
  return { now: () => Date.now() };
}
