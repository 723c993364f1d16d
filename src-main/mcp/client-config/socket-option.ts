/**
 * Whether an entry must name the socket: `serve --socket P` (or a different XDG_RUNTIME_DIR between the
 * shell and the AI client) would otherwise leave the client running a plain `mcp --attach` that reaches
 * nothing. The entry passes `--socket` (absolute) whenever the socket is not the per-user default.
 */
import { resolve } from 'node:path';
import { defaultSocketPath, isNamedPipe } from '../socket-path';
import type { EntryOptions } from './entry';

/** The entry options for the socket in use (undefined: the default one). */
export function entryOptionsFor(socketPath: string | undefined, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): EntryOptions {
  if (socketPath === undefined) return {};
  const absolute = isNamedPipe(socketPath) ? socketPath : resolve(socketPath);
  return absolute === defaultSocketPath({ env, platform }) ? {} : { socketPath: absolute };
}
