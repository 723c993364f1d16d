/**
 * Main → window events, one hub for every transport (Electron's webContents, `serve`'s event streams).
 * Payloads are parsed with the contract's schema before they go out, so undeclared fields never leave.
 */
import { eventChannels, type EventChannel, type EventOf } from '../../src-shared/ipc';

/** A listener for every event. */
export type EventSink = (channel: EventChannel, payload: unknown) => void;

/** Typed publish/subscribe for the event channels. */
export class EventHub {
  private readonly sinks = new Set<EventSink>();

  constructor(private readonly logInternal: (channel: string, error: unknown) => void = () => undefined) {}

  /** Publishes one event to every sink. Invalid payloads are logged and dropped. */
  emit<C extends EventChannel>(channel: C, payload: EventOf<C>): void {
    const parsed = eventChannels[channel].safeParse(payload);
    if (!parsed.success) {
      this.logInternal(channel, parsed.error);
      return;
    }
    for (const sink of [...this.sinks]) {
      try {
        sink(channel, parsed.data);
      } catch (error) {
        // One broken transport (a closed window, a dropped stream) must not starve the others.
        this.logInternal(channel, error);
      }
    }
  }

  /** Adds a sink; returns its removal. */
  subscribe(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  /** Drops every sink (shutdown). */
  clear(): void {
    this.sinks.clear();
  }
}
