/**
 * An MCP transport over newline-delimited JSON on any pair of streams: a unix socket / named pipe
 * connection (both ends the same socket) or the process's stdin/stdout. It is the SDK's stdio framing
 * plus what a long-lived server needs:
 *
 * - a line cap: a line longer than `maxLineBytes` closes the connection (it is never buffered whole);
 * - garbage handling: a line that is not JSON-RPC gets a JSON-RPC parse error, and with
 *   `closeOnInvalid` (sockets) the connection is closed; on stdio it is skipped;
 * - end of input closes the transport, so the server and its session end with the connection.
 */
import type { Readable, Writable } from 'node:stream';
import { JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { LineSplitter } from './line-splitter';

/** Default cap of one JSON-RPC line. */
export const defaultMaxLineBytes = 4 * 1024 * 1024;

/** Options of a line transport. */
export interface LineTransportOptions {
  maxLineBytes?: number;
  /** Close the connection after answering an invalid line (true for sockets). */
  closeOnInvalid?: boolean;
  /** Called once the underlying streams should be torn down (e.g. `socket.destroy()`). */
  destroy?: () => void;
  /** Server side: checks each message before delivery (inbound-limits.ts); may answer it instead. */
  inbound?: (message: JSONRPCMessage, lineBytes: number) => { deliver: JSONRPCMessage } | { answer: JSONRPCMessage };
}

/** Newline-delimited JSON-RPC transport over a readable and a writable stream. */
export class LineTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private readonly maxLineBytes: number;
  private readonly closeOnInvalid: boolean;
  private readonly splitter: LineSplitter;
  private started = false;
  private closed = false;

  constructor(
    private readonly input: Readable,
    private readonly output: Writable,
    private readonly options: LineTransportOptions = {},
  ) {
    this.maxLineBytes = options.maxLineBytes ?? defaultMaxLineBytes;
    this.closeOnInvalid = options.closeOnInvalid ?? false;
    this.splitter = new LineSplitter(this.maxLineBytes);
  }

  /** Starts reading. */
  async start(): Promise<void> {
    if (this.started) throw new Error('LineTransport already started');
    this.started = true;
    this.input.on('data', this.onData);
    this.input.on('end', this.onEnd);
    this.input.on('close', this.onEnd);
    this.input.on('error', this.onStreamError);
    this.output.on('error', this.onStreamError);
    // Sockets arrive paused (the server waits for the session before reading).
    this.input.resume();
  }

  /** Writes one message as a line; resolves when the stream accepted it. */
  send(message: JSONRPCMessage): Promise<void> {
    if (this.closed) return Promise.reject(new Error('connection closed'));
    return new Promise((resolve, reject) => {
      this.output.write(`${JSON.stringify(message)}\n`, (error) => (error ? reject(error) : resolve()));
    });
  }

  /** Closes the connection (idempotent). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.input.off('data', this.onData);
    this.input.off('end', this.onEnd);
    this.input.off('close', this.onEnd);
    this.splitter.reset();
    this.options.destroy?.();
    this.onclose?.();
  }

  private readonly onData = (chunk: Buffer | string): void => {
    if (this.closed) return;
    const fits = this.splitter.push(chunk, (line, bytes) => {
      this.handleLine(line, bytes);
      return !this.closed;
    });
    if (!fits && !this.closed) this.tooLong();
  };

  private handleLine(line: string, lineBytes: number): void {
    if (line.trim() === '') return;
    let message: JSONRPCMessage;
    try {
      message = JSONRPCMessageSchema.parse(JSON.parse(line));
    } catch {
      this.onerror?.(new Error('received a line that is not a JSON-RPC message'));
      // A parse error has no request id to answer; MCP's schema leaves `id` out (JSON-RPC's `null` is
      // not an MCP RequestId), so the line stays a valid MCP message.
      this.output.write(`${JSON.stringify({ jsonrpc: '2.0', error: { code: -32700, message: 'Parse error: expected one JSON-RPC message per line' } })}\n`);
      if (this.closeOnInvalid) void this.close();
      return;
    }
    const decision = this.options.inbound?.(message, lineBytes) ?? { deliver: message };
    if ('answer' in decision) {
      void this.send(decision.answer).catch(() => undefined);
      return;
    }
    this.onmessage?.(decision.deliver);
  }

  private tooLong(): void {
    this.onerror?.(new Error(`received a line longer than ${this.maxLineBytes} bytes; closing the connection`));
    void this.close();
  }

  private readonly onEnd = (): void => {
    void this.close();
  };

  private readonly onStreamError = (error: Error): void => {
    this.onerror?.(error);
    void this.close();
  };
}
