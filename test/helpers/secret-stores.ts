/** SecretStore fakes: in memory, one that never answers, one that always fails. */
import { MemorySecretStore, type SecretStore, type SecretStoreKind } from '../../src-main/core/keychain/secret-store';

export { MemorySecretStore };

/** An in-memory store that claims to be the OS keychain (to test persistence paths without D-Bus). */
export class FakeKeychainStore extends MemorySecretStore {
  override readonly kind: SecretStoreKind = 'keychain';
}

/** A store whose calls never settle, like a secret service that hangs. */
export function hangingSecretStore(kind: SecretStoreKind = 'keychain'): SecretStore {
  const never = () => new Promise<never>(() => undefined);
  return { kind, get: never, set: never, delete: never };
}

/** A store whose calls always reject. */
export function failingSecretStore(kind: SecretStoreKind = 'keychain'): SecretStore {
  const fail = () => Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files'));
  return { kind, get: fail, set: fail, delete: fail };
}
