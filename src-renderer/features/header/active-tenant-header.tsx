/**
 * The active-tenant header: always says which tenant everything below acts on (name, slug, role, the
 * tenant's colour, home marker), with switch and reset. A switch in progress shows progress; a failed
 * one says why while the old tenant stays visibly active.
 */
import { useEffect, type ReactNode } from 'react';
import { RoleBadge } from '../../components/badges';
import { TenantSwatch, tenantHueStyle } from '../../components/tenant-swatch';
import { sameData } from '../../../src-shared/desktop-state';
import { useAppState, useCommands, useDesktopSwitchingTo, useSetUi, useTenantHue, useTenants, useUi } from '../../app/app-context';
import { switchErrorText } from '../../lib/error-text';
import { noticeText } from '../../../src-shared/i18n/notices';
import { Text } from '../../i18n/text';
import { useWords } from '../../i18n/use-words';

const noticeVisibleMs = 6_000;

// Main's latest notification ("Switched to …"), shown in the header's reserved status line for a few
// seconds: never over the content, never moving it.
function LatestNotice(): ReactNode {
  const t = useWords();
  // Warnings outrank routine news (an editor closed by a switch beats "Switched to …").
  const newest = useUi((s) => s.notices.find((n) => n.level === 'warning' || n.level === 'error') ?? s.notices[0] ?? null);
  const setUi = useSetUi();
  useEffect(() => {
    if (newest === null) return;
    const timer = setTimeout(() => setUi({ notices: [] }), noticeVisibleMs);
    return () => clearTimeout(timer);
  }, [newest, setUi]);
  const line = newest ? noticeLine(t.translator, newest) : '';
  // One line that never moves the content: cut with an ellipsis when long, whole in the tooltip and read out.
  return (
    <p className={`header-notice ${newest?.level ?? ''}`} role="status" aria-live="polite" title={line || undefined}>
      {line}
    </p>
  );
}

/** A notification as one line: its title, then its body. */
function noticeLine(t: Parameters<typeof noticeText>[0], notice: Parameters<typeof noticeText>[1]): string {
  const { title, body } = noticeText(t, notice);
  return t.formatMessage({ id: 'header.noticeLine' }, { title, body });
}

/** The header bar. */
export function ActiveTenantHeader(): ReactNode {
  const t = useWords();
  const commands = useCommands();
  const active = useAppState((a) => a?.desktop.activeTenant ?? null);
  const homeTenantId = useAppState((a) => a?.desktop.homeTenantId ?? null);
  const switchingTo = useDesktopSwitchingTo();
  const failure = useAppState((a) => a?.desktop.lastSwitchError ?? null);
  const failedTarget = useAppState((a) => a?.desktop.lastSwitchTarget ?? null);
  const dismissed = useUi((s) => s.dismissedSwitchError);
  const tenantCount = useAppState((a) => a?.tenants.count ?? 0);
  const catalog = useTenants((s) => s.catalog);

  const nameOf = (id: string | null): string => (id === null ? t('header.yourHome') : (catalog?.get(id)?.name ?? id));
  const pending = switchingTo !== null;
  const showFailure = failure !== null && !sameData(failure, dismissed);
  const atHome = active !== null && active.id === homeTenantId;
  const singleTenant = tenantCount <= 1;
  const hue = useTenantHue(active?.id ?? '');
  const failureTitle = failedTarget !== null && failedTarget === homeTenantId ? t('header.couldNotReturn') : t('header.couldNotSwitch', { tenant: nameOf(failedTarget) });
  const stillIn = active === null ? t('header.previousTenant') : (active.name ?? active.id);
  const failureText = failure === null ? '' : switchErrorText(t.translator, failure);

  return (
    <header className="tenant-header" style={active ? tenantHueStyle(hue) : undefined} aria-label={t('header.label')}>
      <div className="tenant-header-main">
        {active ? <TenantSwatch tenantId={active.id} size="large" /> : <span className="tenant-swatch large empty" aria-hidden="true" />}
        <div className="tenant-header-text">
          <div className="tenant-header-name">
            <h1 data-testid="active-tenant-name">{active === null ? t('header.noTenant') : (active.name ?? active.id)}</h1>
            {active ? <RoleBadge role={active.role} /> : null}
            {atHome ? (
              <span className="badge home-badge" title={t('header.homeHint')}>
                {t('badge.home')}
              </span>
            ) : null}
            {singleTenant ? <span className="badge">{t('header.singleTenant')}</span> : null}
          </div>
          <div className="tenant-header-sub mono">
            {active?.slug !== undefined ? <span data-testid="active-tenant-slug">{active.slug}</span> : null}
            <span className="muted">{active?.id ?? ''}</span>
          </div>
          <div className="tenant-header-status">
            {pending ? (
              <div className="switch-progress-line">
                <p role="status" className="switch-progress">
                  {switchingTo === homeTenantId ? t('header.returningTo', { tenant: nameOf(switchingTo) }) : t('header.switchingTo', { tenant: nameOf(switchingTo) })}
                </p>
                {/* A slow API can hold a switch for its whole timeout (15 s): the person may stop waiting. */}
                <button type="button" className="link" onClick={() => void commands.cancelSwitch()}>
                  {t('common.cancel')}
                </button>
              </div>
            ) : showFailure ? (
              <div role="alert" className="switch-error">
                {/* One line, so the header never grows; the whole sentence is in the tooltip and read out. */}
                <span className="switch-error-text" title={t('header.switchFailed', { title: failureTitle, reason: failureText, tenant: stillIn })}>
                  <Text id="header.switchFailedRich" values={{ title: failureTitle, reason: failureText, tenant: stillIn }} />
                </span>
                <button type="button" className="link" onClick={() => commands.dismissSwitchError()}>
                  {t('common.dismiss')}
                </button>
              </div>
            ) : (
              <LatestNotice />
            )}
          </div>
        </div>
        <div className="tenant-header-actions">
          {!singleTenant ? (
            <button type="button" onClick={() => commands.setPickerOpen(true)} disabled={pending} aria-keyshortcuts="Control+K" title={t('header.switchHint')}>
              {t('header.switch')}
            </button>
          ) : null}
          {!singleTenant ? (
            <button type="button" onClick={() => void commands.resetTenant()} disabled={pending || atHome || homeTenantId === null} title={t('header.resetHint', { tenant: nameOf(homeTenantId) })}>
              {t('header.reset')}
            </button>
          ) : null}
        </div>
      </div>
      <div className={`progress-track${pending ? ' running' : ''}`} aria-hidden="true">
        <div className="progress-bar" />
      </div>
    </header>
  );
}
