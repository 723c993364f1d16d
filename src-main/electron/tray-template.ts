/**
 * The tray menu as data, built by a pure function from the app state (unit-tested without Electron;
 * tray.ts turns it into an Electron Menu). Layout:
 *
 * Every label comes from the catalogs, in the language the tray speaks (docs/i18n.md).
 *
 *   Acme East · Owner                (header: active tenant, or "Not signed in" / "Switching…")
 *   ─────
 *   Pinned: ✓Acme East, Acme West    (quick switch; the active one checked)
 *   Recent: …                        (recent minus pinned, at most five)
 *   Switch tenant…   Ctrl+Shift+K    (quick-switch palette; without the accelerator, and a line
 *                                     saying so, when the global shortcut could not be bound)
 *   Back to home tenant              (when away from home)
 *   ─────
 *   AI sessions: 2 connected         (or the bridge's problem)
 *   ─────
 *   Open Nevent Companion
 *   Quit Nevent Companion
 */
import type { AppState, TenantRef } from '../../src-shared/ipc';
import { isSignedIn } from '../../src-shared/account-machine';
import { missingCaseError } from '../../src-shared/missing-case';
import type { MessageId } from '../../src-shared/i18n/catalog';
import type { Translator } from '../../src-shared/i18n/translator';
import { roleText } from '../../src-shared/i18n/words';

/** What a tray item does when clicked. */
export type TrayAction =
  | { type: 'switch'; tenantId: string }
  | { type: 'reset' }
  | { type: 'quickSwitch' }
  | { type: 'open' }
  | { type: 'quit' };

/** One tray menu entry. */
export type TrayMenuItem =
  | { kind: 'item'; label: string; enabled: boolean; checked?: boolean; accelerator?: string; action?: TrayAction }
  | { kind: 'header'; label: string }
  | { kind: 'separator' };

/** The tray: tooltip and menu. */
export interface TrayTemplate {
  tooltip: string;
  items: TrayMenuItem[];
}

/** Recent tenants shown in the tray. */
export const trayRecentLimit = 5;

/** The global shortcut that opens the quick-switch palette (Electron accelerator syntax). */
export const quickSwitchAccelerator = 'CommandOrControl+Shift+K';

function sessionsLine(t: Translator, state: AppState): string {
  const bridge = state.bridge;
  switch (bridge.state) {
    case 'listening':
      return t.formatMessage({ id: 'tray.sessions' }, { count: bridge.sessionCount });
    case 'starting':
      return t.formatMessage({ id: 'tray.bridgeStarting' });
    case 'stopped':
      return t.formatMessage({ id: 'tray.bridgeStopped' });
    case 'error':
      // The bridge's own words (a path, an OS error) inside the sentence.
      return bridge.error === null ? t.formatMessage({ id: 'tray.bridgeFailed' }) : t.formatMessage({ id: 'tray.bridgeError' }, { error: bridge.error });
    default:
      return missingCaseError(bridge.state);
  }
}

function header(t: Translator, state: AppState, switchingTo: string | null): string {
  if (state.account.state === 'signingIn') return t.formatMessage({ id: 'tray.signingIn' });
  if (state.account.state === 'signedOut') return t.formatMessage({ id: 'tray.notSignedIn' });
  const tenant = state.desktop.activeTenant;
  if (switchingTo !== null) return t.formatMessage({ id: 'tray.switchingTo' }, { tenant: tenantLabel(state, switchingTo) });
  if (tenant === null) return t.formatMessage({ id: 'tray.noTenant' });
  return tenant.role === null ? (tenant.name ?? tenant.id) : `${tenant.name ?? tenant.id} · ${roleText(t, tenant.role)}`;
}

/** A tenant's name where the app state knows it (the active tenant, pinned, recent), else its id. */
function tenantLabel(state: AppState, tenantId: string): string {
  if (state.desktop.activeTenant?.id === tenantId && state.desktop.activeTenant.name !== null) return state.desktop.activeTenant.name;
  return [...state.tenants.pinned, ...state.tenants.recent].find((t) => t.id === tenantId)?.name ?? tenantId;
}

/** The tray's tooltip: product and active tenant. */
export function buildTrayTooltip(t: Translator, state: AppState): string {
  const tenant = state.desktop.activeTenant;
  if (!isSignedIn(state.account.state) || tenant === null) return t.formatMessage({ id: 'app.title' });
  return t.formatMessage({ id: 'tray.tooltip' }, { tenant: tenant.name ?? tenant.id });
}

/** What the tray knows beyond the app state. */
export interface TrayOptions {
  /** The words of the language the tray speaks (the Language setting, else the OS's). */
  t: Translator;
  /** False when the OS refused the global quick-switch shortcut (taken, or not allowed on Wayland). */
  globalShortcutBound: boolean;
  /** Where a desktop switch in flight goes (the desktop session's `switchingTo`), null when none is. */
  switchingTo?: string | null;
}

/** The tray's line when the global shortcut is unavailable: where quick switch is instead. */
export function shortcutUnavailableHint(t: Translator): string {
  return t.formatMessage({ id: 'tray.shortcutUnavailable' });
}

/** Builds the tray for a state. */
export function buildTrayTemplate(state: AppState, options: TrayOptions): TrayTemplate {
  const { t } = options;
  const words = (id: MessageId): string => t.formatMessage({ id });
  const switchingTo = options.switchingTo ?? null;
  const items: TrayMenuItem[] = [{ kind: 'header', label: header(t, state, switchingTo) }];
  // Choosing the first organization is a switch too, so the tray offers it before the picker is used.
  const signedIn = isSignedIn(state.account.state) && state.desktop.sessionId !== null;
  const activeId = state.desktop.activeTenant?.id ?? null;
  const canSwitch = signedIn && switchingTo === null;

  if (signedIn && state.desktop.lastSwitchError !== null) items.push({ kind: 'header', label: t.formatMessage({ id: 'tray.lastSwitchFailed' }, { reason: state.desktop.lastSwitchError.message }) });

  if (signedIn) {
    const tenantItem = (tenant: TenantRef): TrayMenuItem => ({
      kind: 'item',
      label: tenant.name,
      checked: tenant.id === activeId,
      enabled: canSwitch && tenant.id !== activeId,
      action: { type: 'switch', tenantId: tenant.id },
    });
    const pinned = state.tenants.pinned;
    const pinnedIds = new Set(pinned.map((t) => t.id));
    const recent = state.tenants.recent.filter((t) => !pinnedIds.has(t.id)).slice(0, trayRecentLimit);
    items.push({ kind: 'separator' });
    if (pinned.length > 0) items.push({ kind: 'header', label: words('tray.pinned') }, ...pinned.map(tenantItem));
    if (recent.length > 0) items.push({ kind: 'header', label: words('tray.recent') }, ...recent.map(tenantItem));
    if (state.tenants.count !== 1) {
      const quickSwitch = words('tray.switchTenant');
      if (options.globalShortcutBound) items.push({ kind: 'item', label: quickSwitch, enabled: canSwitch, accelerator: quickSwitchAccelerator, action: { type: 'quickSwitch' } });
      else items.push({ kind: 'item', label: quickSwitch, enabled: canSwitch, action: { type: 'quickSwitch' } }, { kind: 'header', label: shortcutUnavailableHint(t) });
    }
    const home = state.desktop.homeTenantId;
    if (home !== null && activeId !== null && home !== activeId) items.push({ kind: 'item', label: words('tray.backHome'), enabled: canSwitch, action: { type: 'reset' } });
  } else if (state.account.state === 'signedOut') {
    items.push({ kind: 'separator' }, { kind: 'item', label: words('tray.signIn'), enabled: true, action: { type: 'open' } });
  }

  items.push(
    { kind: 'separator' },
    { kind: 'header', label: sessionsLine(t, state) },
    { kind: 'separator' },
    { kind: 'item', label: words('tray.open'), enabled: true, action: { type: 'open' } },
    { kind: 'item', label: words('tray.quit'), enabled: true, action: { type: 'quit' } },
  );
  return { tooltip: buildTrayTooltip(t, state), items };
}
