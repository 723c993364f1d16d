/** Starts the built app under the boot harness (boot-harness.ts) and drives it from a test. */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { HarnessCommand, HarnessConfig, HarnessSnapshot } from './boot-harness';
import { repoRoot } from './built-app';

const harnessFile = join(repoRoot, 'test-results', 'shell-proofs', `boot-harness-${process.pid}.mjs`);
let harnessBuilt: Promise<void> | null = null;

function buildHarness(): Promise<void> {
  mkdirSync(join(repoRoot, 'test-results', 'shell-proofs'), { recursive: true });
  harnessBuilt ??= build({ entryPoints: [join(import.meta.dirname, 'boot-harness.ts')], outfile: harnessFile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' }).then(() => undefined);
  return harnessBuilt;
}

/** How the app ended. */
export interface BootExit {
  code: number;
  snapshot: HarnessSnapshot;
}

/** The built app, running in its harness. */
export interface BootedApp {
  send<T = unknown>(command: HarnessCommand): Promise<T>;
  snapshot(): Promise<HarnessSnapshot>;
  /** Resolves when the app exits (through the stand-in's quit or exit). */
  exited: Promise<BootExit>;
  /** What the app wrote to stderr (its log). */
  stderr(): string;
  /** Ends the harness if the test has not (cleanup only). */
  kill(): void;
}

/** Forks the harness with `config` and `env`, and waits for the bundle to be imported. */
export async function bootBuiltApp(config: HarnessConfig, env: NodeJS.ProcessEnv): Promise<BootedApp> {
  await buildHarness();
  const child: ChildProcess = fork(harnessFile, [JSON.stringify(config)], { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv: [] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdout?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let resolveExit: (exit: BootExit) => void = () => undefined;
  let rejectExit: (error: Error) => void = () => undefined;
  const exited = new Promise<BootExit>((resolve, reject) => {
    resolveExit = resolve;
    rejectExit = reject;
  });
  exited.catch(() => undefined);
  let loaded: (error?: Error) => void = () => undefined;
  const isLoaded = new Promise<void>((resolve, reject) => (loaded = (error) => (error === undefined ? resolve() : reject(error))));

  child.on('message', (message: { type: string; id?: number; ok?: boolean; value?: unknown; error?: string; code?: number; snapshot?: HarnessSnapshot }) => {
    switch (message.type) {
      case 'loaded':
        loaded();
        return;
      case 'load-failed':
        loaded(new Error(`the built main bundle did not load: ${message.error}\n${stderr}`));
        return;
      case 'answer': {
        const waiter = pending.get(message.id ?? -1);
        pending.delete(message.id ?? -1);
        if (message.ok === true) waiter?.resolve(message.value);
        else waiter?.reject(new Error(message.error));
        return;
      }
      case 'exit':
        resolveExit({ code: message.code ?? -1, snapshot: message.snapshot as HarnessSnapshot });
        return;
      default:
    }
  });
  child.on('exit', (code, signal) => {
    const error = new Error(`the harness ended (code ${code}, signal ${signal})\n${stderr}`);
    loaded(error);
    rejectExit(error);
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  });
  await isLoaded;

  const send = <T,>(command: HarnessCommand): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, command });
    });
  return {
    send,
    snapshot: () => send<HarnessSnapshot>({ type: 'snapshot' }),
    exited,
    stderr: () => stderr,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
