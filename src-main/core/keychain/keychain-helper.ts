/**
 * The keychain helper: the code that runs in the child process `ProcessKeychain` starts, where keytar
 * (and libsecret's D-Bus calls) live. A secret service that hangs then holds a thread of that child,
 * which is killed at the deadline, instead of a libuv worker of ours that `process.exit` would wait for.
 *
 * `keychainHelperMain` is started as `node -e "(<its source>)(keytarPath, options)"`, so it must stay
 * self-contained: no imports, no closures over this module, only what the child has (`require`,
 * `process`). Typechecked and linted like any other code; the keychain tests run it for real.
 *
 *   parent ── {id, op: get|set|delete, service, account, secret?, lockCheck} ──> helper
 *   parent <── {id, ok: true, value} | {id, ok: false, locked, message} ────── helper
 *   parent <── {loaded: true} | {loaded: false, message}   (once, after requiring keytar)
 */

/** What the helper is told at start. */
export interface KeychainHelperOptions {
  /** Tell a locked keychain from a missing entry with a write probe (Linux: libsecret answers null for both). */
  lockCheck: boolean;
  /** The service of the write probe's entry (removed right after). */
  probeService: string;
}

/** A request to the helper. */
export interface KeychainRequest {
  id: number;
  op: 'get' | 'set' | 'delete';
  service: string;
  account: string;
  secret?: string;
  /** For `get`: check a null answer against a locked keychain. */
  lockCheck?: boolean;
}

/** The helper's answer to one request. */
export type KeychainResponse = { id: number; ok: true; value: string | boolean | null } | { id: number; ok: false; locked: boolean; message: string };

/** The helper's first message. */
export type KeychainHello = { loaded: true } | { loaded: false; message: string };

/** The helper's entry point (runs in the child; see the module comment). */
export function keychainHelperMain(keytarPath: string, options: KeychainHelperOptions): void {
  const send = (message: unknown): void => {
    if (process.send !== undefined && process.connected) process.send(message);
  };
  // The parent decides when we are no longer needed: it disconnects, or is gone.
  process.on('disconnect', () => process.exit(0));
  let keytar: {
    getPassword(service: string, account: string): Promise<string | null>;
    setPassword(service: string, account: string, password: string): Promise<void>;
    deletePassword(service: string, account: string): Promise<boolean>;
  };
  try {
    // `node -e` runs as CommonJS, with `require` on the global object.
    keytar = (globalThis as unknown as { require: (id: string) => typeof keytar }).require(keytarPath);
  } catch (error) {
    send({ loaded: false, message: String(error instanceof Error ? error.message : error).slice(0, 300) });
    return;
  }
  const describe = (error: unknown): string => String(error instanceof Error ? error.message : error).slice(0, 300);
  const isLocked = (message: string): boolean => /locked/i.test(message);
  process.on('message', (raw: unknown) => {
    const request = raw as KeychainRequest;
    void (async () => {
      try {
        let value: string | boolean | null = null;
        if (request.op === 'get') {
          value = await keytar.getPassword(request.service, request.account);
          if (value === null && request.lockCheck === true && options.lockCheck) {
            // A locked collection hides its items (null, like a missing entry) but refuses writes.
            try {
              await keytar.setPassword(options.probeService, 'lock-probe', 'probe');
              await keytar.deletePassword(options.probeService, 'lock-probe');
            } catch (error) {
              const message = describe(error);
              if (isLocked(message)) return send({ id: request.id, ok: false, locked: true, message });
            }
          }
        } else if (request.op === 'set') {
          await keytar.setPassword(request.service, request.account, request.secret ?? '');
        } else {
          value = await keytar.deletePassword(request.service, request.account);
        }
        send({ id: request.id, ok: true, value });
      } catch (error) {
        const message = describe(error);
        send({ id: request.id, ok: false, locked: isLocked(message), message });
      }
    })();
  });
  send({ loaded: true });
}
