/**
 * Many short-lived waits on one long-lived AbortSignal (a session's), with exactly one listener on that
 * signal however many requests are in flight. Adding a listener per request is what made more than ten
 * concurrent calls in one session print `MaxListenersExceededWarning`: the warning was right, the
 * listener count grew with the load. Here the signal carries one listener that fans out to a set.
 */

const fanouts = new WeakMap<AbortSignal, Set<() => void>>();

/** Calls `listener` once when `signal` aborts; returns the function that stops waiting. */
export function onAbort(signal: AbortSignal, listener: () => void): () => void {
  let listeners = fanouts.get(signal);
  if (listeners === undefined) {
    const created = new Set<() => void>();
    listeners = created;
    fanouts.set(signal, created);
    signal.addEventListener(
      'abort',
      () => {
        fanouts.delete(signal);
        for (const fire of [...created]) fire();
      },
      { once: true },
    );
  }
  const entry = (): void => listener();
  listeners.add(entry);
  return () => {
    listeners.delete(entry);
  };
}
