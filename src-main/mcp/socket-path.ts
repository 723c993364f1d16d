/**
 * Where the app's MCP socket lives, and the checks that keep other local users out of it — run by the
 * server before it listens and by `mcp --attach` before it connects (one rule, both sides):
 *
 *   unix:    $XDG_RUNTIME_DIR/nevent-companion/mcp.sock               (when XDG_RUNTIME_DIR is set)
 *            ~/.local/state/nevent-companion/mcp.sock                  (Linux and others, otherwise)
 *            ~/Library/Caches/nevent-companion/mcp.sock                (macOS, otherwise)
 *            <tmpdir>/nevent-companion-<uid>/mcp.sock                  (only when the above is too long)
 *   windows: \\.\pipe\nevent-companion-<user>-<random>, new every launch, published for `mcp --attach`
 *            in a file only this user can read (pipe-rendezvous.ts)
 *
 * A shared /tmp is never the default: another user could create the directory first, which both stops
 * the app from listening and lets a squatter answer `mcp --attach`. The home folder is ours alone.
 *
 * The directory must be a real directory (not a symlink) owned by us with mode 0700; the socket gets
 * 0600 and is ours; every folder above must be owned by us or root and writable by nobody else unless
 * sticky (so nobody can swap the directory between the check and the connect). A leftover socket is
 * replaced only when it is ours and nobody answers on it.
 */
import { chmodSync, lstatSync, mkdirSync, realpathSync, unlinkSync, type Stats } from 'node:fs';
import { connect } from 'node:net';
import { homedir, tmpdir, userInfo } from 'node:os';
import { dirname, join, parse, sep } from 'node:path';
import { pipeRendezvousFile, readPublishedPipeName } from './pipe-rendezvous';

/** What the default path depends on (injected for tests). */
export interface SocketPathEnv {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  uid?: number;
  username?: string;
  home?: string;
  tmp?: string;
}

// sockaddr_un.sun_path is 108 bytes on Linux, 104 on macOS; stay under the smaller.
const maxUnixPathBytes = 103;

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
  const home = options.home ?? (env.HOME !== undefined && env.HOME.startsWith('/') ? env.HOME : homedir());
  const inHome = platform === 'darwin' ? join(home, 'Library', 'Caches', 'nevent-companion', 'mcp.sock') : join(home, '.local', 'state', 'nevent-companion', 'mcp.sock');
  if (home.startsWith('/') && Buffer.byteLength(inHome) <= maxUnixPathBytes) return inHome;
  const uid = options.uid ?? process.getuid?.() ?? 0;
  return join(options.tmp ?? tmpdir(), `nevent-companion-${uid}`, 'mcp.sock');
}

/**
 * The socket `mcp --attach` connects to when no --socket is given: the default path on unix; on Windows
 * the pipe the running app published (pipe-rendezvous.ts), never a fixed, squattable name; null when none.
 */
export function attachSocketPath(options: SocketPathEnv = {}): string | null {
  const platform = options.platform ?? process.platform;
  if (platform !== 'win32') return defaultSocketPath(options);
  return readPublishedPipeName(pipeRendezvousFile(options.env ?? process.env, options.home ?? homedir()));
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

const currentUid = (): number | undefined => process.getuid?.();

/**
 * Every folder above `dir` (resolved, since /tmp or /var may be symlinks) is owned by us or root and
 * writable by nobody else unless sticky. Throws SocketPathError otherwise.
 */
export function checkSocketAncestors(dir: string): void {
  const uid = currentUid();
  if (uid === undefined) return;
  let real: string;
  try {
    real = realpathSync(dirname(dir));
  } catch (error) {
    throw new SocketPathError(`Cannot use ${dirname(dir)} for the MCP socket: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`);
  }
  const { root } = parse(real);
  const parts = real.slice(root.length).split(sep).filter((part) => part !== '');
  let current = root;
  for (const part of ['', ...parts]) {
    current = part === '' ? current : join(current, part);
    const stat = lstatSync(current);
    const sticky = (stat.mode & 0o1000) !== 0;
    if (stat.uid !== uid && stat.uid !== 0) throw new SocketPathError(`${current} belongs to another user (uid ${stat.uid}); refusing to use an MCP socket below it. Pass a --socket path in a folder of your own.`);
    const othersWrite = (stat.mode & 0o002) !== 0 || (stat.uid !== uid && (stat.mode & 0o020) !== 0);
    if (othersWrite && !sticky) throw new SocketPathError(`${current} is writable by other users; refusing to use an MCP socket below it. Pass a --socket path in a folder of your own.`);
  }
}

/** The socket's directory: a directory, not a symlink, owned by us, no access for group or others. */
export function checkSocketDir(dir: string, stat: Stats = lstatSync(dir)): void {
  if (!stat.isDirectory()) throw new SocketPathError(`${dir} is not a directory (or is a symlink); refusing to use it for the MCP socket.`);
  const uid = currentUid();
  if (uid !== undefined && stat.uid !== uid) throw new SocketPathError(`${dir} belongs to another user (uid ${stat.uid}); refusing to use it for the MCP socket.`);
  if ((stat.mode & 0o077) !== 0) {
    throw new SocketPathError(`${dir} is accessible to other users (mode ${(stat.mode & 0o777).toString(8)}); refusing to use it for the MCP socket. Run \`chmod 700 ${dir}\` or remove it.`);
  }
}

/**
 * Creates the socket's directory (0700, and the folders above it as needed) or checks an existing one
 * (see checkSocketDir and checkSocketAncestors). Throws SocketPathError otherwise.
 */
export function prepareSocketDir(socketPath: string): void {
  if (Buffer.byteLength(socketPath) > maxUnixPathBytes) {
    throw new SocketPathError(`The socket path ${socketPath} is too long for a unix socket (max ${maxUnixPathBytes} bytes); pass a shorter --socket.`);
  }
  const dir = dirname(socketPath);
  let created = false;
  try {
    mkdirSync(dirname(dir), { recursive: true, mode: 0o700 });
    mkdirSync(dir, { mode: 0o700 });
    created = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new SocketPathError(`Cannot create the socket directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`);
    }
  }
  // mkdir's mode is filtered by the umask; set it exactly.
  if (created) chmodSync(dir, 0o700);
  checkSocketAncestors(dir);
  checkSocketDir(dir);
}

/** What the client found at the socket path before connecting. */
export type SocketCheck = { kind: 'missing' } | { kind: 'ok'; dev: number; ino: number };

/**
 * The client side of the same rule (`mcp --attach`): before connecting, the folders above, the directory
 * and the socket itself must pass the checks the server made (the socket: a socket, not a symlink, ours,
 * no access for group or others). `missing` when nothing is there; SocketPathError when it is unsafe.
 */
export function checkSocketToConnect(socketPath: string): SocketCheck {
  if (isNamedPipe(socketPath)) return { kind: 'ok', dev: 0, ino: 0 };
  const dir = dirname(socketPath);
  let dirStat: Stats;
  try {
    dirStat = lstatSync(dir);
  } catch {
    return { kind: 'missing' };
  }
  checkSocketAncestors(dir);
  checkSocketDir(dir, dirStat);
  let stat: Stats;
  try {
    stat = lstatSync(socketPath);
  } catch {
    return { kind: 'missing' };
  }
  if (!stat.isSocket()) throw new SocketPathError(`${socketPath} is not a socket (or is a symlink); refusing to connect to it.`);
  const uid = currentUid();
  if (uid !== undefined && stat.uid !== uid) throw new SocketPathError(`${socketPath} belongs to another user (uid ${stat.uid}); refusing to connect: it is not Nevent Companion's.`);
  if ((stat.mode & 0o077) !== 0) throw new SocketPathError(`${socketPath} is accessible to other users (mode ${(stat.mode & 0o777).toString(8)}); refusing to connect: Nevent Companion never leaves its socket open.`);
  return { kind: 'ok', dev: stat.dev, ino: stat.ino };
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
