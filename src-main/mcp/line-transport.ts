/**
 * An MCP transport over newline-delimited JSON on any pair of streams: a unix socket / named pipe
 * connection (both ends the same socket) or the process's stdin/stdout. The SDK's `serveStdio` runs on
 * it (era, per-connection instance); it frames with the SDK's own (de)serializer plus what a
 * long-lived server needs and the SDK's `StdioServerTransport` does not give:
 *
 * - a per-line cap: a line longer than `maxLineBytes` closes the connection, and is never buffered
 *   whole (the SDK's cap is on its whole read buffer, which it re-concatenates on every chunk);
 * - garbage handling: a line that is not JSON-RPC gets a JSON-RPC parse error (the SDK skips it
 *   silently), and with `closeOnInvalid` (sockets) the connection is closed; on stdio it is skipped;
 * - end of input closes the transport, so the server and its session end with the connection, and
 *   `onDidClose` tells the owner (the SDK's entry takes `onclose` for itself).
 */
import type { Readable, Writable } from 'node:stream';
import { deserializeMessage, serializeMessage } from '@modelcontextprotocol/server';
import type { JSONRPCMessage, Transport } from '@modelcontextprotocol/server';
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
  /** Called once, after the first valid message was delivered (the socket's handshake deadline ends there). */
  onFirstMessage?: () => void;
  /** Called once when the transport closes, whoever closed it. */
  onDidClose?: () => void;
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
  private delivered = false;

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
      this.output.write(serializeMessage(message), (error) => (error ? reject(error) : resolve()));
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
    this.options.onDidClose?.();
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
      message = deserializeMessage(line);
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
    if (!this.delivered) {
      this.delivered = true;
      this.options.onFirstMessage?.();
    }
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
