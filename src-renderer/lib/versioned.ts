/** Versioned mirrors: main numbers every state change; a copy applies a payload only if it is newer. */

/** True when a payload with `incoming` version should replace what a mirror at `current` holds. */
export function isNewer(current: number | null, incoming: number): boolean {
  return current === null || incoming > current;
}
