/**
 * The OS keychain, reached through a child process (keychain-helper.ts) so a secret service that hangs
 * can be abandoned: at the deadline the child is killed, the call fails with `keychain_timeout`, and
 * nothing of ours stays stuck. (In-process keytar parks the stuck D-Bus call in a libuv worker thread,
 * and Node waits for it on exit — even `process.exit` — for as long as D-Bus takes, about 25 s a call.)
 *
 *   get/set/delete ──> child (started on first use) ──> keytar ──> Secret Service / Keychain / Credential Manager
 *   deadline (withTimeouts) ──> abandon(): SIGKILL the child, fail what was pending; the next call starts a new one
 *   idle for idleMs ──> the child is let go (disconnect → it exits)
 *
 * The child never keeps this process alive: it and its channel are unref'd while nothing is pending.
 * Secrets cross only the private IPC pipe between the two processes, never argv, env, files or logs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { keychainHelperMain, type KeychainHello, type KeychainHelperOptions, type KeychainRequest, type KeychainResponse } from './keychain-helper';
import type { SecretStore, SecretStoreKind } from './secret-store';
import { CoreError } from '../common/core-error';

/** Options of the process keychain. */
export interface ProcessKeychainOptions {
  /** Absolute path of keytar's entry module (resolved by the caller, so the child needs no resolution). */
  keytarPath: string;
  helper: KeychainHelperOptions;
  /** The child is let go after this long without calls (default 10 s). */
  idleMs?: number;
}

type Pending = { resolve: (value: string | boolean | null) => void; reject: (error: Error) => void };

/** The operation names used in messages. */
const opWords = { get: 'read', set: 'write', delete: 'delete' } as const;

/** A SecretStore over keytar in a child process. */
export class ProcessKeychain implements SecretStore {
  readonly kind: SecretStoreKind = 'keychain';
  private child: ChildProcess | null = null;
  private loaded: Promise<void> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: ProcessKeychainOptions) {}

  get(service: string, account: string): Promise<string | null> {
    return this.call({ op: 'get', service, account, lockCheck: service !== this.options.helper.probeService }) as Promise<string | null>;
  }

  async set(service: string, account: string, secret: string): Promise<void> {
    await this.call({ op: 'set', service, account, secret });
  }

  async delete(service: string, account: string): Promise<boolean> {
    return (await this.call({ op: 'delete', service, account })) === true;
  }

  /** The helper's process id while one runs (diagnostics and tests). */
  get helperPid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Kills the child and fails every pending call (the deadline passed, or the app is quitting). */
  abandon(reason: CoreError = new CoreError('keychain_timeout', 'the OS keychain did not answer in time')): void {
    const child = this.child;
    this.child = null;
    this.loaded = null;
    this.clearIdle();
    if (child !== null && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    this.failPending(reason);
  }

  private async call(request: Omit<KeychainRequest, 'id'>): Promise<string | boolean | null> {
    this.clearIdle();
    const child = this.ensureChild();
    const id = this.nextId++;
    const answer = new Promise<string | boolean | null>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    // It may be failed (abandon) before it is awaited, while the helper is still starting.
    answer.catch(() => undefined);
    this.holdOpen(true);
    try {
      await this.loaded;
      if (this.child !== child) throw new CoreError('keychain_unavailable', 'the OS keychain helper stopped');
      child.send({ ...request, id } satisfies KeychainRequest);
      return await answer;
    } catch (error) {
      this.pending.delete(id);
      throw this.describe(error, request.op);
    } finally {
      if (this.pending.size === 0) {
        this.holdOpen(false);
        this.armIdle();
      }
    }
  }

  private describe(error: unknown, op: KeychainRequest['op']): Error {
    if (error instanceof CoreError) return error;
    const message = error instanceof Error ? error.message : String(error);
    return new Error(`${opWords[op]}: ${message}`);
  }

  private ensureChild(): ChildProcess {
    if (this.child !== null) return this.child;
    const source = `(${keychainHelperMain.toString()})(${JSON.stringify(this.options.keytarPath)}, ${JSON.stringify(this.options.helper)})`;
    // ELECTRON_RUN_AS_NODE: inside the app, process.execPath is Electron, which must run as plain Node here.
    const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, windowsHide: true });
    this.child = child;
    this.loaded = new Promise<void>((resolve, reject) => {
      const onHello = (message: unknown): void => {
        const hello = message as KeychainHello | KeychainResponse;
        if ('loaded' in hello) {
          if (hello.loaded) resolve();
          else reject(new CoreError('keychain_unavailable', `the OS keychain module (keytar) could not be loaded: ${hello.message}`));
          return;
        }
        this.settle(hello);
      };
      child.on('message', onHello);
      child.once('error', (error) => reject(new CoreError('keychain_unavailable', `the OS keychain helper could not start: ${error.message}`)));
      child.once('exit', (code, signal) => {
        const reason = new CoreError('keychain_unavailable', `the OS keychain helper stopped (${signal ?? `exit ${code}`})`);
        reject(reason);
        if (this.child === child) {
          this.child = null;
          this.loaded = null;
          this.clearIdle();
          this.failPending(reason);
        }
      });
    });
    this.loaded.catch(() => undefined);
    return child;
  }

  private settle(response: KeychainResponse): void {
    const pending = this.pending.get(response.id);
    if (pending === undefined) return;
    this.pending.delete(response.id);
    if (response.ok) pending.resolve(response.value);
    else if (response.locked) pending.reject(new CoreError('keychain_locked', 'the OS keychain is locked'));
    else pending.reject(new Error(response.message));
  }

  private failPending(reason: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of pending) reject(reason);
  }

  /** While a call is pending the child keeps this process alive (its answer must arrive); otherwise not. */
  private holdOpen(hold: boolean): void {
    const child = this.child;
    if (child === null) return;
    const channel = (child as ChildProcess & { channel?: { ref(): void; unref(): void } }).channel;
    if (hold) {
      child.ref();
      channel?.ref();
    } else {
      child.unref();
      channel?.unref();
    }
  }

  private armIdle(): void {
    this.clearIdle();
    this.idleTimer = setTimeout(() => {
      const child = this.child;
      if (child === null || this.pending.size > 0) return;
      this.child = null;
      this.loaded = null;
      if (child.connected) child.disconnect();
    }, this.options.idleMs ?? 10_000);
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
