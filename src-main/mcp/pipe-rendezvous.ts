/**
 * Windows: where `mcp --attach` finds the app's named pipe. Pipe names are one machine-wide namespace
 * and Node cannot ask who owns a pipe's server (no GetNamedPipeServerProcessId binding), so a fixed
 * name could be created first by another user, who would then receive the AI's requests. Instead the
 * app listens on a fresh random name each launch (libuv creates it with FILE_FLAG_FIRST_PIPE_INSTANCE,
 * so it is never a second instance of someone else's pipe) and publishes the name in a file under
 * %LOCALAPPDATA%, which only this user (and administrators) can read:
 *
 *   app start ─> \\.\pipe\nevent-companion-<user>-<random> ─> listen ─> write %LOCALAPPDATA%\nevent-companion\mcp-pipe
 *   mcp --attach ─> read that file (every connection attempt: a restarted app has a new name) ─> connect
 *   app quit ─> file removed (when it still names our pipe)
 *
 * Written and unit-tested on Linux with the paths injected; not run on Windows here.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';

/** The file that names the running app's pipe. */
export function pipeRendezvousFile(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const localAppData = env.LOCALAPPDATA !== undefined && env.LOCALAPPDATA !== '' ? env.LOCALAPPDATA : join(home, 'AppData', 'Local');
  return join(localAppData, 'nevent-companion', 'mcp-pipe');
}

/** A fresh, unguessable pipe name for this launch. */
export function newPipeName(username: string = userInfo().username): string {
  const user = username.replace(/[^A-Za-z0-9_.-]/g, '_');
  return `\\\\.\\pipe\\nevent-companion-${user}-${randomBytes(16).toString('hex')}`;
}

const pipeNamePattern = /^\\\\\.\\pipe\\nevent-companion-[A-Za-z0-9_.-]+-[0-9a-f]{32}$/;

/** Publishes `pipe` as the running app's (atomic replace). */
export function publishPipeName(file: string, pipe: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${pipe}\n`, { mode: 0o600 });
  renameSync(temp, file);
}

/** The published pipe name, or null when no app has published one (or the file holds something else). */
export function readPublishedPipeName(file: string): string | null {
  try {
    const name = readFileSync(file, 'utf8').trim();
    return pipeNamePattern.test(name) ? name : null;
  } catch {
    return null;
  }
}

/** Removes the file when it still names `pipe` (a newer launch may have replaced it). */
export function unpublishPipeName(file: string, pipe: string): void {
  if (readPublishedPipeName(file) === pipe) rmSync(file, { force: true });
}
