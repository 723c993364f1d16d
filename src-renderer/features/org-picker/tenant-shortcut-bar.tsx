/** Pinned and recent tenants above the picker's list: one click (or Tab + Enter) away. */
import { isSwitchableStatus } from '../../../src-shared/api';
import { memo, type ReactNode } from 'react';
import type { TenantEntry as AccessibleTenant } from '../../../src-shared/ipc';
import type { TenantRef } from '../../../src-shared/ipc';
import { TenantSwatch } from '../../components/tenant-swatch';
import type { TenantCatalog } from '../../lib/tenant-catalog';

/** Props of the shortcut bar. */
export interface TenantShortcutBarProps {
  pinned: readonly TenantRef[];
  recent: readonly TenantRef[];
  catalog: TenantCatalog;
  onChoose: (tenant: AccessibleTenant) => void;
}

/** Pinned then recent tenants as buttons; tenants no longer accessible are left out. Memoized: typing does not re-render it. */
export const TenantShortcutBar = memo(function TenantShortcutBar(props: TenantShortcutBarProps): ReactNode {
  const group = (label: string, refs: readonly TenantRef[]): ReactNode => {
    const tenants = refs.map((r) => props.catalog.get(r.id)).filter((t): t is AccessibleTenant => t !== undefined).slice(0, 6);
    return (
      <div className="shortcut-group" role="group" aria-label={`${label} tenants`}>
        <span className="shortcut-label">{label}</span>
        {tenants.length === 0 ? (
          <span className="muted small">{label === 'Pinned' ? 'Pin tenants with ☆' : 'None yet'}</span>
        ) : (
          tenants.map((t) => (
            <button key={t.id} type="button" className="chip" disabled={!isSwitchableStatus(t.status)} onClick={() => props.onChoose(t)} aria-label={`${label}: ${t.name}`}>
              <TenantSwatch tenantId={t.id} />
              {t.name}
            </button>
          ))
        )}
      </div>
    );
  };
  return (
    <div className="shortcut-bar">
      {group('Pinned', props.pinned)}
      {group('Recent', props.recent)}
    </div>
  );
});
