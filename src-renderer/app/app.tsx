/**
 * The window's screens: connecting → sign-in → org-picker (several tenants, once per sign-in) → the app
 * (active-tenant header, views). Single-tenant mode skips the picker (AuthVital seed).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AppInfo } from '../../src-shared/ipc';
import { missingCaseError } from '../../src-shared/errors';
import { AccountMenu } from '../features/account/account-menu';
import { ConnectionBanner, useOffline } from '../features/connection/connection-banner';
import { ActiveTenantHeader } from '../features/header/active-tenant-header';
import { McpPanel } from '../features/mcp/mcp-panel';
import { OrgPicker } from '../features/org-picker/org-picker';
import { SegmentsView } from '../features/segments/segments-view';
import { SettingsView } from '../features/settings/settings-view';
import { SignInScreen } from '../features/sign-in/sign-in-screen';
import type { MainView } from '../stores/ui-store';
import { useAppState, useCommands, useDesktopSwitchingTo, useDisconnected, useSetUi, useUi } from './app-context';

/** The root component: the connection banner over the current screen. */
export function App(props: { info: AppInfo | null }): ReactNode {
  const offline = useOffline();
  const theme = useUi((s) => s.theme);
  // `system` leaves it to the OS (prefers-color-scheme); light and dark override it (base.css).
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <>
      <ConnectionBanner />
      <div className={`screen${offline ? ' offline' : ''}`} inert={offline}>
        <Screen info={props.info} />
      </div>
    </>
  );
}

function Screen(props: { info: AppInfo | null }): ReactNode {
  const loaded = useAppState((a) => a !== null);
  const disconnected = useDisconnected();
  const accountState = useAppState((a) => a?.account.state ?? 'signedOut');
  const accountId = useAppState((a) => a?.account.user?.id ?? null);

  if (!loaded) {
    return (
      <main className="splash">
        <p role={disconnected ? 'alert' : 'status'}>{disconnected ? 'Cannot reach Nevent Companion. Is it still running?' : 'Connecting…'}</p>
      </main>
    );
  }
  // The screen is main's account state, as it is (single-tenant users never reach `choosingTenant`).
  switch (accountState) {
    case 'signedOut':
    case 'signingIn':
      return <SignInScreen info={props.info} />;
    case 'choosingTenant':
      return accountId === null ? <SignInScreen info={props.info} /> : <FirstPicker />;
    case 'active':
      return accountId === null ? <SignInScreen info={props.info} /> : <MainWindow />;
    default:
      return missingCaseError(accountState);
  }
}

// Choosing is a switch, to the current tenant too: main then records the choice.
function FirstPicker(): ReactNode {
  const commands = useCommands();
  const busy = useDesktopSwitchingTo() !== null;
  const failure = useAppState((a) => a?.desktop.lastSwitchError?.message ?? null);
  const email = useAppState((a) => a?.account.user?.email ?? '');
  return (
    <main className="picker-screen">
      <div className="picker-card">
        <OrgPicker title="Choose an organization" onChoose={(id) => void commands.switchTenant(id)} busy={busy} failure={failure} />
        <p className="picker-footer muted small">
          Signed in as {email}
          <button type="button" className="link" onClick={() => void commands.signOut()}>
            Sign out
          </button>
        </p>
      </div>
    </main>
  );
}

const views: { id: MainView; label: string }[] = [
  { id: 'segments', label: 'Segments' },
  { id: 'mcp', label: 'MCP' },
  { id: 'settings', label: 'Settings' },
];

function MainWindow(): ReactNode {
  const commands = useCommands();
  const setUi = useSetUi();
  const view = useUi((s) => s.view);
  const pickerOpen = useUi((s) => s.pickerOpen);
  const notice = useAppState((a) => a?.account.notice ?? (a && !a.account.demo && !a.account.remembered && a.account.keychain === 'unavailable' ? 'No secret service is available: you are signed in for now, but the sign-in will not be remembered after you quit.' : null));
  const sessionCount = useAppState((a) => a?.bridge.sessionCount ?? 0);
  const tenantCount = useAppState((a) => a?.tenants.count ?? 0);
  const activeId = useAppState((a) => a?.desktop.activeTenant?.id ?? null);
  const [noticeHidden, setNoticeHidden] = useState(false);

  // The dialog gives focus back to where it was opened from (the Switch button, or wherever Ctrl+K was pressed).
  const returnFocus = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (pickerOpen) returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    else if (returnFocus.current) {
      returnFocus.current.focus();
      returnFocus.current = null;
    }
  }, [pickerOpen]);

  // Ctrl/Cmd+K opens the quick switch from anywhere in the window.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k' && tenantCount > 1) {
        e.preventDefault();
        commands.setPickerOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands, tenantCount]);

  let content: ReactNode;
  switch (view) {
    case 'segments':
      content = <SegmentsView />;
      break;
    case 'mcp':
      content = <McpPanel />;
      break;
    case 'settings':
      content = <SettingsView />;
      break;
    default:
      return missingCaseError(view);
  }

  return (
    <div className="app-shell">
      <ActiveTenantHeader />
      <nav className="app-nav" aria-label="Views">
        {views.map((v) => (
          <button key={v.id} type="button" className={`nav-tab${view === v.id ? ' current' : ''}`} aria-current={view === v.id ? 'page' : undefined} onClick={() => setUi({ view: v.id })}>
            {v.label}
            {v.id === 'mcp' && sessionCount > 0 ? <span className="count-pill" aria-label={`${sessionCount} connected`}>{sessionCount}</span> : null}
          </button>
        ))}
        <span className="nav-spacer" />
        <AccountMenu />
      </nav>
      {notice && !noticeHidden ? (
        <div className="banner info app-notice" role="status">
          <span>{notice}</span>
          <button type="button" className="link" onClick={() => setNoticeHidden(true)}>
            Dismiss
          </button>
        </div>
      ) : null}
      <main className="app-content">{content}</main>
      {pickerOpen ? (
        <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && commands.setPickerOpen(false)}>
          <div className="dialog" role="dialog" aria-modal="true" aria-label="Switch tenant">
            <OrgPicker
              title="Switch tenant"
              onChoose={(id) => {
                commands.setPickerOpen(false);
                if (id !== activeId) void commands.switchTenant(id);
              }}
              onCancel={() => commands.setPickerOpen(false)}
            />
          </div>
        </div>
      ) : null}
    </div>
  );
}
