/**
 * The composition root of the tenant core: the one function the MCP bridge, `serve`, the CLI and the
 * Electron shell call. Nothing here imports `electron`.
 *
 * ```ts
 * // The app / `serve`: the keychain, a desktop session on sign-in, restore what was saved.
 * const core = await createCore({ apiUrl: process.env.NEVENT_API_URL });
 * if (core.secretStoreWarning) show(core.secretStoreWarning);       // "… sign-in will not be remembered"
 * await core.account.restore() || await core.account.signIn({ type: 'password', email, password });
 * core.account.state;                  // signedOut | signingIn | choosingTenant (org-picker) | active
 * core.account.onDidChangeState(render);
 * await core.registry.chooseDesktopTenant('tenant-b');    // the org-picker's choice (single-tenant: no picker)
 * await core.registry.desktop?.switchTenant('tenant-c');  // tray / window switch; errors are CoreError
 * const mcp = core.registry.openMcpSession({ name: 'claude', version: '1' });   // starts where the desktop is
 *
 * // Standalone `nevent-companion mcp` (no app): no desktop session, tokens from the environment or demo.
 * const core = await createCore({ apiUrl, desktop: false, secretStore: new MemorySecretStore() });
 * await core.account.signIn({ type: 'tokens', accessToken, refreshToken }, { persist: false });
 * // or: await signInToDemo(core, demoApi, 'owner');          (`--demo`)
 * // or: await signInStandalone(core, process.env);          (NEVENT_JWT_TOKEN, else the saved account)
 * core.registry.onDidChangeSessions((e) => …);             // created | changed | ended, with a snapshot
 * ```
 * Sessions never expose tokens through snapshots or events; `CoreError.toData()` is what crosses
 * IPC / MCP / CLI boundaries.
 */
import { Account } from './account/account';
import { AccountRecordFile, defaultConfigDir } from './account/account-record';
import { systemClock, type Clock } from './common/clock';
import { HttpClient, type FetchLike } from './http/http-client';
import { openSecretStore } from './keychain/keytar-secret-store';
import type { SecretStore } from './keychain/secret-store';
import { SessionRegistry } from './account/session-registry';
import type { JwksSetting } from './tokens/token-verifier';

/** Options of `createCore`; every one has a production default. */
export interface CoreOptions {
  /** Default API URL for sign-in (restore uses the saved one). */
  apiUrl?: string;
  /** Default data-API URL (else derived where its place is known: see `resolveApiUrls`). */
  dataApiUrl?: string;
  /** Secret store; default: the OS keychain via keytar, or memory with `secretStoreWarning`. */
  secretStore?: SecretStore;
  /** Where account.json lives; default per OS (`NEVENT_COMPANION_CONFIG_DIR` overrides). */
  configDir?: string;
  /** Create a desktop session on sign-in (default true); false for standalone `mcp`. */
  desktop?: boolean;
  fetch?: FetchLike;
  clock?: Clock;
  /** Per-request timeout in ms (default 15 s). */
  requestTimeoutMs?: number;
  /** JWKS URL, `'discover'` (default) or `'none'`. */
  jwks?: JwksSetting;
  /** Expected `iss` of access tokens (unchecked when absent). */
  issuer?: string;
  /** Keychain call timeout in ms (default 5 s). */
  keychainTimeoutMs?: number;
}

/** The assembled core. */
export interface Core {
  account: Account;
  registry: SessionRegistry;
  http: HttpClient;
  secretStore: SecretStore;
  /** Set when secrets are kept in memory only ("sign-in will not be remembered"). */
  secretStoreWarning: string | null;
  configDir: string;
  /** Ends every session and stops listening (does not sign out). */
  dispose(): void;
}

/** Builds the core. */
export async function createCore(options: CoreOptions = {}): Promise<Core> {
  const clock = options.clock ?? systemClock();
  const http = new HttpClient({ ...(options.fetch === undefined ? {} : { fetch: options.fetch }), ...(options.requestTimeoutMs === undefined ? {} : { timeoutMs: options.requestTimeoutMs }) });
  const opened = options.secretStore === undefined ? await openSecretStore(options.keychainTimeoutMs === undefined ? {} : { timeoutMs: options.keychainTimeoutMs }) : { store: options.secretStore, warning: null };
  const configDir = options.configDir ?? defaultConfigDir();
  // Resolved at sign-in (resolveApiUrls), so a missing data URL is reported where the user acts.
  const urls = { ...(options.apiUrl === undefined ? {} : { apiUrl: options.apiUrl }), ...(options.dataApiUrl === undefined ? {} : { dataApiUrl: options.dataApiUrl }) };
  const account = new Account({
    http,
    clock,
    secretStore: opened.store,
    secretStoreWarning: opened.warning,
    record: new AccountRecordFile(configDir),
    urls,
    ...(options.jwks === undefined ? {} : { jwks: options.jwks }),
    ...(options.issuer === undefined ? {} : { issuer: options.issuer }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  const registry = new SessionRegistry(account, { desktop: options.desktop ?? true });
  return {
    account,
    registry,
    http,
    secretStore: opened.store,
    secretStoreWarning: opened.warning,
    configDir,
    dispose: () => {
      registry.dispose();
      http.close();
    },
  };
}
