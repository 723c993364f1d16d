/**
 * The signed-in account: sign in (email/password or pasted tokens), restore from the keychain, sign out.
 * One `SignedInContext` per sign-in holds what every session of the account shares: API URLs, the token
 * verifier and the token broker, and the account's stored credential (the one in the keychain).
 *
 *   signIn ─> POST /auth/admin/login ─> verify token ─> keychain.set + account.json ─> onDidSignIn
 *   restore ─> account.json + keychain.get ─> (expired? refresh) ──────────────────────> onDidSignIn
 *   signOut / refused refresh ─> onDidSignOut (sessions end) ─> keychain.delete + account.json removed
 *   broker rotated the stored refresh token ─> keychain.set (serialized)
 */
import { firstIssue } from '../../src-shared/zod-issue';
import { z } from 'zod';
import { isSwitchableStatus, LoginRequestSchema, normalizeTokenResponse, type Tenant } from '../../src-shared/api';
import { resolveApiUrls } from './api-urls';
import { AuthorizedRequester } from './authorized-requester';
import { initialAccountState, transitionAccount, type AccountEvent, type AccountState } from '../../src-shared/account-machine';
import type { AccountRecordFile } from './account-record';
import type { Clock } from './clock';
import { CoreSession } from './core-session';
import { tenantOf, type Credential } from './credential';
import { DataClient, type ApiUrls } from './data-client';
import { Emitter } from './emitter';
import { HttpStatusError, type FetchLike, type HttpClient } from './http-client';
import { keychainServiceFor, NOT_REMEMBERED_WARNING, type SecretStore, type SecretStoreKind } from './secret-store';
import { PersistedTenant } from './scoped-token';
import { SerialQueue } from './serial-queue';
import { TenantTokens } from './tenant-tokens';
import { TokenBroker } from './token-broker';
import { TokenVerifier, type JwksSetting } from './token-verifier';
import { CoreError } from './tenant-session';
import type { SessionKind } from '../../src-shared/session';

/** What the keychain entry holds (JSON). */
const StoredSecretSchema = z.object({ v: z.literal(1), accessToken: z.string().min(1), refreshToken: z.string().min(1).nullable() });

/** Where an account's tokens are kept. */
export type CredentialStorage = SecretStoreKind | 'none';

/** Account status for `status`, the window and the tray: no secrets. */
export interface AccountStatus {
  signedIn: boolean;
  email: string | null;
  apiUrl: string | null;
  dataApiUrl: string | null;
  /** `keychain`: remembered; `memory`: this run only; `none`: signed out. */
  storage: CredentialStorage;
  /** Why the sign-in will not be remembered, when it will not. */
  warning: string | null;
  state: AccountState;
}

/** The account saved on this machine (account.json + keychain entry), read without network. */
export interface SavedAccount {
  apiUrl: string;
  dataApiUrl: string;
  email: string;
  /** Service name of the keychain entry. */
  keychainService: string;
  /** Whether the keychain entry exists (false: account.json is stale). */
  present: boolean;
  /** From the stored access token's claims, when readable. */
  tenantId: string | null;
  role: string | null;
}

/** What every session of one sign-in shares. */
/** The sign-in address does not answer like Nevent: said as that, with what to check. */
export function notNeventApiMessage(apiUrl: string, what: string): string {
  const path = (() => {
    try {
      const parsed = new URL(apiUrl);
      return parsed.pathname !== '/' && parsed.pathname !== '' ? parsed.pathname : null;
    } catch {
      return null;
    }
  })();
  return `${apiUrl} does not look like a Nevent API: its sign-in endpoint (POST /auth/admin/login) ${what}. Check the address: it is the core API's own URL, like https://api.nevent.es${path === null ? '' : `, without "${path}" after it`}`;
}

export class SignedInContext {
  readonly broker: TokenBroker;
  readonly verifier: TokenVerifier;
  /** Tokens scoped to other tenants, for calls that name their tenant: shared by every session. */
  readonly tenantTokens: TenantTokens;
  /** What the API has persisted as a SUPERADMIN's tenant, as far as this app knows: the sign-in's, then each session switch. */
  readonly persistedTenant: PersistedTenant;
  private storedCredential: Credential;
  /** The tenant list the sign-in read, kept for the first session that lists with the same token. */
  private signInListing: { accessToken: string; tenants: Tenant[] } | null = null;

  constructor(
    readonly urls: ApiUrls,
    readonly email: string,
    credential: Credential,
    readonly storage: SecretStoreKind,
    private readonly deps: { http: HttpClient; clock: Clock; verifier: TokenVerifier; log?: (message: string) => void },
  ) {
    this.verifier = deps.verifier;
    this.storedCredential = credential;
    this.broker = new TokenBroker({ refresh: (refreshToken) => refreshCall(deps.http, urls.apiUrl, refreshToken) });
    this.tenantTokens = new TenantTokens({ clock: deps.clock });
    this.persistedTenant = new PersistedTenant(tenantOf(credential));
  }

  /** The account's stored credential (the keychain's copy, kept current as it rotates). */
  get credential(): Credential {
    return this.storedCredential;
  }

  /** Replaces the stored credential after a rotation. */
  setCredential(credential: Credential): void {
    this.storedCredential = credential;
  }

  /**
   * Keeps the list the sign-in just read (to choose between the picker and single-tenant mode), so the
   * desktop's first listing does not fetch and read 100,000 tenants a second time.
   */
  offerSignInTenants(accessToken: string, tenants: Tenant[]): void {
    this.signInListing = { accessToken, tenants };
  }

  /** The sign-in's list, once, to a listing made with the very token it was read with; else null. */
  takeSignInTenants(accessToken: string): Tenant[] | null {
    const listing = this.signInListing;
    if (listing === null || listing.accessToken !== accessToken) return null;
    this.signInListing = null;
    return listing.tenants;
  }

  /** A new session of this account starting from `credential`. */
  createSession(kind: SessionKind, credential: Credential, clientInfo?: { name: string | null; version: string | null }): CoreSession {
    return new CoreSession({
      kind,
      credential,
      signInTenants: (accessToken) => this.takeSignInTenants(accessToken),
      urls: this.urls,
      http: this.deps.http,
      verifier: this.verifier,
      broker: this.broker,
      clock: this.deps.clock,
      tenantTokens: this.tenantTokens,
      persistedTenant: this.persistedTenant,
      ...(clientInfo === undefined ? {} : { clientInfo }),
      ...(this.deps.log === undefined ? {} : { log: this.deps.log }),
    });
  }
}

/**
 * How long a refresh may take. Not the usual request timeout: the API rotates the refresh token when it
 * answers, so a refresh given up on after the API acted leaves only the old, now spent, token — and
 * sending that one again is refused as a reuse, which signs the person out. A slow answer must be waited for.
 */
export const refreshTimeoutMs = 60_000;

async function refreshCall(http: HttpClient, apiUrl: string, refreshToken: string) {
  const body = await http.request({ method: 'POST', baseUrl: apiUrl, path: '/auth/refresh', body: { refreshToken }, timeoutMs: Math.max(refreshTimeoutMs, http.defaultTimeoutMs) });
  try {
    return normalizeTokenResponse(body);
  } catch {
    throw new CoreError('invalid_token', 'the token refresh answered without a usable access token');
  }
}

/** Options of the account service. */
export interface AccountOptions {
  http: HttpClient;
  clock: Clock;
  secretStore: SecretStore;
  /** Shown in `status` when the store is not the OS keychain. */
  secretStoreWarning?: string | null;
  record: AccountRecordFile;
  /** Default URLs for sign-in and restore. */
  urls?: Partial<ApiUrls>;
  jwks?: JwksSetting;
  issuer?: string;
  fetch?: FetchLike;
  /** Where refused state transitions are reported (never silently dropped). */
  log?: (message: string) => void;
}

/** Where the credentials of a sign-in come from. */
export type SignInSource = { type: 'password'; email: string; password: string } | { type: 'tokens'; accessToken: string; refreshToken?: string | null };

/** Sign-in options. */
export interface SignInOptions {
  apiUrl?: string;
  dataApiUrl?: string;
  /** Keep the tokens in the secret store and the account in account.json (default true). */
  persist?: boolean;
}

/** The account service. */
export class Account {
  private stateValue: AccountState = initialAccountState;
  private contextValue: SignedInContext | null = null;
  private warningValue: string | null = null;
  private readonly persistQueue = new SerialQueue();
  private readonly stateEmitter = new Emitter<AccountState>();
  private readonly signInEmitter = new Emitter<SignedInContext>();
  private readonly signOutEmitter = new Emitter<{ reason: 'signed_out' | 'refresh_refused' }>();
  private unsubscribeBroker: (() => void)[] = [];

  /** Fires on every change of the sign-in state. */
  readonly onDidChangeState = this.stateEmitter.event;
  /** Fires once credentials are accepted (before the state leaves `signingIn`). */
  readonly onDidSignIn = this.signInEmitter.event;
  /** Fires when the account signs out; every session of it must end. */
  readonly onDidSignOut = this.signOutEmitter.event;

  constructor(private readonly options: AccountOptions) {}

  /** The sign-in state (signedOut → signingIn → choosingTenant → active). */
  get state(): AccountState {
    return this.stateValue;
  }

  /** The current sign-in's shared context, or null when signed out. */
  get context(): SignedInContext | null {
    return this.contextValue;
  }

  /** Who is signed in, where, and which store holds it. */
  status(): AccountStatus {
    const ctx = this.contextValue;
    return {
      signedIn: ctx !== null,
      email: ctx?.email ?? null,
      apiUrl: ctx?.urls.apiUrl ?? null,
      dataApiUrl: ctx?.urls.dataApiUrl ?? null,
      storage: ctx === null ? 'none' : ctx.storage,
      warning: ctx === null ? null : this.warningValue,
      state: this.stateValue,
    };
  }

  /** Signs in with a password or with tokens; resolves to the status. Rejects with a CoreError. */
  async signIn(source: SignInSource, options: SignInOptions = {}): Promise<AccountStatus> {
    // A data URL configured for another API URL does not carry over to the one given here.
    const urls: ApiUrls = options.apiUrl === undefined ? resolveApiUrls(this.options.urls?.apiUrl, options.dataApiUrl ?? this.options.urls?.dataApiUrl) : resolveApiUrls(options.apiUrl, options.dataApiUrl);
    if (this.contextValue !== null) await this.signOut();
    this.apply({ type: 'signInStarted' });
    try {
      const verifier = this.verifierFor(urls);
      const pair = source.type === 'password' ? await this.passwordSignIn(urls, source.email, source.password) : { accessToken: source.accessToken, refreshToken: source.refreshToken ?? null };
      const claims = await verifier.verify(pair.accessToken, null);
      const credential: Credential = { accessToken: pair.accessToken, refreshToken: pair.refreshToken, claims };
      const email = source.type === 'password' ? source.email : (claims.email ?? claims.subject);
      const persist = options.persist ?? true;
      let storage: SecretStoreKind = 'memory';
      // A deliberate this-run-only sign-in (demo, NEVENT_JWT_TOKEN) is not a problem worth a warning.
      this.warningValue = null;
      if (persist) storage = await this.save(urls, email, credential);
      const listed = await this.listAtSignIn(urls, credential);
      const context = new SignedInContext(urls, email, credential, storage, { http: this.options.http, clock: this.options.clock, verifier, ...(this.options.log === undefined ? {} : { log: this.options.log }) });
      if (listed !== null) context.offerSignInTenants(credential.accessToken, listed);
      this.install(context, false, listed === null ? [] : switchableOf(listed));
      return this.status();
    } catch (error) {
      this.apply({ type: 'signInFailed' });
      throw error instanceof CoreError ? error : new CoreError('internal_error', 'sign-in failed unexpectedly');
    }
  }

  /**
   * Restores the saved account from account.json + the secret store. Resolves to false when there is
   * nothing to restore (or the entry is gone); a refused refresh clears the saved account.
   */
  async restore(): Promise<boolean> {
    if (this.contextValue !== null) return true;
    const record = await this.options.record.read();
    if (record === null || record.store !== 'keychain' || this.options.secretStore.kind !== 'keychain') return false;
    const urls: ApiUrls = { apiUrl: record.apiUrl, dataApiUrl: record.dataApiUrl };
    const service = keychainServiceFor(urls.apiUrl);
    const secret = await this.options.secretStore.get(service, record.email);
    const stored = secret === null ? null : StoredSecretSchema.safeParse(safeJson(secret));
    if (stored === null || !stored.success) {
      await this.options.record.clear();
      return false;
    }
    this.apply({ type: 'signInStarted' });
    try {
      const verifier = this.verifierFor(urls);
      let credential: Credential = { accessToken: stored.data.accessToken, refreshToken: stored.data.refreshToken, claims: verifier.decodeStored(stored.data.accessToken) };
      const context = new SignedInContext(urls, record.email, credential, 'keychain', { http: this.options.http, clock: this.options.clock, verifier, ...(this.options.log === undefined ? {} : { log: this.options.log }) });
      const exp = credential.claims.exp;
      if (exp !== undefined && exp * 1000 <= this.options.clock.now() && credential.refreshToken !== null) {
        // Renew now rather than on the first 401: a dead refresh token should mean "signed out" at start.
        const pair = await context.broker.refresh(credential.refreshToken);
        credential = { accessToken: pair.accessToken, refreshToken: pair.refreshToken, claims: await verifier.verify(pair.accessToken, tenantOf(credential)) };
        context.setCredential(credential);
        await this.persistSecret(urls, record.email, credential);
      }
      this.warningValue = null;
      this.install(context, true, []);
      return true;
    } catch (error) {
      this.apply({ type: 'signInFailed' });
      if (error instanceof CoreError && (error.code === 'refresh_failed' || error.code === 'invalid_token' || error.code === 'token_tenant_mismatch')) {
        await this.forget(urls, record.email);
        return false;
      }
      throw error instanceof CoreError ? error : new CoreError('internal_error', 'restoring the sign-in failed unexpectedly');
    }
  }

  /** The account saved on this machine, without contacting the API; null when none. */
  async savedAccount(): Promise<SavedAccount | null> {
    const record = await this.options.record.read();
    if (record === null) return null;
    const keychainService = keychainServiceFor(record.apiUrl);
    const secret = await this.options.secretStore.get(keychainService, record.email);
    const stored = secret === null ? null : StoredSecretSchema.safeParse(safeJson(secret));
    let tenantId: string | null = null;
    let role: string | null = null;
    if (stored?.success === true) {
      try {
        const claims = this.verifierFor({ apiUrl: record.apiUrl, dataApiUrl: record.dataApiUrl }).decodeStored(stored.data.accessToken);
        tenantId = claims.tenantId ?? null;
        role = claims.role ?? null;
      } catch {
        // An unreadable token still counts as present: `login` replaces it.
      }
    }
    return { apiUrl: record.apiUrl, dataApiUrl: record.dataApiUrl, email: record.email, keychainService, present: stored?.success === true, tenantId, role };
  }

  /** Removes the saved account (keychain entry + account.json) without contacting the API; signs out first. */
  async forgetSaved(): Promise<SavedAccount | null> {
    await this.signOut();
    const saved = await this.savedAccount().catch(() => null);
    const record = await this.options.record.read();
    if (record !== null) await this.forget({ apiUrl: record.apiUrl, dataApiUrl: record.dataApiUrl }, record.email);
    return saved;
  }

  /** The desktop session is where the person chose: the org-picker's choice, or a later desktop switch. */
  chooseTenant(): void {
    this.apply({ type: 'tenantChosen' });
  }

  /** Signs out: sessions end first (synchronously), then the keychain entry and account.json are removed. */
  async signOut(reason: 'signed_out' | 'refresh_refused' = 'signed_out'): Promise<void> {
    const ctx = this.contextValue;
    if (ctx === null) return;
    this.contextValue = null;
    for (const unsubscribe of this.unsubscribeBroker) unsubscribe();
    this.unsubscribeBroker = [];
    ctx.broker.clear();
    this.apply({ type: 'signedOut', reason });
    this.signOutEmitter.fire({ reason });
    if (ctx.storage === 'keychain') await this.forget(ctx.urls, ctx.email);
  }

  private async forget(urls: ApiUrls, email: string): Promise<void> {
    // Wait for any rotation write in flight, so it cannot re-create the entry after the delete.
    await this.persistQueue.run(async () => {
      try {
        await this.options.secretStore.delete(keychainServiceFor(urls.apiUrl), email);
      } finally {
        await this.options.record.clear();
      }
    });
  }

  private install(context: SignedInContext, restored: boolean, switchable: readonly string[]): void {
    this.contextValue = context;
    this.unsubscribeBroker = [
      context.broker.onDidRotate((rotation) => {
        if (this.contextValue !== context || context.credential.refreshToken !== rotation.previous) return;
        let claims;
        try {
          claims = context.verifier.decodeStored(rotation.next.accessToken);
        } catch {
          return;
        }
        const next: Credential = { accessToken: rotation.next.accessToken, refreshToken: rotation.next.refreshToken, claims };
        context.setCredential(next);
        if (context.storage === 'keychain') void this.persistSecret(context.urls, context.email, next).catch(() => undefined);
      }),
      context.broker.onDidRefuse(() => {
        if (this.contextValue === context) void this.signOut('refresh_refused').catch(() => undefined);
      }),
    ];
    this.signInEmitter.fire(context);
    this.apply({ type: 'signedIn', switchableTenantIds: switchable, restored });
  }

  private async passwordSignIn(urls: ApiUrls, email: string, password: string): Promise<{ accessToken: string; refreshToken: string | null }> {
    const body = LoginRequestSchema.safeParse({ email, password });
    if (!body.success) {
      const issue = firstIssue(body.error);
      throw new CoreError('validation_failed', issue.message, issue.path.split('.')[0] || 'email');
    }
    let answer: unknown;
    try {
      answer = await this.options.http.request({ method: 'POST', baseUrl: urls.apiUrl, path: '/auth/admin/login', body: body.data });
    } catch (error) {
      if (error instanceof HttpStatusError && (error.status === 401 || error.status === 400 || error.status === 403)) {
        throw new CoreError('authentication_failed', 'wrong email or password');
      }
      // No sign-in endpoint there (404, 405), or a web page instead of JSON: not a wrong password but a wrong address.
      const missing = error instanceof HttpStatusError && (error.status === 404 || error.status === 405);
      const notJson = error instanceof CoreError && error.code === 'api_error' && /not JSON/.test(error.message);
      if (missing || notJson) throw new CoreError('invalid_request', notNeventApiMessage(urls.apiUrl, missing ? `answered ${(error as HttpStatusError).status}` : 'answered with a page, not JSON'), 'apiUrl');
      throw error;
    }
    try {
      const pair = normalizeTokenResponse(answer);
      return { accessToken: pair.accessToken, refreshToken: pair.refreshToken ?? null };
    } catch {
      throw new CoreError('authentication_failed', 'the sign-in was not accepted (no token in the answer)');
    }
  }

  private async save(urls: ApiUrls, email: string, credential: Credential): Promise<SecretStoreKind> {
    try {
      await this.persistSecret(urls, email, credential);
    } catch (error) {
      this.warningValue = `${error instanceof CoreError ? error.message : 'the OS keychain could not save the sign-in'}: ${NOT_REMEMBERED_WARNING}`;
      return 'memory';
    }
    if (this.options.secretStore.kind !== 'keychain') {
      this.warningValue = this.options.secretStoreWarning ?? `no OS keychain: ${NOT_REMEMBERED_WARNING}`;
      return 'memory';
    }
    const previous = await this.options.record.read();
    await this.options.record.write({ apiUrl: urls.apiUrl, dataApiUrl: urls.dataApiUrl, email, store: 'keychain', savedAt: new Date(this.options.clock.now()).toISOString() });
    if (previous !== null && (previous.apiUrl !== urls.apiUrl || previous.email !== email)) {
      // One saved account per machine: the one it replaces must not linger in the keychain.
      await this.options.secretStore.delete(keychainServiceFor(previous.apiUrl), previous.email).catch(() => false);
    }
    return 'keychain';
  }

  private persistSecret(urls: ApiUrls, email: string, credential: Credential): Promise<void> {
    const secret = JSON.stringify({ v: 1, accessToken: credential.accessToken, refreshToken: credential.refreshToken });
    return this.persistQueue.run(() => this.options.secretStore.set(keychainServiceFor(urls.apiUrl), email, secret));
  }

  /** The tenants the picker offers, listed the way every session lists them (no renewal: fresh tokens); null when the API would not say. */
  private async listAtSignIn(urls: ApiUrls, credential: Credential): Promise<Tenant[] | null> {
    const requester = new AuthorizedRequester(credential, this.options.http, () => Promise.reject(new CoreError('authentication_failed', 'the new sign-in was refused')), new AbortController().signal);
    try {
      return (await new DataClient(requester, urls).listTenants()).value;
    } catch {
      // The picker is a convenience: without the list the user stays in the token's tenant.
      return null;
    }
  }

  private verifierFor(urls: ApiUrls): TokenVerifier {
    return new TokenVerifier({
      apiUrl: urls.apiUrl,
      clock: this.options.clock,
      ...(this.options.jwks === undefined ? {} : { jwks: this.options.jwks }),
      ...(this.options.issuer === undefined ? {} : { issuer: this.options.issuer }),
      ...(this.options.fetch === undefined ? {} : { fetch: this.options.fetch }),
    });
  }

  /** Every change goes through the machine; fires only on a real change; a refusal is logged with its reason. */
  private apply(event: AccountEvent): void {
    const result = transitionAccount(this.stateValue, event);
    if (!result.ok) {
      this.options.log?.(`account: refused ${result.rejection.event} in ${result.rejection.from}: ${result.rejection.reason}`);
      return;
    }
    if (result.state === this.stateValue) return;
    this.stateValue = result.state;
    this.stateEmitter.fire(this.stateValue);
  }
}

/** The ids of the tenants the user may switch to (memberships not known to block a switch). */
export function switchableOf(tenants: readonly Tenant[]): string[] {
  return tenants.filter((t) => isSwitchableStatus(t.status)).map((t) => t.id);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
