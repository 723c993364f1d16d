/**
 * `nevent-companion mcp --attach`: a byte pipe between this process's stdio (the AI client) and the
 * running app's MCP socket. The app does the MCP work; this process only copies lines both ways, so
 * the AI client talks to the app's core with its own session.
 */
import { connect } from 'node:net';
import type { Readable, Writable } from 'node:stream';

/** What the attach client needs. */
export interface AttachOptions {
  socketPath: string;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** The message when no app is listening. */
export function notRunningMessage(socketPath: string): string {
  return `Nevent Companion is not running: start the app or \`nevent-companion serve\`, then retry (no MCP socket answers at ${socketPath}). To run without the app, use \`nevent-companion mcp\` without --attach.\n`;
}

/** Pipes stdio to the socket; resolves to the exit code (0 when the AI client hung up first). */
export function runAttach(options: AttachOptions): Promise<number> {
  const { socketPath, stdin, stdout, stderr } = options;
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    let connected = false;
    let inputEnded = false;
    let settled = false;
    const finish = (code: number): void => {
      if (settled) return;
      settled = true;
      stdin.unpipe(socket);
      stdin.pause();
      resolve(code);
    };
    socket.once('connect', () => {
      connected = true;
      stdin.pipe(socket);
      socket.pipe(stdout, { end: false });
    });
    stdin.once('end', () => {
      inputEnded = true;
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (!connected) {
        stderr.write(error.code === 'ENOENT' || error.code === 'ECONNREFUSED' ? notRunningMessage(socketPath) : `nevent-companion mcp --attach: cannot connect to ${socketPath} (${error.code ?? 'error'}).\n`);
        finish(1);
      }
    });
    socket.once('close', () => {
      if (!connected) return finish(1);
      if (inputEnded) return finish(0);
      stderr.write('nevent-companion mcp --attach: Nevent Companion closed the connection (the app quit or refused the session).\n');
      finish(1);
    });
  });
}
