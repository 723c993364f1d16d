/**
 * Many short-lived waits on one long-lived AbortSignal (a session's), with at most one listener on that
 * signal however many requests are in flight. Adding a listener per request is what made more than ten
 * concurrent calls in one session print `MaxListenersExceededWarning`: the warning was right, the
 * listener count grew with the load. Here the signal carries one listener that fans out to a set, and
 * none once no request waits (nothing stays attached over a session's life).
 */

interface Fanout {
  listeners: Set<() => void>;
  onAbort: () => void;
}

const fanouts = new WeakMap<AbortSignal, Fanout>();

/** Calls `listener` once when `signal` aborts; returns the function that stops waiting. */
export function onAbort(signal: AbortSignal, listener: () => void): () => void {
  let fanout = fanouts.get(signal);
  if (fanout === undefined) {
    const created: Fanout = {
      listeners: new Set(),
      onAbort: () => {
        fanouts.delete(signal);
        for (const fire of [...created.listeners]) fire();
      },
    };
    fanout = created;
    fanouts.set(signal, created);
    signal.addEventListener('abort', created.onAbort, { once: true });
  }
  const current = fanout;
  const entry = (): void => listener();
  current.listeners.add(entry);
  return () => {
    current.listeners.delete(entry);
    if (current.listeners.size === 0 && fanouts.get(signal) === current) {
      fanouts.delete(signal);
      signal.removeEventListener('abort', current.onAbort);
    }
  };
}
