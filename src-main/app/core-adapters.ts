/**
 * Adapts the tenant core (Account, SessionRegistry) to the desktop service's ports. This is where the
 * core's account status becomes the window's token-free `AccountStatus`.
 */
import { MeSchema, type AccessTokenClaims, type Me } from '../../src-shared/api';
import type { AppErrorData } from '../../src-shared/errors';
import type { AccountStatus as WindowAccountStatus } from '../../src-shared/ipc';
import { isSignedIn } from '../../src-shared/account-machine';
import { missingCaseError } from '../../src-shared/missing-case';
import type { Core } from '../core/create-core';
import { toErrorData } from '../core/common/error-data';
import { Emitter } from '../core/common/emitter';
import type { AccountCredentials, AccountPort, SessionsPort } from './ports';

/** The account port over the core's Account. */
export class CoreAccountPort implements AccountPort {
  private readonly changed = new Emitter<void>();
  private demo = false;
  private error: AppErrorData | null = null;
  private me: { accessKey: string; me: Me } | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly core: Pick<Core, 'account' | 'http' | 'secretStore' | 'secretStoreWarning'>,
    private readonly logInternal: (what: string, error: unknown) => void = () => undefined,
  ) {
    this.unsubscribe = core.account.onDidChangeState(() => this.changed.fire());
  }

  status(): WindowAccountStatus {
    const status = this.core.account.status();
    const context = this.core.account.context;
    const claims = context?.credential.claims ?? null;
    // The account machine's state as it is: the window switches on it (no second copy derived here).
    const state = status.state.type;
    const signedIn = isSignedIn(state) && claims !== null;
    const me = this.me !== null && context !== null && this.me.accessKey === `${context.urls.apiUrl} ${context.email}` ? this.me.me : null;
    const email = status.email ?? claims?.email ?? '';
    return {
      state,
      user: signedIn ? userOf(me, claims, email) : null,
      apiUrl: status.apiUrl,
      dataApiUrl: status.dataApiUrl,
      demo: signedIn && this.demo,
      remembered: status.storage === 'keychain',
      keychain: this.core.secretStore.kind === 'keychain' ? 'available' : 'unavailable',
      notice: signedIn && !this.demo ? (status.warning ?? (status.storage === 'memory' ? this.core.secretStoreWarning : null)) : null,
      error: this.error,
    };
  }

  async signIn(credentials: AccountCredentials): Promise<void> {
    this.error = null;
    this.demo = false;
    try {
      const options = { apiUrl: credentials.apiUrl, ...(credentials.dataApiUrl === null ? {} : { dataApiUrl: credentials.dataApiUrl }) };
      switch (credentials.kind) {
        case 'password':
          // The demo sign-in is for this run only: nothing goes to the keychain.
          await this.core.account.signIn({ type: 'password', email: credentials.email, password: credentials.password }, { ...options, persist: !credentials.demo });
          this.demo = credentials.demo;
          break;
        case 'token':
          await this.core.account.signIn({ type: 'tokens', accessToken: credentials.accessToken, refreshToken: credentials.refreshToken }, options);
          break;
        default:
          missingCaseError(credentials);
      }
    } catch (error) {
      this.error = toErrorData(error, { internalMessage: 'The sign-in failed unexpectedly.', onUnexpected: (cause) => this.logInternal('account.signIn', cause) });
      this.changed.fire();
      throw error;
    }
    this.changed.fire();
    void this.loadMe();
  }

  /** Restores the saved sign-in at start; a failure is shown on the sign-in screen, never thrown. */
  async restore(): Promise<boolean> {
    try {
      const restored = await this.core.account.restore();
      if (restored) void this.loadMe();
      return restored;
    } catch (error) {
      this.error = toErrorData(error, { internalMessage: 'Restoring the saved sign-in failed.', onUnexpected: (cause) => this.logInternal('account.restore', cause) });
      this.changed.fire();
      return false;
    }
  }

  async signOut(): Promise<void> {
    this.error = null;
    this.demo = false;
    this.me = null;
    await this.core.account.signOut();
    this.changed.fire();
  }

  onDidChange(listener: () => void): () => void {
    return this.changed.event(listener);
  }

  onDidSignOut(listener: (reason: 'signed_out' | 'refresh_refused') => void): () => void {
    return this.core.account.onDidSignOut(({ reason }) => listener(reason));
  }

  dispose(): void {
    this.unsubscribe();
    this.changed.dispose();
  }

  /** Fetches the user's display name once per sign-in (the token carries only id, email and role). */
  private async loadMe(): Promise<void> {
    const context = this.core.account.context;
    if (context === null) return;
    const accessKey = `${context.urls.apiUrl} ${context.email}`;
    try {
      const body = await this.core.http.request({ method: 'GET', baseUrl: context.urls.apiUrl, path: '/auth/me', bearer: context.credential.accessToken });
      const me = MeSchema.safeParse(body);
      // Re-check after the await: the account may have changed meanwhile.
      if (!me.success || this.core.account.context !== context) return;
      this.me = { accessKey, me: me.data };
      this.changed.fire();
    } catch (error) {
      this.logInternal('account.me', error);
    }
  }
}

/** The signed-in user for the window: the token's subject, with name, email and role from `/auth/me` where it answered. */
function userOf(me: Me | null, claims: AccessTokenClaims, email: string): NonNullable<WindowAccountStatus['user']> {
  const fullName = [me?.firstName, me?.lastName].filter((part) => typeof part === 'string' && part !== '').join(' ');
  return {
    // The token is the identity: preferences are keyed by it, so it must not change when /auth/me loads.
    id: claims.subject,
    email: me?.email ?? email,
    name: me?.name ?? (fullName || email.split('@')[0] || claims.subject),
    role: me?.role ?? claims.role ?? null,
  };
}

/** The sessions port over the core's SessionRegistry. */
export function coreSessionsPort(core: Pick<Core, 'registry'>): SessionsPort {
  return {
    desktop: () => core.registry.desktop,
    list: () => core.registry.snapshots(),
    switchDesktop: (tenantId) => core.registry.switchDesktop(tenantId),
    cancelDesktopSwitch: () => core.registry.desktop?.cancelSwitch() ?? false,
    move: (sessionId, tenantId) => core.registry.moveSession(sessionId, tenantId),
    onDidChange: (listener) => core.registry.onDidChangeSessions(() => listener()),
    onDidWriteSegment: (listener) => core.registry.onDidWriteSegment(({ tenantId, segment }) => listener({ tenantId, segment })),
  };
}
