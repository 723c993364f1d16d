/** Pinned and recent tenants above the picker's list: one click (or Tab + Enter) away. */
import { isSwitchableStatus } from '../../../src-shared/api';
import { memo, type ReactNode } from 'react';
import type { TenantEntry as AccessibleTenant } from '../../../src-shared/ipc';
import type { TenantRef } from '../../../src-shared/ipc';
import { TenantSwatch } from '../../components/tenant-swatch';
import type { TenantCatalog } from '../../lib/tenant-catalog';
import { useWords } from '../../i18n/use-words';

/** Props of the shortcut bar. */
export interface TenantShortcutBarProps {
  pinned: readonly TenantRef[];
  recent: readonly TenantRef[];
  catalog: TenantCatalog;
  onChoose: (tenant: AccessibleTenant) => void;
}

/** Pinned then recent tenants as buttons; tenants no longer accessible are left out. Memoized: typing does not re-render it. */
export const TenantShortcutBar = memo(function TenantShortcutBar(props: TenantShortcutBarProps): ReactNode {
  const t = useWords();
  const group = (kind: 'pinned' | 'recent', refs: readonly TenantRef[]): ReactNode => {
    const label = kind === 'pinned' ? t('shortcuts.pinned') : t('shortcuts.recent');
    const tenants = refs.map((r) => props.catalog.get(r.id)).filter((x): x is AccessibleTenant => x !== undefined).slice(0, 6);
    return (
      <div className="shortcut-group" role="group" aria-label={kind === 'pinned' ? t('shortcuts.pinnedGroup') : t('shortcuts.recentGroup')}>
        <span className="shortcut-label">{label}</span>
        {tenants.length === 0 ? (
          <span className="muted small">{kind === 'pinned' ? t('shortcuts.pinnedEmpty') : t('shortcuts.recentEmpty')}</span>
        ) : (
          tenants.map((tenant) => (
            <button key={tenant.id} type="button" className="chip" disabled={!isSwitchableStatus(tenant.status)} onClick={() => props.onChoose(tenant)} aria-label={t('shortcuts.chip', { group: label, tenant: tenant.name })}>
              <TenantSwatch tenantId={tenant.id} />
              {tenant.name}
            </button>
          ))
        )}
      </div>
    );
  };
  const pinned = group('pinned', props.pinned);
  const recent = group('recent', props.recent);
  return (
    <div className="shortcut-bar">
      {pinned}
      {recent}
    </div>
  );
});
