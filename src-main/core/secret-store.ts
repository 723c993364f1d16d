/**
 * Where refresh and access tokens live between runs: the OS keychain behind a small
 * interface, an in-memory store when no secret service exists, and never a plain-text file. Every call
 * is bounded by a timeout so a stuck secret service cannot hang the app (`keychain_timeout`).
 */
import { CoreError } from './tenant-session';

/** Which kind of store holds the secrets; `memory` means the sign-in will not be remembered. */
export type SecretStoreKind = 'keychain' | 'memory';

/** A secret store keyed by service and account (keytar's model). */
export interface SecretStore {
  readonly kind: SecretStoreKind;
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, secret: string): Promise<void>;
  /** Resolves to true when an entry was removed. */
  delete(service: string, account: string): Promise<boolean>;
}

/** Default bound of one keychain call. */
export const DEFAULT_KEYCHAIN_TIMEOUT_MS = 5000;

/** What a locked keychain means for the person, in the words every surface uses. */
export const lockedMessage = 'the OS keychain is locked, so Nevent Companion cannot read or save its sign-in there; unlock it (sign in to your desktop session, or unlock the "login" keyring) and try again';

/** The warning shown whenever secrets fall back to memory. */
export const NOT_REMEMBERED_WARNING = 'sign-in will not be remembered';

/** The keychain service name for an API URL: one entry per API and account (email). */
export function keychainServiceFor(apiUrl: string): string {
  return `nevent-companion:${apiUrl.replace(/\/+$/, '')}`;
}

/** Secrets kept in this process only: used when no secret service exists, and as a test fake. */
export class MemorySecretStore implements SecretStore {
  readonly kind: SecretStoreKind = 'memory';
  private readonly entries = new Map<string, string>();

  private key(service: string, account: string): string {
    return JSON.stringify([service, account]);
  }

  async get(service: string, account: string): Promise<string | null> {
    return this.entries.get(this.key(service, account)) ?? null;
  }

  async set(service: string, account: string, secret: string): Promise<void> {
    this.entries.set(this.key(service, account), secret);
  }

  async delete(service: string, account: string): Promise<boolean> {
    return this.entries.delete(this.key(service, account));
  }
}

const operationWords: Record<string, string> = { read: 'read the saved sign-in', write: 'save the sign-in', delete: 'remove the saved sign-in' };

/**
 * A secret service's own failure in words a person can act on: what it means, then what to do, with
 * the service's message last as a detail (it names the service, never a secret: we pass none to it).
 */
export function keychainFailureText(operation: string, raw: string): string {
  const detail = raw.trim().slice(0, 160);
  const what = operationWords[operation] ?? operation;
  const noBus = /autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|org\.freedesktop\.DBus\.Error\.(ServiceUnknown|NoReply|Spawn)|Could not connect|secret service|org\.freedesktop\.secrets|No such interface/i.test(detail);
  const reason = noBus
    ? `no OS keychain is running in this session (on Linux a secret service such as GNOME Keyring or KWallet, reached over D-Bus), so Nevent Companion could not ${what}; run it from your desktop session, or start one (e.g. \`dbus-run-session\` with \`gnome-keyring-daemon --unlock\`) and sign in again`
    : `the OS keychain refused to ${what}; check that it is unlocked and working, then sign in again`;
  return detail === '' ? reason : `${reason} (the keychain said: ${detail})`;
}

function bounded<T>(operation: string, timeoutMs: number, work: () => Promise<T>, onTimeout: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new CoreError('keychain_timeout', `the OS keychain did not answer within ${timeoutMs} ms (${operation})`));
      onTimeout();
    }, timeoutMs);
    timer.unref?.();
    work().then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        // The store's own message may name the secret service but never a secret: we pass none to it in errors.
        if (error instanceof CoreError && error.code === 'keychain_locked') reject(new CoreError('keychain_locked', `${lockedMessage} (${operation})`));
        else reject(error instanceof CoreError ? error : new CoreError('keychain_unavailable', keychainFailureText(operation, error instanceof Error ? error.message : '')));
      },
    );
  });
}

/**
 * Wraps a store so every call ends within `timeoutMs` and fails with a keychain CoreError. `onTimeout`
 * runs when a deadline passes: the process keychain kills its child there, so the stuck call is not
 * merely stopped being waited for but ended.
 */
export function withTimeouts(store: SecretStore, timeoutMs: number = DEFAULT_KEYCHAIN_TIMEOUT_MS, onTimeout: () => void = () => undefined): SecretStore {
  return {
    kind: store.kind,
    get: (service, account) => bounded('read', timeoutMs, () => store.get(service, account), onTimeout),
    set: (service, account, secret) => bounded('write', timeoutMs, () => store.set(service, account, secret), onTimeout),
    delete: (service, account) => bounded('delete', timeoutMs, () => store.delete(service, account), onTimeout),
  };
}
