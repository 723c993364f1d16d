/** A tiny typed event emitter: `event(listener)` returns the unsubscribe function (STYLE.md, Insomnia). */

/** Fires values to listeners; a throwing listener never breaks the emitter or the other listeners. */
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
      } catch {
        // A listener's bug is its own; the core's state is already consistent when events fire.
      }
    }
  }

  /** Drops every listener. */
  dispose(): void {
    this.listeners.clear();
  }
}
