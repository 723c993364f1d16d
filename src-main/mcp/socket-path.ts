/**
 * Where the app's MCP socket lives, and the checks that keep other local users out of it:
 *
 *   unix:    $XDG_RUNTIME_DIR/nevent-companion/mcp.sock     (when XDG_RUNTIME_DIR is set)
 *            <tmpdir>/nevent-companion-<uid>/mcp.sock       (otherwise; macOS tmpdir is per user)
 *   windows: \\.\pipe\nevent-companion-<user>-mcp
 *
 * The directory must be a real directory (not a symlink) owned by us with mode 0700; the socket gets
 * 0600. A leftover socket is replaced only when it is ours and nobody answers on it.
 */
import { chmodSync, lstatSync, mkdirSync, unlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';

/** What the default path depends on (injected for tests). */
export interface SocketPathEnv {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  uid?: number;
  username?: string;
  tmp?: string;
}

/** The per-user default socket (or pipe) path. */
export function defaultSocketPath(options: SocketPathEnv = {}): string {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  if (platform === 'win32') {
    const user = (options.username ?? userInfo().username).replace(/[^A-Za-z0-9_.-]/g, '_');
    return `\\\\.\\pipe\\nevent-companion-${user}-mcp`;
  }
  const runtime = env.XDG_RUNTIME_DIR;
  if (runtime !== undefined && runtime.startsWith('/')) return join(runtime, 'nevent-companion', 'mcp.sock');
  const uid = options.uid ?? process.getuid?.() ?? 0;
  return join(options.tmp ?? tmpdir(), `nevent-companion-${uid}`, 'mcp.sock');
}

/** True for a Windows named-pipe path. */
export function isNamedPipe(path: string): boolean {
  return /^\\\\[.?]\\pipe\\/.test(path);
}

/** A socket setup problem the user must fix; the message says how. */
export class SocketPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SocketPathError';
  }
}

// sockaddr_un.sun_path is 108 bytes on Linux, 104 on macOS; stay under the smaller.
const maxUnixPathBytes = 103;

/**
 * Creates the socket's directory (0700) or checks an existing one: a directory, not a symlink, owned by
 * the current user, no access for group or others. Throws SocketPathError otherwise.
 */
export function prepareSocketDir(socketPath: string): void {
  if (Buffer.byteLength(socketPath) > maxUnixPathBytes) {
    throw new SocketPathError(`The socket path ${socketPath} is too long for a unix socket (max ${maxUnixPathBytes} bytes); pass a shorter --socket.`);
  }
  const dir = dirname(socketPath);
  let created = false;
  try {
    mkdirSync(dir, { mode: 0o700 });
    created = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new SocketPathError(`Cannot create the socket directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`);
    }
  }
  // mkdir's mode is filtered by the umask; set it exactly.
  if (created) chmodSync(dir, 0o700);
  const stat = lstatSync(dir);
  if (!stat.isDirectory()) throw new SocketPathError(`${dir} is not a directory (or is a symlink); refusing to put the MCP socket there.`);
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) throw new SocketPathError(`${dir} belongs to another user (uid ${stat.uid}); refusing to put the MCP socket there.`);
  if ((stat.mode & 0o077) !== 0) {
    throw new SocketPathError(`${dir} is accessible to other users (mode ${(stat.mode & 0o777).toString(8)}); refusing to start. Run \`chmod 700 ${dir}\` or remove it.`);
  }
}

/** Resolves true when something accepts a connection on `path`. */
export function isSocketAnswering(path: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(true); // it exists and holds the connection open: treat it as alive
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

/**
 * Removes a leftover socket at `path` when it is ours and dead. Throws SocketPathError when the path is
 * something else, belongs to someone else, or a live server answers there.
 */
export async function removeStaleSocket(path: string): Promise<void> {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return; // nothing there
  }
  if (!stat.isSocket()) throw new SocketPathError(`${path} exists and is not a socket; refusing to replace it.`);
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) throw new SocketPathError(`${path} belongs to another user; refusing to replace it.`);
  if (await isSocketAnswering(path)) {
    throw new SocketPathError(`Another Nevent Companion is already serving MCP on ${path}. Quit it first, or pass a different --socket.`);
  }
  unlinkSync(path);
}
