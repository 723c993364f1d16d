/**
 * The desktop service: every IPC request channel mapped onto the core, shared by the Electron shell
 * and `serve`. It also owns the app-state snapshot the window and tray show:
 *
 *   account / sessions / bridge change ──> recompute AppState ──(changed?)──> version+1 ──> session.onDidChange
 *   desktop tenant changed ──> recent tenants + notifications.onDidNotify (+ OS notification in Electron)
 *
 * Main owns the truth; the window only sends commands and mirrors the snapshots (STYLE principle 3).
 */
import type { ActiveTenant, AppInfo, AppNotification, AppState, SessionList, TenantRef } from '../../src-shared/ipc';
import { DemoUserSchema } from '../../src-shared/ipc';
import { missingCaseError, type AppErrorData } from '../../src-shared/errors';
import { CoreError, type SwitchOutcome, type TenantSession, type TenantsView } from '../core/tenant-session';
import { queryAudit } from './audit-query';
import { sampleFanView, segmentView, tenantView } from './views';
import type { RequestHandlers } from './dispatcher';
import type { EventHub } from './event-hub';
import type { AccountPort, BridgePort, ClientConfigPort, DemoPort, McpHttpPort, OperationModeCell, SessionsPort } from './ports';
import type { Preferences } from './preferences';

/** What the service is built from. */
export interface DesktopServiceDeps {
  shell: AppInfo['shell'];
  version: string;
  platform: string;
  account: AccountPort;
  sessions: SessionsPort;
  bridge: BridgePort;
  clientConfig: ClientConfigPort;
  /** Null when the build cannot start the embedded demo API. */
  demo: DemoPort | null;
  mode: OperationModeCell;
  /** The loopback MCP HTTP endpoint; absent where the shell offers none. */
  mcpHttp?: McpHttpPort | null;
  preferences: Preferences;
  events: EventHub;
  now?: () => Date;
  logInternal?: (what: string, error: unknown) => void;
}

interface TenantCache {
  sessionId: string;
  view: TenantsView;
}

function toErrorData(error: unknown): AppErrorData {
  if (error instanceof CoreError) return error.toData();
  return { code: 'internal_error', message: 'The switch failed unexpectedly.' };
}

/** Maps the contract onto the core and publishes the app state. */
export class DesktopService {
  /** One handler per request channel (give to `createDispatcher`). */
  readonly handlers: RequestHandlers;

  private version = 0;
  private lastStateJson = '';
  private current: AppState | null = null;
  private sessionsVersion = 0;
  private lastSessionsJson = '';
  private tenantCache: TenantCache | null = null;
  private tenantRefresh: Promise<void> | null = null;
  private lastDesktop: { sessionId: string; tenantId: string | null } | null = null;
  private lastSwitchError: AppErrorData | null = null;
  private lastAccountState: AppState['account']['state'] | null = null;
  private signingOut = false;
  private notificationSeq = 0;
  private readonly unsubscribers: Array<() => void> = [];
  private readonly now: () => Date;
  private readonly logInternal: (what: string, error: unknown) => void;

  constructor(private readonly deps: DesktopServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.logInternal = deps.logInternal ?? (() => undefined);
    this.handlers = this.createHandlers();
  }

  /** Starts following the core; publishes the first snapshots. */
  start(): void {
    const { account, sessions, bridge, events } = this.deps;
    this.unsubscribers.push(
      account.onDidChange(() => this.onAccountChange()),
      sessions.onDidChange(() => this.onSessionsChange()),
      bridge.onDidChange(() => this.publish()),
      bridge.onDidAppendAudit((entry) => events.emit('mcp.onDidAppendAudit', entry)),
    );
    this.lastAccountState = account.status().state;
    this.onSessionsChange();
  }

  /** Stops following the core. */
  dispose(): void {
    for (const off of this.unsubscribers.splice(0)) off();
  }

  /** The latest snapshot (computed on first use). */
  state(): AppState {
    return this.current ?? this.publish();
  }

  /** Every session now, versioned. */
  sessionList(): SessionList {
    return { version: this.sessionsVersion, sessions: this.deps.sessions.list() };
  }

  /** The desktop's accessible tenants as last loaded (for the tray), or null. */
  cachedTenants(): TenantsView | null {
    return this.tenantCache?.view ?? null;
  }

  /** Recomputes the snapshot; publishes it with a new version when it changed. */
  publish(): AppState {
    const body = this.computeState();
    const json = JSON.stringify(body);
    if (json !== this.lastStateJson || this.current === null) {
      this.lastStateJson = json;
      this.version += 1;
      this.current = { version: this.version, ...body };
      this.deps.events.emit('session.onDidChange', this.current);
    }
    return this.current;
  }

  private computeState(): Omit<AppState, 'version'> {
    const { account, sessions, bridge, preferences, mode } = this.deps;
    const status = account.status();
    const desktop = sessions.desktop();
    const snapshot = desktop?.snapshot() ?? null;
    const view = this.tenantCache !== null && snapshot !== null && this.tenantCache.sessionId === snapshot.id ? this.tenantCache.view : null;
    const shortcuts = preferences.shortcuts(status.user?.id ?? null);
    return {
      account: status,
      desktop: {
        sessionId: snapshot?.id ?? null,
        activeTenant: snapshot === null ? null : this.activeTenant(snapshot.activeTenantId, snapshot.role, view),
        homeTenantId: snapshot?.homeTenantId ?? null,
        role: snapshot?.role ?? null,
        switching: snapshot?.switching ?? false,
        lastSwitchError: this.lastSwitchError,
      },
      tenants: { ...shortcuts, count: view?.tenants.length ?? 0 },
      bridge: bridge.status(),
      operationMode: mode.get(),
    };
  }

  private activeTenant(tenantId: string | null, role: AppState['desktop']['role'], view: TenantsView | null): ActiveTenant | null {
    if (tenantId === null) return null;
    const tenant = view?.tenants.find((t) => t.id === tenantId);
    // Only what the API said: the id stands in for the name until the list arrives (a refresh is on
    // its way), and the role is the tenant's, else the token's, else unknown.
    const active: ActiveTenant = { id: tenantId, name: tenant?.name ?? tenantId, role: tenant?.role ?? role ?? view?.role ?? null };
    if (tenant?.slug !== undefined) active.slug = tenant.slug;
    if (tenant?.status !== undefined) active.status = tenant.status;
    return active;
  }

  private onAccountChange(): void {
    const state = this.deps.account.status().state;
    if (this.lastAccountState === 'signed_in' && state === 'signed_out' && !this.signingOut) {
      this.notify('warning', 'Signed out', 'Your sign-in ended (it expired or was revoked). Sign in again to continue.');
    }
    this.lastAccountState = state;
    if (state !== 'signed_in') this.tenantCache = null;
    this.onSessionsChange();
  }

  private onSessionsChange(): void {
    const list = this.sessionList().sessions;
    const json = JSON.stringify(list);
    if (json !== this.lastSessionsJson) {
      this.lastSessionsJson = json;
      this.sessionsVersion += 1;
      this.deps.events.emit('mcp.onDidChangeSessions', { version: this.sessionsVersion, sessions: list });
    }
    this.observeDesktop();
    this.publish();
  }

  /** Notices a new desktop session or a desktop switch (from any cause: window, tray, palette, reset). */
  private observeDesktop(): void {
    const snapshot = this.deps.sessions.desktop()?.snapshot() ?? null;
    const previous = this.lastDesktop;
    this.lastDesktop = snapshot === null ? null : { sessionId: snapshot.id, tenantId: snapshot.activeTenantId };
    if (snapshot === null) return;
    if (previous?.sessionId !== snapshot.id) {
      void this.refreshTenants();
      if (snapshot.activeTenantId !== null) this.rememberRecent(snapshot.activeTenantId);
      return;
    }
    if (snapshot.activeTenantId !== null && snapshot.activeTenantId !== previous.tenantId) {
      this.rememberRecent(snapshot.activeTenantId);
      const name = this.tenantName(snapshot.activeTenantId);
      const role = snapshot.role === null ? '' : ` as ${snapshot.role}`;
      this.notify('success', `Switched to ${name}`, `The desktop now works in ${name}${role}. Connected AI sessions keep their own tenant.`);
    }
  }

  private tenantName(tenantId: string): string {
    return this.tenantCache?.view.tenants.find((t) => t.id === tenantId)?.name ?? tenantId;
  }

  private rememberRecent(tenantId: string): void {
    const userId = this.deps.account.status().user?.id;
    if (userId === undefined) return;
    this.deps.preferences.touchRecent(userId, { id: tenantId, name: this.tenantName(tenantId) });
  }

  private notify(level: AppNotification['level'], title: string, body: string): void {
    this.notificationSeq += 1;
    this.deps.events.emit('notifications.onDidNotify', { id: `n${this.notificationSeq}`, level, title, body, at: this.now().toISOString() });
  }

  /** Loads the desktop's tenants once per desktop session (coalesced). */
  private refreshTenants(): Promise<void> {
    this.tenantRefresh ??= (async () => {
      const desktop = this.deps.sessions.desktop();
      if (desktop === null) return;
      try {
        const view = await desktop.listTenants();
        // Re-check after the await: the account may have signed out or a new desktop session begun.
        if (this.deps.sessions.desktop()?.id === desktop.id) this.cacheTenants(desktop, view);
      } catch (error) {
        this.logInternal('tenants.refresh', error);
      }
    })().finally(() => {
      this.tenantRefresh = null;
    });
    return this.tenantRefresh;
  }

  private cacheTenants(desktop: TenantSession, view: TenantsView): void {
    this.tenantCache = { sessionId: desktop.id, view };
    // Names may have been unknown when the recent entry was written.
    const userId = this.deps.account.status().user?.id;
    const active = view.activeTenantId;
    if (userId !== undefined && active !== null) {
      const recent = this.deps.preferences.shortcuts(userId).recent;
      if (recent[0]?.id === active && recent[0].name !== this.tenantName(active)) this.rememberRecent(active);
    }
    this.publish();
  }

  private requireDesktop(): TenantSession {
    const desktop = this.deps.sessions.desktop();
    if (desktop === null) throw new CoreError('signed_out', 'Sign in first.');
    return desktop;
  }

  private requireUserId(): string {
    const user = this.deps.account.status().user;
    if (user === null) throw new CoreError('signed_out', 'Sign in first.');
    return user.id;
  }

  /** The desktop session, checked against the tenant the window believes it is in. */
  private desktopIn(expectedTenantId: string | undefined): TenantSession {
    const desktop = this.requireDesktop();
    const active = desktop.snapshot().activeTenantId;
    if (expectedTenantId !== undefined && active !== expectedTenantId) {
      throw new CoreError('tenant_mismatch', `The desktop is now in tenant ${active ?? 'none'}, not ${expectedTenantId}; reload and try again.`, 'expectedTenantId');
    }
    return desktop;
  }

  private async tenantRef(tenantId: string): Promise<TenantRef> {
    const desktop = this.requireDesktop();
    let view = this.tenantCache?.sessionId === desktop.id ? this.tenantCache.view : null;
    if (view === null || !view.tenants.some((t) => t.id === tenantId)) {
      view = await desktop.listTenants();
      if (this.deps.sessions.desktop()?.id === desktop.id) this.cacheTenants(desktop, view);
    }
    const tenant = view.tenants.find((t) => t.id === tenantId);
    if (tenant === undefined) throw new CoreError('tenant_not_found', `Tenant ${tenantId} is not one you can access.`, 'tenantId');
    return { id: tenant.id, name: tenant.name };
  }

  private async desktopSwitch(run: (desktop: TenantSession) => Promise<SwitchOutcome>): Promise<SwitchOutcome> {
    const desktop = this.requireDesktop();
    try {
      const outcome = await run(desktop);
      this.lastSwitchError = null;
      this.deps.account.chooseTenant?.(outcome.activeTenantId);
      return outcome;
    } catch (error) {
      this.lastSwitchError = toErrorData(error);
      throw error;
    } finally {
      this.observeDesktop();
      this.publish();
    }
  }

  /** The MCP HTTP endpoint port, or `not_available` where this shell has none (issue 11 block). */
  private mcpHttp(): McpHttpPort {
    const port = this.deps.mcpHttp ?? null;
    if (port === null) throw new CoreError('not_available', 'The MCP HTTP endpoint is not available here.');
    return port;
  }

  private createHandlers(): RequestHandlers {
    const { account, sessions, bridge, clientConfig, demo, mode, preferences } = this.deps;
    return {
      'app.info': async () => ({ version: this.deps.version, shell: this.deps.shell, platform: this.deps.platform, demoUsers: demo === null ? [] : [...DemoUserSchema.options] }),
      'session.get': async () => this.state(),

      'account.status': async () => account.status(),
      'account.signIn': async (request) => {
        switch (request.method) {
          case 'demo': {
            if (demo === null) throw new CoreError('invalid_request', 'This build cannot start the demo server.', 'method');
            const urls = await demo.ensureStarted();
            await account.signIn({ kind: 'password', apiUrl: urls.apiUrl, dataApiUrl: urls.dataApiUrl, email: `${request.user}@demo.nevent.local`, password: 'demo', demo: true });
            break;
          }
          case 'password':
            await account.signIn({ kind: 'password', apiUrl: request.apiUrl, dataApiUrl: request.dataApiUrl ?? null, email: request.email, password: request.password, demo: false });
            preferences.updateSettings({ apiUrl: request.apiUrl, ...(request.dataApiUrl === undefined ? {} : { dataApiUrl: request.dataApiUrl }) });
            break;
          case 'token':
            await account.signIn({ kind: 'token', apiUrl: request.apiUrl, dataApiUrl: request.dataApiUrl ?? null, accessToken: request.accessToken, refreshToken: request.refreshToken ?? null });
            preferences.updateSettings({ apiUrl: request.apiUrl, ...(request.dataApiUrl === undefined ? {} : { dataApiUrl: request.dataApiUrl }) });
            break;
          default:
            return missingCaseError(request);
        }
        this.onSessionsChange();
        return account.status();
      },
      'account.signOut': async () => {
        this.signingOut = true;
        try {
          await account.signOut();
        } finally {
          this.signingOut = false;
        }
        this.lastSwitchError = null;
        this.onAccountChange();
        return account.status();
      },

      'tenants.list': async () => {
        const desktop = this.requireDesktop();
        const view = await desktop.listTenants();
        if (sessions.desktop()?.id === desktop.id) this.cacheTenants(desktop, view);
        return { ...view, tenants: view.tenants.map(tenantView), ...preferences.shortcuts(account.status().user?.id ?? null) };
      },
      'tenants.switch': async ({ tenantId }) => this.desktopSwitch((desktop) => desktop.switchTenant(tenantId)),
      'tenants.reset': async () => this.desktopSwitch((desktop) => desktop.resetTenant()),
      'tenants.pin': async ({ tenantId }) => {
        const userId = this.requireUserId();
        const shortcuts = preferences.setPinned(userId, await this.tenantRef(tenantId), true);
        this.publish();
        return shortcuts;
      },
      'tenants.unpin': async ({ tenantId }) => {
        const userId = this.requireUserId();
        const known = preferences.shortcuts(userId).pinned.find((t) => t.id === tenantId) ?? { id: tenantId, name: tenantId };
        const shortcuts = preferences.setPinned(userId, known, false);
        this.publish();
        return shortcuts;
      },
      'tenants.recent': async () => preferences.shortcuts(account.status().user?.id ?? null),

      'segments.list': async ({ expectedTenantId, ...query }) => {
        const scoped = await this.desktopIn(expectedTenantId).listSegments(query);
        return { segments: scoped.value.segments.map(segmentView), nextCursor: scoped.value.nextCursor, tenantId: scoped.tenantId };
      },
      'segments.get': async ({ segmentId, expectedTenantId }) => {
        const scoped = await this.desktopIn(expectedTenantId).getSegment(segmentId);
        return { segment: segmentView(scoped.value), tenantId: scoped.tenantId };
      },
      'segments.create': async ({ expectedTenantId, ...input }) => {
        const scoped = await this.desktopIn(expectedTenantId).createSegment(input);
        return { segment: segmentView(scoped.value), tenantId: scoped.tenantId };
      },
      'segments.update': async ({ segmentId, expectedTenantId, baseRevision, ...input }) => {
        const scoped = await this.desktopIn(expectedTenantId).updateSegment(segmentId, input, { baseRevision });
        return { segment: segmentView(scoped.value), tenantId: scoped.tenantId };
      },
      'segments.preview': async ({ definition, expectedTenantId }) => {
        const scoped = await this.desktopIn(expectedTenantId).previewSegment(definition);
        return { estimated_fan_count: scoped.value.estimated_fan_count, sample_fans: scoped.value.sample_fans.map(sampleFanView), tenantId: scoped.tenantId };
      },
      'segments.criteria': async ({ expectedTenantId }) => {
        const scoped = await this.desktopIn(expectedTenantId).segmentationCriteria();
        return { criteria: scoped.value, tenantId: scoped.tenantId };
      },

      'mcp.status': async () => bridge.status(),
      'mcp.sessions': async () => this.sessionList(),
      'mcp.moveSession': async ({ sessionId, tenantId }) => {
        const target = sessions.list().find((s) => s.id === sessionId);
        if (target === undefined) throw new CoreError('not_found', `No connected session ${sessionId}.`, 'sessionId');
        if (target.kind !== 'mcp') throw new CoreError('invalid_request', 'Only MCP sessions can be moved; switch the desktop from the tenant picker.', 'sessionId');
        const outcome = await sessions.move(sessionId, tenantId);
        this.onSessionsChange();
        return outcome;
      },
      'mcp.audit': async (query) => queryAudit(bridge.auditEntries(), query),
      'mcp.getMode': async () => ({ mode: mode.get() }),
      'mcp.setMode': async ({ mode: next }) => {
        mode.set(next);
        preferences.updateSettings({ operationMode: next });
        this.publish();
        return { mode: mode.get() };
      },
      'mcp.clients': async () => clientConfig.list(),
      'mcp.clientConfigPreview': async ({ client }) => clientConfig.preview(client),
      'mcp.clientConfigWrite': async ({ client }) => clientConfig.write(client),

      // ── MCP over loopback HTTP (issue 11): one block, to move as a whole when this file is split ──
      'mcp.httpStatus': async () => this.mcpHttp().status(),
      'mcp.httpEnable': async ({ enabled }) => this.mcpHttp().setEnabled(enabled),
      // The bridge token crosses IPC this once, to be shown; it is ours, never a Nevent token.
      'mcp.httpCreateToken': async () => this.mcpHttp().createToken(),
      'mcp.httpRevokeToken': async () => this.mcpHttp().revokeToken(),
      // ── end of the MCP HTTP block ──

      'settings.get': async () => ({ ...preferences.settings(), operationMode: mode.get() }),
      'settings.update': async (update) => {
        if (update.operationMode !== undefined) mode.set(update.operationMode);
        preferences.updateSettings(update);
        this.publish();
        return { ...preferences.settings(), operationMode: mode.get() };
      },
    };
  }
}
