/**
 * Start-up wiring, done once in the composition root: bridge events feed the mirrored stores, and a
 * change of account or active tenant reloads what depends on it. Components never subscribe to the bridge.
 *
 *   session.onDidChange ──> app store ──(account changed)──> tenants, sessions, audit reload
 *                                    └─(active tenant changed)──> segments + criteria reload
 *   mcp.onDidChangeSessions ──> sessions store (versioned)     mcp.onDidAppendAudit ──> audit store
 */
import type { AppState, NeventBridge } from '../../src-shared/ipc';
import { applyAppState } from '../stores/app-state-store';
import { appendLiveAudit } from '../stores/audit-store';
import { applySessions } from '../stores/sessions-store';
import type { Stores } from '../stores/stores';
import type { Commands } from './commands';

/** How many window notices are kept. */
const maxNotices = 4;

/** Subscribes the stores to the bridge; returns the function that undoes it. */
export function wireStores(bridge: NeventBridge, stores: Stores, commands: Commands): () => void {
  const unsubscribers = [
    bridge.session.onDidChange((state) => applyAppState(stores.app, state)),
    bridge.mcp.onDidChangeSessions((list) => applySessions(stores.sessions, list)),
    bridge.mcp.onDidAppendAudit((entry) => appendLiveAudit(stores.audit, entry)),
    bridge.notifications.onDidNotify((notice) => stores.ui.setState((ui) => ({ notices: [notice, ...ui.notices].slice(0, maxNotices) }))),
    bridge.ui.onDidRequestQuickSwitch(() => stores.ui.setState({ pickerOpen: true })),
  ];

  let accountId: string | null = null;
  let tenantId: string | null = null;
  let previousTenantName: string | null = null;
  const react = (app: AppState | null): void => {
    const nextAccount = app?.account.state === 'signed_in' ? (app.account.user?.id ?? null) : null;
    if (nextAccount !== accountId) {
      accountId = nextAccount;
      if (nextAccount === null) {
        commands.clearTenants();
        stores.segments.setState(stores.segments.getInitialState());
      } else {
        void commands.loadTenants(nextAccount);
        void commands.loadSessions();
        void commands.loadAudit({});
      }
    }
    const nextTenant = app?.desktop.activeTenant?.id ?? null;
    if (nextTenant !== tenantId) {
      const previousName = previousTenantName;
      tenantId = nextTenant;
      previousTenantName = app?.desktop.activeTenant?.name ?? null;
      // Whatever was open belonged to the previous tenant; an open editor must not save into the new one.
      const pane = stores.ui.getState().segmentPane;
      if (pane.mode === 'create' || pane.mode === 'edit') {
        const notice = {
          id: `editor-closed-${Date.now()}`,
          level: 'warning' as const,
          title: 'Editor closed',
          body: `The desktop switched tenant while you were editing a segment${previousName ? ` in ${previousName}` : ''}; nothing was saved.`,
          at: new Date().toISOString(),
        };
        stores.ui.setState((ui) => ({ notices: [notice, ...ui.notices].slice(0, maxNotices) }));
      }
      stores.ui.setState({ segmentPane: { mode: 'none' } });
      if (nextTenant !== null) {
        void commands.loadSegments();
        void commands.loadCriteria();
      }
    }
  };
  unsubscribers.push(stores.app.subscribe((state) => react(state.app)));
  void commands.refreshAppState();

  return () => {
    for (const off of unsubscribers) off();
  };
}
