/**
 * The OS keychain through keytar (an optional native dependency): macOS Keychain, Windows Credential
 * Manager, the Secret Service (gnome-keyring, KWallet) on Linux. The app and the CLI reach it through a
 * child process (process-keychain.ts), so a hanging secret service can be abandoned and never keeps a
 * command or the app from exiting; where keytar is missing, `openSecretStore` falls back to memory with
 * a warning. `KeytarSecretStore` (keytar in this process) remains for tests and in-process fakes.
 */
import { resolveKeytarPath } from './keychain-module';
import { ProcessKeychain } from './process-keychain';
import { MemorySecretStore, NOT_REMEMBERED_WARNING, withTimeouts, DEFAULT_KEYCHAIN_TIMEOUT_MS, type SecretStore, type SecretStoreKind } from './secret-store';
import { CoreError } from './tenant-session';

/** The part of keytar's API the store uses. */
export interface KeytarModule {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** Loads keytar; resolves to null when it is not installed or its native part does not load. */
export async function loadKeytar(): Promise<KeytarModule | null> {
  try {
    const loaded = (await import('keytar')) as unknown as { default?: KeytarModule } & Partial<KeytarModule>;
    const module = loaded.default ?? (loaded as KeytarModule);
    return typeof module.getPassword === 'function' ? module : null;
  } catch {
    return null;
  }
}

/** A SecretStore over keytar. */
export class KeytarSecretStore implements SecretStore {
  readonly kind: SecretStoreKind = 'keychain';

  constructor(private readonly keytar: KeytarModule) {}

  get(service: string, account: string): Promise<string | null> {
    return this.keytar.getPassword(service, account);
  }

  set(service: string, account: string, secret: string): Promise<void> {
    return this.keytar.setPassword(service, account, secret);
  }

  delete(service: string, account: string): Promise<boolean> {
    return this.keytar.deletePassword(service, account);
  }
}

/** The store the app uses, and the warning to show when it is not the OS keychain. */
export interface OpenedSecretStore {
  store: SecretStore;
  /** Null when secrets are remembered; otherwise says plainly why they are not. */
  warning: string | null;
}

/** Options of `openSecretStore`. */
export interface OpenSecretStoreOptions {
  timeoutMs?: number;
  /** Tests: keytar (or a fake) in this process instead of the child-process keychain. */
  loadKeytar?: () => Promise<KeytarModule | null>;
  /** keytar's module for the child process (default: resolved from this package; null: not installed). */
  keytarPath?: string | null;
}


const PROBE_SERVICE = 'nevent-companion:probe';

/**
 * Opens the OS keychain and checks it answers (a read of a probe entry). With no keytar, no secret
 * service, or one that does not answer in time, returns an in-memory store and a warning — never a file.
 */
export async function openSecretStore(options: OpenSecretStoreOptions = {}): Promise<OpenedSecretStore> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_KEYCHAIN_TIMEOUT_MS;
  const memory = (reason: string): OpenedSecretStore => ({ store: new MemorySecretStore(), warning: `${reason}: ${NOT_REMEMBERED_WARNING} after this run` });
  const notInstalled = 'the OS keychain module (keytar) is not available';
  let store: SecretStore;
  if (options.loadKeytar !== undefined) {
    const keytar = await options.loadKeytar();
    if (keytar === null) return memory(notInstalled);
    store = withTimeouts(new KeytarSecretStore(keytar), timeoutMs);
  } else {
    const keytarPath = options.keytarPath === undefined ? resolveKeytarPath() : options.keytarPath;
    if (keytarPath === null) return memory(notInstalled);
    const keychain = new ProcessKeychain({ keytarPath, helper: { lockCheck: process.platform === 'linux', probeService: PROBE_SERVICE } });
    store = withTimeouts(keychain, timeoutMs, () => keychain.abandon());
  }
  try {
    await store.get(PROBE_SERVICE, 'probe');
  } catch (error) {
    if (error instanceof CoreError && /module \(keytar\) could not be loaded/.test(error.message)) return memory(notInstalled);
    // Our keychain errors already say what happened and what to do (secret-store.ts keychainFailureText).
    if (error instanceof CoreError && error.code.startsWith('keychain_')) return memory(error.message);
    const detail = error instanceof Error ? ` (${error.message})` : '';
    return memory(`no OS keychain (secret service) is available${detail}`);
  }
  return { store, warning: null };
}
