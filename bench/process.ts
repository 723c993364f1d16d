/** Child processes for the benchmarks: spawn, wait for a line, read RSS, stop. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { repoRoot } from './mcp-clients';

/** A started child and the first match of its ready pattern. */
export interface StartedProcess {
  child: ChildProcess;
  match: RegExpExecArray;
  /** Resident set size in bytes (Linux /proc). */
  rss(): number;
  stop(): Promise<void>;
}

/** Spawns `command args`, resolves when stdout matches `ready` (bounded by `timeoutMs`). */
export function startProcess(command: string, args: string[], ready: RegExp, env: Record<string, string> = {}, timeoutMs = 60_000): Promise<StartedProcess> {
  const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  // However the run ends (a crash included), no server is left behind.
  const reap = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', reap);
  child.once('exit', () => process.off('exit', reap));
  let output = '';
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${args.join(' ')} not ready after ${timeoutMs} ms:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const onExit = (code: number | null): void => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code}:\n${output.slice(-2000)}`));
    };
    child.once('exit', onExit);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (process.env.NEVENT_BENCH_VERBOSE) process.stderr.write(chunk);
    });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = ready.exec(output);
      if (match === null) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      child.stdout?.removeAllListeners('data');
      child.stdout?.resume();
      resolve({ child, match, rss: () => rssOf(child.pid ?? 0), stop });
    });
  });
}

/** VmRSS of `pid` in bytes (0 when unknown). */
export function rssOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? 0 : Number(kb) * 1024;
  } catch {
    return 0;
  }
}
