/**
 * How many tool calls run at once, so one runaway client cannot stall the others or the window (each
 * call may hold API requests, memory and a scope): a few per connection, a few more for the process.
 *
 *   call ──> its connection runs < perConnection.running? ──no──> waits in the connection's line
 *               │ yes                                             (more than perConnection.waiting there:
 *               v                                                  refused, rate_limit_exceeded)
 *            the process runs < total.running? ──no──> waits in the shared line (more than total.waiting: refused)
 *               │ yes
 *               v
 *              run ──> done: the next call of the same line goes (the connection's first, then the shared one's)
 *
 * Only a call holding one of its connection's slots can wait in the shared line, so a connection has at
 * most `perConnection.running` calls there: a client sending ten thousand calls runs a few, keeps a few
 * dozen waiting, and is told to slow down for the rest, while every other connection's calls keep moving.
 * A call given up while waiting (the client cancelled, the connection closed) leaves its line.
 */
import { CoreError } from '../core/common/core-error';

/** Calls running at once and calls waiting beyond them, for one line. */
export interface LineBounds {
  running: number;
  waiting: number;
}

/** The bounds of the two lines. */
export interface CallLimitOptions {
  perConnection: LineBounds;
  total: LineBounds;
}

/** Defaults: an AI client seldom has more than a few calls out at once; the process serves up to 64 connections. */
export const callLimitDefaults: CallLimitOptions = { perConnection: { running: 4, waiting: 32 }, total: { running: 16, waiting: 256 } };

/** Seconds a refused caller is told to wait before trying again (`param` of the envelope, as Nevent AI sends it). */
const retryAfterSeconds = 1;

function cancelledWhileWaiting(): CoreError {
  return new CoreError('cancelled', 'the call was cancelled while it waited for its turn; nothing was done');
}

/** Ends a call's hold on its slots (exactly once). */
export type ReleaseCall = () => void;

/** One FIFO line with a number of slots. */
class Line {
  running = 0;
  readonly waiting: Array<{ admit: () => void }> = [];

  constructor(readonly bounds: LineBounds) {}

  /** Takes a slot now (true), or false when none is free. */
  tryTake(): boolean {
    if (this.running >= this.bounds.running) return false;
    this.running += 1;
    return true;
  }

  /** Frees a slot: handed straight to the first caller waiting, if any. */
  free(): void {
    const next = this.waiting.shift();
    if (next === undefined) this.running -= 1;
    else next.admit();
  }

  /** Waits for a slot; rejects with `refusal()` when the line is full, or `cancelled` when `signal` gives up. */
  async take(signal: AbortSignal | undefined, refusal: () => CoreError): Promise<void> {
    if (this.tryTake()) return;
    if (this.waiting.length >= this.bounds.waiting) throw refusal();
    if (signal?.aborted === true) throw cancelledWhileWaiting();
    await new Promise<void>((resolve, reject) => {
      const entry = {
        admit: () => {
          signal?.removeEventListener('abort', leave);
          resolve();
        },
      };
      const leave = (): void => {
        const index = this.waiting.indexOf(entry);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(cancelledWhileWaiting());
      };
      this.waiting.push(entry);
      signal?.addEventListener('abort', leave, { once: true });
    });
  }
}

/** The two lines, shared by every connection of one process (or of one transport when nothing shares them). */
export class CallLimits {
  private readonly total: Line;
  private readonly connections = new WeakMap<object, Line>();

  constructor(private readonly options: CallLimitOptions = callLimitDefaults) {
    this.total = new Line(options.total);
  }

  /**
   * Waits for `connection` (any object standing for it: its session) to be allowed one more call;
   * resolves to the release, to be called once when the call has ended. Rejects with
   * `rate_limit_exceeded` when a line is full (nothing was run), or `cancelled` when `signal` gives up first.
   */
  async admit(connection: object, signal?: AbortSignal): Promise<ReleaseCall> {
    const own = this.lineOf(connection);
    await own.take(signal, () => this.refusal(`this connection already has ${own.bounds.running} calls running and ${own.bounds.waiting} waiting`));
    try {
      await this.total.take(signal, () => this.refusal(`Nevent Companion already has ${this.total.bounds.running} calls running and ${this.total.bounds.waiting} waiting`));
    } catch (error) {
      own.free();
      throw error;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total.free();
      own.free();
    };
  }

  private lineOf(connection: object): Line {
    let line = this.connections.get(connection);
    if (line === undefined) {
      line = new Line(this.options.perConnection);
      this.connections.set(connection, line);
    }
    return line;
  }

  private refusal(why: string): CoreError {
    return new CoreError('rate_limit_exceeded', `Too many calls at once: ${why}. Nothing was done for this call; wait for answers to come back, then retry (after ${retryAfterSeconds} s).`, String(retryAfterSeconds));
  }
}
