/** Spawns `nevent-companion serve` (the built CLI) and reads its two stdout lines. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');

/** The environment without the desktop session's display, so nothing a test asks `serve` to open shows up on screen. */
export function withoutDisplay(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...rest } = env;
  return rest;
}

/** A running `serve`. */
export interface ServeProcess {
  child: ChildProcess;
  uiUrl: string;
  port: number;
  token: string;
  socketPath: string;
  home: string;
  stderr(): string;
  /** Sends a signal and resolves with the exit code (bounded). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  cleanup(): void;
}

/** Starts `serve --demo` with a private HOME, config folder and socket path (in the checkout, unless `cwd` says otherwise). */
export async function startServe(args: string[] = ['--demo'], options: { cwd?: string; socketPath?: string } = {}): Promise<ServeProcess> {
  const home = mkdtempSync(join(tmpdir(), 'nc-serve-'));
  const socketPath = options.socketPath ?? join(home, 'sock', 'mcp.sock');
  const child = spawn(process.execPath, [join(root, 'bin', 'nevent-companion.mjs'), 'serve', ...args, '--socket', socketPath], {
    cwd: options.cwd ?? root,
    // No display: "Install the extension" must never open a real application on the machine running the tests.
    env: { ...withoutDisplay(process.env), HOME: home, XDG_CONFIG_HOME: join(home, '.config'), NEVENT_COMPANION_CONFIG_DIR: join(home, 'config'), NEVENT_OPERATION_MODE: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const lines = await new Promise<string[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in time; stderr: ${stderr}`)), 20_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const got = stdout.split('\n').filter((line) => line !== '');
      if (got.length >= 2) {
        clearTimeout(timer);
        resolve(got);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}; stderr: ${stderr}`));
    });
  });
  const uiUrl = (lines[0] ?? '').replace(/^ui: /, '');
  const url = new URL(uiUrl);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    uiUrl,
    port: Number(url.port),
    token: url.searchParams.get('token') ?? '',
    socketPath: (lines[1] ?? '').replace(/^mcp socket: /, ''),
    home,
    stderr: () => stderr,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.pid !== undefined) child.kill(signal);
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000));
      const result = await Promise.race([exited, timeout]);
      if (result === 'timeout') {
        child.kill('SIGKILL');
        throw new Error('serve did not stop within 10 s');
      }
      return result;
    },
    cleanup: () => rmSync(home, { recursive: true, force: true }),
  };
}
