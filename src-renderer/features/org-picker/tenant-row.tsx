/** One row of the org-picker: a tree item (or a search result) with badges, pin and expand controls. */
import { memo, type ReactNode } from 'react';
import { isSwitchableStatus } from '../../../src-shared/api';
import type { TenantEntry as AccessibleTenant } from '../../../src-shared/ipc';
import { RoleBadge, StatusBadge, statusReason } from '../../components/badges';
import { Highlight } from '../../components/highlight';
import { TenantSwatch } from '../../components/tenant-swatch';
import { useWords } from '../../i18n/use-words';

/** Row height in px; must match `.tenant-row` in the CSS. */
export const tenantRowHeight = 52;

/** Props of a tenant row. */
export interface TenantRowProps {
  index: number;
  tenant: AccessibleTenant;
  mode: 'tree' | 'search';
  depth: number;
  childCount: number;
  expanded: boolean;
  selected: boolean;
  isActive: boolean;
  isHome: boolean;
  pinned: boolean;
  query: string;
  path: string;
  /** Row position in the list; handlers get it back so they can be stable across renders. */
  row: number;
  onChoose: (row: number, tenant: AccessibleTenant) => void;
  onToggle: (index: number) => void;
  onPin: (tenantId: string, pin: boolean) => void;
}

/** A tenant row; memoized (with stable handlers) so moving the selection re-renders two rows, not the window. */
export const TenantRow = memo(function TenantRow(props: TenantRowProps): ReactNode {
  const { tenant } = props;
  const t = useWords();
  const disabled = !isSwitchableStatus(tenant.status);
  const reason = statusReason(t.translator, tenant.status, tenant.statusReason);
  const treeMode = props.mode === 'tree';
  return (
    <div
      id={`tenant-option-${props.index}`}
      className={`tenant-row${props.selected ? ' selected' : ''}${disabled ? ' disabled' : ''}${props.isActive ? ' current' : ''}`}
      role={treeMode ? 'treeitem' : 'option'}
      aria-selected={props.selected}
      aria-disabled={disabled || undefined}
      aria-level={treeMode ? props.depth + 1 : undefined}
      aria-expanded={treeMode && props.childCount > 0 ? props.expanded : undefined}
      aria-label={disabled ? t('tenant.rowDisabled', { tenant: tenant.name, status: tenant.status ?? '', other: (tenant.status ?? '').toLowerCase() }) : tenant.name}
      style={{ paddingInlineStart: 8 + props.depth * 20 }}
      onClick={() => props.onChoose(props.row, tenant)}
      // Keep the keyboard focus in the search field while clicking rows.
      onMouseDown={(e) => e.preventDefault()}
    >
      <span className="tree-toggle-slot">
        {treeMode && props.childCount > 0 ? (
          <button
            type="button"
            className="tree-toggle"
            tabIndex={-1}
            aria-label={props.expanded ? t('tenant.collapse', { tenant: tenant.name }) : t('tenant.expand', { tenant: tenant.name })}
            onClick={(e) => {
              e.stopPropagation();
              props.onToggle(props.index);
            }}
          >
            {props.expanded ? '▾' : '▸'}
          </button>
        ) : null}
      </span>
      <TenantSwatch tenantId={tenant.id} />
      <span className="tenant-row-text">
        <span className="tenant-row-name">
          <span className="tenant-name-text">
            <Highlight text={tenant.name} query={props.query} />
          </span>
          {props.isActive ? <span className="badge current-badge">{t('badge.active')}</span> : null}
          {props.isHome ? <span className="badge home-badge">{t('badge.home')}</span> : null}
          <RoleBadge role={tenant.role} />
          <StatusBadge status={tenant.status} />
          {treeMode && props.childCount > 0 && !props.expanded ? <span className="muted small">{t('tenant.inside', { count: props.childCount })}</span> : null}
        </span>
        <span className="tenant-row-sub">
          {tenant.slug !== undefined ? (
            <span className="mono">
              <Highlight text={tenant.slug} query={props.query} />
            </span>
          ) : null}
          <span className="mono muted">
            <Highlight text={tenant.id} query={props.query} />
          </span>
          {reason ? <span className="reason">{reason}</span> : props.path ? <span className="muted">{props.path}</span> : null}
        </span>
      </span>
      <button
        type="button"
        className={`pin-button${props.pinned ? ' pinned' : ''}`}
        tabIndex={-1}
        aria-pressed={props.pinned}
        aria-label={props.pinned ? t('tenant.unpinNamed', { tenant: tenant.name }) : t('tenant.pinNamed', { tenant: tenant.name })}
        title={props.pinned ? t('tenant.unpin') : t('tenant.pinHint')}
        onClick={(e) => {
          e.stopPropagation();
          props.onPin(tenant.id, !props.pinned);
        }}
      >
        {props.pinned ? '★' : '☆'}
      </button>
    </div>
  );
});
