/** An MCP client transport over the app's unix socket (newline-delimited JSON-RPC, as on stdio). */
import { createConnection, type Socket } from 'node:net';
import { ReadBuffer, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** Connects an MCP SDK `Client` to `socketPath`. */
export class SocketClientTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private socket: Socket | null = null;
  private readonly buffer = new ReadBuffer();

  constructor(private readonly socketPath: string) {}

  /** Opens the connection. */
  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = createConnection(this.socketPath);
      this.socket = socket;
      socket.once('connect', () => resolve());
      socket.once('error', reject);
      socket.on('data', (chunk: Buffer) => {
        this.buffer.append(chunk);
        for (;;) {
          const message = this.buffer.readMessage();
          if (message === null) break;
          this.onmessage?.(message);
        }
      });
      socket.on('error', (error) => this.onerror?.(error));
      socket.on('close', () => this.onclose?.());
    });
  }

  /** Sends one message. */
  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve, reject) => {
      if (!this.socket) return reject(new Error('not connected'));
      this.socket.write(serializeMessage(message), (error) => (error ? reject(error) : resolve()));
    });
  }

  /** Closes the connection. */
  async close(): Promise<void> {
    this.socket?.end();
    this.socket = null;
  }
}
