/** A tiny typed event emitter: `event(listener)` returns the unsubscribe function (STYLE.md, Insomnia). */

import { redactSecrets } from './redact';

/** Where a throwing listener is reported; the composition root points it at the app's log. */
export type ListenerErrorReporter = (error: unknown) => void;

// Until someone says where: stderr (never stdout, which carries MCP over stdio).
let reportListenerError: ListenerErrorReporter = (error) => {
  console.error(`nevent-companion: an event listener failed: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
};

/** Sets where every emitter reports a listener that threw (the app's log); returns the previous reporter. */
export function setListenerErrorReporter(reporter: ListenerErrorReporter): ListenerErrorReporter {
  const previous = reportListenerError;
  reportListenerError = reporter;
  return previous;
}

/**
 * Fires values to listeners. A throwing listener is reported and does not stop the others: the core's
 * state is already consistent when events fire, and one listener's bug must not starve the rest.
 */
export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  /** Subscribes; returns the unsubscribe function. */
  readonly event = (listener: (value: T) => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Calls every listener with `value`. */
  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        reportListenerError(error);
      }
    }
  }

  /** Drops every listener. */
  dispose(): void {
    this.listeners.clear();
  }
}
