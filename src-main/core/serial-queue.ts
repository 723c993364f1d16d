/** Runs async jobs one at a time, in order: how a session serializes its switches. */

/** A FIFO mutex over async jobs. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  /** Number of jobs queued or running. */
  get size(): number {
    return this.pending;
  }

  /** Runs `job` after every job queued before it has settled; resolves or rejects with its result. */
  run<T>(job: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const result = this.tail.then(job, job);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    void this.tail.then(() => {
      this.pending -= 1;
    });
    return result;
  }
}
