/**
 * Start-up wiring, done once in the composition root: main's pushes feed the mirrored stores, and the
 * window reads what main holds once at start (and after a reconnect). Components never subscribe to
 * the bridge. Nothing here reads state again after a push: what changed is in the push.
 *
 *   session.onDidChange ──> app store ──(another account)──> tenant list (read once per account)
 *                                    └─(another desktop tenant)──> an open editor closes (nothing saved)
 *   mcp.onDidChangeSessions ──> sessions store     segments.onDidChange ──> segments store
 *   mcp.onDidAppendAudit ──> audit store            notifications.onDidNotify ──> notices
 *   settings.onDidChange ──> ui store (theme, upload folders)
 *   connection (serve's page) ──> connection store ──(back after a gap)──> audit page read again
 *
 * After a reconnect the event stream starts with main's snapshots (app, sessions, segments); audit
 * entries and settings changed during the gap were never pushed, so those two are read again.
 */
import { isSignedIn } from '../../src-shared/account-machine';
import type { AppNotification, AppState, ConnectionSource, NeventBridge } from '../../src-shared/ipc';
import { applyAppState } from '../stores/app-state-store';
import { appendLiveAudit } from '../stores/audit-store';
import { applySegments } from '../stores/segments-store';
import { applySessions } from '../stores/sessions-store';
import { applySettings } from '../stores/ui-store';
import type { Stores } from '../stores/stores';
import type { Commands } from './commands';

/** How many window notices are kept. */
const maxNotices = 4;

/** Subscribes the stores to the bridge; returns the function that undoes it. */
export function wireStores(bridge: NeventBridge, stores: Stores, commands: Commands, connection: ConnectionSource | null = null): () => void {
  const unsubscribers = [
    bridge.session.onDidChange((state) => applyAppState(stores.app, state)),
    bridge.mcp.onDidChangeSessions((list) => applySessions(stores.sessions, list)),
    bridge.segments.onDidChange((segments) => applySegments(stores.segments, segments)),
    bridge.mcp.onDidAppendAudit((entry) => appendLiveAudit(stores.audit, entry)),
    bridge.notifications.onDidNotify((notice) => stores.ui.setState((ui) => ({ notices: [notice, ...ui.notices].slice(0, maxNotices) }))),
    bridge.ui.onDidRequestQuickSwitch(() => stores.ui.setState({ pickerOpen: true })),
    bridge.settings.onDidChange((settings) => applySettings(stores.ui, settings)),
  ];

  if (connection !== null) {
    stores.connection.setState({ state: connection.state() });
    unsubscribers.push(
      connection.onDidChange((state) => {
        const lost = stores.connection.getState().state === 'reconnecting';
        stores.connection.setState({ state });
        if (state === 'connected' && lost) {
          void commands.loadAudit(stores.audit.getState().query);
          // A settings change during the gap was pushed to nobody: read them again.
          void commands.getSettings();
        }
      }),
    );
  }

  let accountId: string | null = null;
  let tenantId: string | null = null;
  let previousTenantName: string | null = null;
  const react = (app: AppState | null): void => {
    const nextAccount = app !== null && isSignedIn(app.account.state) ? (app.account.user?.id ?? null) : null;
    if (nextAccount !== accountId) {
      accountId = nextAccount;
      if (nextAccount === null) commands.clearTenants();
      else void commands.loadTenants(nextAccount);
    }
    const nextTenant = app?.desktop.activeTenant?.id ?? null;
    if (nextTenant !== tenantId) {
      const previousName = previousTenantName;
      tenantId = nextTenant;
      // Whatever was open belonged to the previous tenant; an open editor must not save into the new one.
      const pane = stores.ui.getState().segmentPane;
      if (pane.mode === 'create' || pane.mode === 'edit') {
        // Worded by its code where it is shown (the window's language); no English copy is needed here.
        const notice: AppNotification = { id: `editor-closed-${Date.now()}`, level: 'warning', code: 'editorClosed', params: { tenant: previousName ?? '' }, title: '', body: '', at: new Date().toISOString() };
        stores.ui.setState((ui) => ({ notices: [notice, ...ui.notices].slice(0, maxNotices) }));
      }
      stores.ui.setState({ segmentPane: { mode: 'none' } });
    }
    previousTenantName = app?.desktop.activeTenant?.name ?? app?.desktop.activeTenant?.id ?? null;
  };
  unsubscribers.push(stores.app.subscribe((state) => react(state.app)));
  void commands.loadInitialState();
  void commands.loadAudit({});

  return () => {
    for (const off of unsubscribers) off();
  };
}
