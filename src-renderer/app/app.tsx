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
import { Text } from '../i18n/text';
import { useWords } from '../i18n/use-words';
import type { MainView } from '../stores/ui-store';
import type { MessageId } from '../../src-shared/i18n/catalog';
import { useAppState, useCommands, useDesktopSwitchingTo, useDisconnected, useSetUi, useUi } from './app-context';
import { usePageTitle } from './page-title';

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

  if (!loaded) return <Splash disconnected={disconnected} />;
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

function Splash(props: { disconnected: boolean }): ReactNode {
  const t = useWords();
  usePageTitle(null);
  return (
    <main className="splash">
      <p role={props.disconnected ? 'alert' : 'status'}>{props.disconnected ? t('app.unreachable') : t('app.connecting')}</p>
    </main>
  );
}

// Choosing is a switch, to the current tenant too: main then records the choice.
function FirstPicker(): ReactNode {
  const t = useWords();
  const commands = useCommands();
  const busy = useDesktopSwitchingTo() !== null;
  const failure = useAppState((a) => a?.desktop.lastSwitchError ?? null);
  const email = useAppState((a) => a?.account.user?.email ?? '');
  const title = t('picker.chooseTitle');
  usePageTitle(title);
  return (
    <main className="picker-screen">
      <div className="picker-card">
        <OrgPicker title={title} onChoose={(id) => void commands.switchTenant(id)} busy={busy} failure={failure} />
        <p className="picker-footer muted small">
          <span>
            <Text id="picker.signedInAs" values={{ email }} />
          </span>
          <button type="button" className="link" onClick={() => void commands.signOut()}>
            {t('account.signOut')}
          </button>
        </p>
      </div>
    </main>
  );
}

const views: { id: MainView; label: MessageId }[] = [
  { id: 'segments', label: 'nav.segments' },
  { id: 'mcp', label: 'nav.mcp' },
  { id: 'settings', label: 'nav.settings' },
];

function MainWindow(): ReactNode {
  const t = useWords();
  const commands = useCommands();
  const setUi = useSetUi();
  const view = useUi((s) => s.view);
  const pickerOpen = useUi((s) => s.pickerOpen);
  // main's own reason (English, from the keychain) goes inside the sentence.
  const detail = useAppState((a) => a?.account.notice ?? null);
  const keychainMissing = useAppState((a) => a !== null && !a.account.demo && !a.account.remembered && a.account.keychain === 'unavailable');
  const notice = detail !== null ? t('app.notRememberedBecause', { reason: detail }) : keychainMissing ? t('app.notRemembered') : null;
  const tenantName = useAppState((a) => a?.desktop.activeTenant?.name ?? a?.desktop.activeTenant?.id ?? null);
  const viewLabel = t(views.find((v) => v.id === view)?.label ?? 'nav.segments');
  usePageTitle(tenantName === null ? viewLabel : t('app.pageTitle', { view: viewLabel, tenant: tenantName }));
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
      <nav className="app-nav" aria-label={t('nav.label')}>
        {views.map((v) => (
          <button key={v.id} type="button" className={`nav-tab${view === v.id ? ' current' : ''}`} aria-current={view === v.id ? 'page' : undefined} onClick={() => setUi({ view: v.id })}>
            {t(v.label)}
            {v.id === 'mcp' && sessionCount > 0 ? (
              <span className="count-pill" aria-label={t('nav.connectedCount', { count: sessionCount })}>
                {sessionCount}
              </span>
            ) : null}
          </button>
        ))}
        <span className="nav-spacer" />
        <AccountMenu />
      </nav>
      {notice && !noticeHidden ? (
        <div className="banner info app-notice" role="status">
          <span>{notice}</span>
          <button type="button" className="link" onClick={() => setNoticeHidden(true)}>
            {t('common.dismiss')}
          </button>
        </div>
      ) : null}
      <main className="app-content">{content}</main>
      {pickerOpen ? (
        <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && commands.setPickerOpen(false)}>
          <div className="dialog" role="dialog" aria-modal="true" aria-label={t('picker.switchTitle')}>
            <OrgPicker
              title={t('picker.switchTitle')}
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
