/**
 * What follows from the core's events for the desktop, and nothing else: the core's changes become
 * store events, and a change of the desktop's session or tenant starts the loads and notes that depend
 * on it. Handlers never do these themselves, so each happens once, whatever caused the change (window,
 * tray, palette, org-picker, a refresh answered in another tenant).
 *
 *   account / sessions / bridge / mode / preferences ──> store.dispatch      audit entries ──> mcp.onDidAppendAudit
 *   store: new desktop session ──> tenants loaded once (names for the header, the tray, recent)
 *          new desktop tenant  ──> recent tenants + "Switched to" + segments and criteria loaded
 *   sign-in ended by itself    ──> "Signed out" notification      any session wrote a segment ──> pushed
 */
import type { AppErrorData } from '../../src-shared/errors';
import type { AppNotification, TenantShortcuts } from '../../src-shared/ipc';
import { isSignedIn } from '../../src-shared/account-machine';
import type { PreferenceSettings } from '../../src-shared/desktop-state';
import { noticeText, type NoticeCode, type NoticeParams } from '../../src-shared/i18n/notices';
import { createTranslator } from '../../src-shared/i18n/translator';
import type { Segment } from '../../src-shared/api';
import { CoreError, type TenantSession, type TenantsView } from '../core/tenant-session';
import { toErrorData } from '../core/error-data';
import type { DesktopStore, DesktopUpdate } from './desktop-store';
import type { EventHub } from './event-hub';
import type { OperationModeSetting } from './operation-mode-setting';
import type { AccountPort, BridgePort, SessionsPort } from './ports';
import type { Preferences } from './preferences';
import { preferenceSettings } from './settings-state';
import { criterionView, segmentView, tenantView } from './views';

const englishWords = createTranslator({ catalog: 'en', locale: 'en' });

/** Segments per page main reads for the window. */
export const desktopSegmentsPageSize = 200;
/** Pages main reads for the window at most (10,000 segments; the list says when there are more). */
export const desktopSegmentsMaxPages = 50;

/** What the effects follow and act on. */
export interface DesktopEffectsDeps {
  account: AccountPort;
  sessions: SessionsPort;
  bridge: BridgePort;
  mode: OperationModeSetting;
  preferences: Preferences;
  /** Shown in the settings beside the saved folders (see settings-state.ts). */
  environmentUploadFolders: readonly string[];
  store: DesktopStore;
  events: EventHub;
  now: () => Date;
  logInternal: (what: string, error: unknown) => void;
}

interface TenantsLoad {
  sessionId: string;
  promise: Promise<TenantsView>;
}

/** The desktop's effects; `start` subscribes, `dispose` stops. */
export class DesktopEffects {
  private readonly unsubscribers: Array<() => void> = [];
  private tenantsLoad: TenantsLoad | null = null;
  private tenantsView: { sessionId: string; view: TenantsView } | null = null;
  private notificationSeq = 0;

  constructor(private readonly deps: DesktopEffectsDeps) {}

  start(): void {
    const { account, sessions, bridge, mode, preferences, store } = this.deps;
    this.unsubscribers.push(
      store.onDidUpdate((update) => this.follow(update)),
      account.onDidChange(() => store.dispatch({ type: 'accountChanged', account: account.status() })),
      account.onDidSignOut((reason) => {
        if (reason === 'refresh_refused') this.notify('warning', 'signedOut', {});
      }),
      sessions.onDidChange(() => store.dispatch({ type: 'sessionsChanged', sessions: sessions.list() })),
      sessions.onDidWriteSegment(({ tenantId, segment }) => store.dispatch({ type: 'segmentWritten', tenantId, segment: segmentView(segment) })),
      bridge.onDidChange(() => store.dispatch({ type: 'bridgeChanged', bridge: bridge.status() })),
      // Audit entries are a stream, not state: each goes out once, as it is appended.
      bridge.onDidAppendAudit((entry) => this.deps.events.emit('mcp.onDidAppendAudit', entry)),
      // The mode goes into the store once; the store shows it in the app state and the settings.
      mode.onDidChange((change) => {
        store.dispatch({ type: 'modeChanged', mode: change.mode });
        bridge.recordModeChange(change);
      }),
      // Every window gets the settings after a change, whoever made it (a hand edit of the file included).
      preferences.onDidChange(() => {
        store.dispatch({ type: 'shortcutsChanged', shortcuts: this.shortcuts() });
        store.dispatch({ type: 'settingsChanged', settings: this.settings() });
      }),
      // A hand edit of the settings file changes the mode like the panel does (and is audited the same).
      preferences.onDidEditSavedMode((saved) => mode.set(saved, 'settings file')),
    );
    // Whatever happened before `start` (a restored sign-in): catch up once.
    store.dispatch({ type: 'accountChanged', account: account.status() });
    store.dispatch({ type: 'settingsChanged', settings: this.settings() });
    store.dispatch({ type: 'sessionsChanged', sessions: sessions.list() });
  }

  /** The preferences' settings now. */
  private settings(): PreferenceSettings {
    return preferenceSettings({ preferences: this.deps.preferences, environmentUploadFolders: this.deps.environmentUploadFolders });
  }

  dispose(): void {
    for (const off of this.unsubscribers.splice(0)) off();
  }

  /** The user's recent and pinned tenants now. */
  shortcuts(): TenantShortcuts {
    return this.deps.preferences.shortcuts(this.deps.account.status().user?.id ?? null);
  }

  /**
   * The desktop's tenants: loaded once per desktop session and shared by everyone who asks meanwhile
   * (the window's picker, the tray, a pin). `fresh` asks the API again.
   */
  tenants(fresh = false): Promise<TenantsView> {
    const desktop = this.deps.sessions.desktop();
    if (desktop === null) return Promise.reject(new CoreError('signed_out', 'Sign in first.'));
    if (!fresh && this.tenantsView?.sessionId === desktop.id) return Promise.resolve(this.tenantsView.view);
    if (!fresh && this.tenantsLoad?.sessionId === desktop.id) return this.tenantsLoad.promise;
    const promise = desktop.listTenants().then((view) => {
      // Kept only while the same desktop session is there (not after a sign-out or a new sign-in).
      if (this.deps.sessions.desktop()?.id === desktop.id) {
        this.tenantsView = { sessionId: desktop.id, view };
        this.deps.store.dispatch({ type: 'tenantsLoaded', tenants: { sessionId: desktop.id, tenants: view.tenants.map(tenantView), role: view.role } });
      }
      return view;
    });
    const load: TenantsLoad = { sessionId: desktop.id, promise };
    this.tenantsLoad = load;
    void promise.catch(() => undefined).finally(() => {
      if (this.tenantsLoad === load) this.tenantsLoad = null;
    });
    return promise;
  }

  /** The tenants as last loaded for the current desktop session (the tray), or null. */
  cachedTenants(): TenantsView | null {
    const desktop = this.deps.sessions.desktop();
    return desktop !== null && this.tenantsView?.sessionId === desktop.id ? this.tenantsView.view : null;
  }

  /** Loads the desktop tenant's segments and criteria again (a Retry); resolves when both answered. */
  reloadSegments(): Promise<void> {
    const tenantId = this.deps.store.model.segments.tenantId;
    if (tenantId === null) return Promise.resolve();
    this.deps.store.dispatch({ type: 'segmentsReloading', tenantId });
    return this.loadSegments(tenantId);
  }

  private follow({ previous, model }: DesktopUpdate): void {
    const desktop = model.desktop;
    if (!isSignedIn(model.state.account.state) || desktop === null) {
      if (previous.desktop !== null) this.tenantsView = null;
      return;
    }
    const newSession = previous.desktop?.id !== desktop.id;
    if (newSession) void this.tenants().catch((error: unknown) => this.deps.logInternal('tenants.load', error));
    const tenantChanged = newSession || previous.desktop?.activeTenantId !== desktop.activeTenantId;
    if (tenantChanged && !newSession && desktop.activeTenantId !== null) {
      const tenant = this.tenantName(desktop.activeTenantId) ?? desktop.activeTenantId;
      this.notify('success', 'switched', desktop.role === null ? { tenant } : { tenant, role: desktop.role });
    }
    // Recent tenants keep the API's name: written once the name is known (now, or when the list arrives).
    const namesArrived = model.tenants !== previous.tenants && model.tenants !== null;
    if ((tenantChanged || namesArrived) && desktop.activeTenantId !== null) this.rememberRecent(desktop.activeTenantId);
    if (model.segments.tenantId !== previous.segments.tenantId && model.segments.tenantId !== null) void this.loadSegments(model.segments.tenantId);
  }

  /** The person cancelled the desktop's switch: say where the desktop still is. */
  switchCancelled(): void {
    const tenantId = this.deps.store.model.desktop?.activeTenantId ?? null;
    this.notify('info', 'switchCancelled', { tenant: tenantId === null ? '' : (this.tenantName(tenantId) ?? tenantId) });
  }

  private tenantName(tenantId: string): string | null {
    return this.deps.store.model.tenants?.tenants.find((t) => t.id === tenantId)?.name ?? null;
  }

  private rememberRecent(tenantId: string): void {
    const userId = this.deps.account.status().user?.id;
    const name = this.tenantName(tenantId);
    if (userId === undefined || name === null) return;
    this.deps.preferences.touchRecent(userId, { id: tenantId, name });
  }

  /** Loads the first page of segments and the criteria of `tenantId` into the store (late answers are dropped there). */
  private async loadSegments(tenantId: string): Promise<void> {
    const desktop = this.deps.sessions.desktop();
    if (desktop === null) return;
    const { store } = this.deps;
    const failure = (error: unknown): AppErrorData => toErrorData(error, { onUnexpected: (cause) => this.deps.logInternal('segments.load', cause) });
    await Promise.all([
      everySegment(desktop).then(
        (loaded) => store.dispatch({ type: 'segmentsLoaded', tenantId: loaded.tenantId, segments: loaded.segments.map(segmentView), more: loaded.more }),
        (error: unknown) => store.dispatch({ type: 'segmentsFailed', tenantId, error: failure(error) }),
      ),
      desktop.segmentationCriteria().then(
        (scoped) => store.dispatch({ type: 'criteriaLoaded', tenantId: scoped.tenantId, criteria: scoped.value.map(criterionView) }),
        (error: unknown) => store.dispatch({ type: 'criteriaFailed', tenantId, error: failure(error) }),
      ),
    ]);
  }

  private notify<C extends NoticeCode>(level: AppNotification['level'], code: C, params: NoticeParams[C]): void {
    this.notificationSeq += 1;
    // The English words ride along for logs; the window and the OS notification word the code themselves.
    const english = noticeText(englishWords, { code, params, title: '', body: '' });
    const note: AppNotification = { id: `n${this.notificationSeq}`, level, code, params, title: english.title, body: english.body, at: this.deps.now().toISOString() };
    // After the state it talks about is published (the store publishes at the end of this turn).
    queueMicrotask(() => this.deps.events.emit('notifications.onDidNotify', note));
  }
}

/**
 * Every segment of the desktop's tenant, page after page (the window searches what it holds): the walk
 * follows the core's cursors, which reach every segment exactly once even when the API does not page
 * (src-main/core/list-pager.ts), and stops at `desktopSegmentsMaxPages`.
 */
async function everySegment(desktop: Pick<TenantSession, 'listSegments'>): Promise<{ tenantId: string; segments: Segment[]; more: boolean }> {
  const segments: Segment[] = [];
  let cursor: string | undefined;
  let tenantId = '';
  for (let page = 0; page < desktopSegmentsMaxPages; page += 1) {
    const scoped = await desktop.listSegments({ limit: desktopSegmentsPageSize, ...(cursor === undefined ? {} : { cursor }) });
    tenantId = scoped.tenantId;
    segments.push(...scoped.value.segments);
    if (scoped.value.nextCursor === null) return { tenantId, segments, more: false };
    cursor = scoped.value.nextCursor;
  }
  return { tenantId, segments, more: true };
}
