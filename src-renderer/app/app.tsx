/**
 * The window's screens: connecting → sign-in → org-picker (several tenants, once per sign-in) → the app
 * (active-tenant header, views). Single-tenant mode skips the picker (AuthVital seed). Over every screen:
 * the keyboard shortcuts (`?`) and the question that guards unsaved edits.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { AppInfo } from '../../src-shared/ipc';
import { missingCaseError } from '../../src-shared/missing-case';
import { AccountMenu } from '../features/account/account-menu';
import { ConnectionBanner, useOffline } from '../features/connection/connection-banner';
import { ActiveTenantHeader } from '../features/header/active-tenant-header';
import { KeyboardShortcutsDialog } from '../features/help/keyboard-shortcuts-dialog';
import { UnsavedEditsDialog, useUnloadGuard } from '../features/segments/unsaved-edits-dialog';
import { McpPanel } from '../features/mcp/mcp-panel';
import { ModalDialog } from '../components/modal-dialog';
import { ariaKeys, isQuickSwitchKey, isShortcutsKey, viewForKey, viewOrder } from '../lib/keyboard-shortcuts';
import { useKeyLabels } from '../i18n/use-key-labels';
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
  const commands = useCommands();
  const theme = useUi((s) => s.theme);
  const shortcutsOpen = useUi((s) => s.shortcutsOpen);
  const pendingLeave = useUi((s) => s.pendingLeave !== null);
  // A browser tab (`serve`) asks through the browser before it closes with unsaved edits; the desktop
  // shell asks itself (it knows through ui.setUnsavedEdits), so the window must not block its close.
  useUnloadGuard(props.info?.shell === 'serve');
  // `?` lists the shortcuts from any screen (not while typing, where it is a character).
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!isShortcutsKey(event) || document.querySelector('dialog[open]') !== null) return;
      event.preventDefault();
      commands.setShortcutsOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands]);
  // `system` leaves it to the OS (prefers-color-scheme); light and dark override it (base.css).
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <>
      {/* While the core is unreachable the screen below is inert: the banner is the page's main content. */}
      {offline ? (
        <main className="connection-main">
          <ConnectionBanner />
        </main>
      ) : null}
      <div className={`screen${offline ? ' offline' : ''}`} inert={offline}>
        <Screen info={props.info} />
      </div>
      {shortcutsOpen && !offline ? <KeyboardShortcutsDialog shell={props.info?.shell ?? 'serve'} onClose={() => commands.setShortcutsOpen(false)} /> : null}
      {pendingLeave && !offline ? <UnsavedEditsDialog /> : null}
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
        <OrgPicker title={title} headingLevel={1} onChoose={(id) => void commands.switchTenant(id)} busy={busy} failure={failure} />
        <p className="picker-footer muted small">
          <span>
            <Text id="picker.signedInAs" values={{ email }} />
          </span>
          <button type="button" className="link" onClick={() => commands.whenEditsMayGo('signOut', () => void commands.signOut())}>
            {t('account.signOut')}
          </button>
        </p>
      </div>
    </main>
  );
}

const viewLabels: Record<MainView, MessageId> = { segments: 'nav.segments', mcp: 'nav.mcp', settings: 'nav.settings' };
// In the order Ctrl+1, Ctrl+2, Ctrl+3 open them.
const views = viewOrder.map((id) => ({ id, label: viewLabels[id] }));

function MainWindow(): ReactNode {
  const t = useWords();
  const keys = useKeyLabels();
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

  // Ctrl+K (⌘K) opens the quick switch, Ctrl+1…3 (⌘1…3) the tabs, from anywhere in the window but a dialog.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (document.querySelector('dialog[open]') !== null) return;
      if (isQuickSwitchKey(e) && tenantCount > 1) {
        e.preventDefault();
        commands.setPickerOpen(true);
        return;
      }
      const next = viewForKey(e);
      if (next !== null) {
        e.preventDefault();
        setUi({ view: next });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands, setUi, tenantCount]);

  // The segments view stays mounted under the other tabs: an editor open there keeps what was typed.
  let other: ReactNode;
  switch (view) {
    case 'segments':
      other = null;
      break;
    case 'mcp':
      other = <McpPanel />;
      break;
    case 'settings':
      other = <SettingsView />;
      break;
    default:
      return missingCaseError(view);
  }

  return (
    <div className="app-shell">
      <ActiveTenantHeader />
      <nav className="app-nav" aria-label={t('nav.label')}>
        {views.map((v, i) => (
          <button
            key={v.id}
            type="button"
            className={`nav-tab${view === v.id ? ' current' : ''}`}
            aria-current={view === v.id ? 'page' : undefined}
            aria-keyshortcuts={ariaKeys(String(i + 1), keys.mac)}
            title={t('nav.tabHint', { view: t(v.label), key: keys.chord([{ mod: true }, { glyph: String(i + 1) }]) })}
            onClick={() => setUi({ view: v.id })}
          >
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
      <main className="app-content">
        <div className="view-frame" hidden={view !== 'segments'}>
          <SegmentsView />
        </div>
        {other}
      </main>
      {pickerOpen ? (
        <ModalDialog className="picker-dialog" labelledBy="switch-dialog-title" onClose={() => commands.setPickerOpen(false)}>
          <OrgPicker
            title={t('picker.switchTitle')}
            titleId="switch-dialog-title"
            onChoose={(id) => {
              commands.setPickerOpen(false);
              if (id !== activeId) commands.whenEditsMayGo('switchTenant', () => void commands.switchTenant(id));
            }}
            onCancel={() => commands.setPickerOpen(false)}
          />
        </ModalDialog>
      ) : null}
    </div>
  );
}
