/**
 * Newline framing for byte streams (MCP's stdio framing, also used on the app's socket): feed it chunks,
 * get whole lines back. A line longer than `maxLineBytes` is never buffered whole: `push` reports it and
 * the caller closes the stream. Used by the line transport and by `mcp --attach`'s relay.
 */

/** Splits chunks into lines. */
export class LineSplitter {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly maxLineBytes: number) {}

  /**
   * Adds a chunk; calls `onLine(line, bytes)` for each complete line (without `\n` or a trailing `\r`).
   * Returns false as soon as a line exceeds the cap (the rest of the chunk is dropped), or when `onLine`
   * returns false to stop early.
   */
  push(chunk: Buffer | string, onLine: (line: string, bytes: number) => boolean | void): boolean {
    let data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let newline = data.indexOf(0x0a);
    while (newline !== -1) {
      if (this.buffered + newline > this.maxLineBytes) return this.overflow();
      this.chunks.push(data.subarray(0, newline));
      const bytes = this.buffered + newline;
      const line = Buffer.concat(this.chunks).toString('utf8').replace(/\r$/, '');
      this.chunks = [];
      this.buffered = 0;
      data = data.subarray(newline + 1);
      if (onLine(line, bytes) === false) return false;
      newline = data.indexOf(0x0a);
    }
    if (this.buffered + data.length > this.maxLineBytes) return this.overflow();
    if (data.length > 0) {
      this.chunks.push(data);
      this.buffered += data.length;
    }
    return true;
  }

  /** Drops anything buffered. */
  reset(): void {
    this.chunks = [];
    this.buffered = 0;
  }

  private overflow(): false {
    this.reset();
    return false;
  }
}
