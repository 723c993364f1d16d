/**
 * The one way `mcp --attach` starts, shared by the CLI (`nevent-companion mcp --attach [--socket PATH]`)
 * and the MCP Bundle's entry (mcpb-entry.ts): which socket to try, then the relay on this process's stdio.
 *
 * An empty `--socket` means the default: a bundle's optional socket setting left blank arrives as
 * `--socket=`, and an empty path must never become "a socket in the current folder".
 */
import { runAttach } from './attach-client';
import { attachSocketPath } from './socket-path';

/** The streams and environment the relay runs on. */
export interface AttachIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/** The socket `--socket` names, or undefined for the per-user default (also when it is blank). */
function explicitSocket(flag: string | undefined): string | undefined {
  return flag === undefined || flag.trim() === '' ? undefined : flag;
}

/** Relays stdio to the app's socket (`--socket`, else the default) until the AI client hangs up. */
export function runAttachCommand(socketFlag: string | undefined, io: AttachIo, version: string): Promise<number> {
  const explicit = explicitSocket(socketFlag);
  return runAttach({
    socketPath: explicit ?? (() => attachSocketPath({ env: io.env })),
    stdin: io.stdin as NodeJS.ReadStream,
    stdout: io.stdout as NodeJS.WriteStream,
    stderr: io.stderr as NodeJS.WriteStream,
    version,
  });
}
