/** Spawning `nevent-companion` for the e2e tests and reading the lines it prints when ready. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The repository root. */
export const repoRoot = join(import.meta.dirname, '..', '..', '..');

/** A started CLI process and the values read from its output. */
export interface Started {
  child: ChildProcess;
  values: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Spawns `node bin/nevent-companion.mjs <args>` and waits until every pattern matched a stdout line
 * (capture group 1 is kept under the pattern's key). Fails with the output after `timeoutMs`.
 */
export function startCli(args: string[], patterns: Record<string, RegExp>, timeoutMs = 30_000, env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/nevent-companion.mjs'), ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const values: Record<string, string> = {};
  let output = '';
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise<Started>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`nevent-companion ${args.join(' ')} did not get ready in ${timeoutMs} ms. Output:\n${output}`));
    }, timeoutMs);
    const check = (): void => {
      for (const [key, pattern] of Object.entries(patterns)) {
        if (values[key] !== undefined) continue;
        const m = pattern.exec(output);
        if (m?.[1] !== undefined) values[key] = m[1];
      }
      if (Object.keys(patterns).every((k) => values[k] !== undefined)) {
        clearTimeout(timer);
        resolve({ child, values, stop });
      }
    };
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      check();
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (process.env.E2E_VERBOSE) process.stderr.write(chunk);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`nevent-companion ${args.join(' ')} exited with ${code}. Output:\n${output}`));
    });
  });
}

/** A fresh private directory (for the MCP socket and config files). */
export function privateTempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Starts `serve --demo` with a socket in a fresh directory and an isolated config home. */
export async function startServe(extraArgs: string[] = []): Promise<{ uiUrl: string; origin: string; token: string; socketPath: string; pid: number; stop(): Promise<void> }> {
  const dir = privateTempDir('nevent-e2e-');
  const socketPath = join(dir.path, 'mcp.sock');
  const started = await startCli(['serve', '--demo', '--port', '0', '--socket', socketPath, ...extraArgs], { ui: /^ui: (\S+)$/m, socket: /^mcp socket: (\S+)$/m }, 60_000, {
    // Never touch the real user's config or keychain from a test.
    XDG_CONFIG_HOME: join(dir.path, 'config'),
    HOME: join(dir.path, 'home'),
    // Nor their screen: with no display, "Install the extension" says where the file is instead of opening it.
    DISPLAY: '',
    WAYLAND_DISPLAY: '',
  });
  const url = new URL(started.values.ui as string);
  return {
    uiUrl: url.href,
    origin: url.origin,
    token: url.searchParams.get('token') ?? '',
    socketPath: started.values.socket as string,
    pid: started.child.pid as number,
    stop: async () => {
      await started.stop();
      dir.remove();
    },
  };
}
