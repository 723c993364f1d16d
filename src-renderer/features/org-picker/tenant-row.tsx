/**
 * One row of the org-picker: a tree item (a search result is a tree item at level 1) with its badges.
 * The row holds no control of its own — an option with buttons inside is one a screen reader cannot
 * use — so expand and pin are keys of the picker (announced in the row's description) and, for a mouse,
 * the glyphs at either end of the row.
 *
 * Its accessible name is its visible first line and its reason, read in order with pauses: "Acme Lyon,
 * Owner, Invited, Invitation not accepted yet." The slug, the id, where a search result sits in the
 * tree and the keys are its description.
 */
import { Fragment, memo, type ReactNode } from 'react';
import { isSwitchableStatus } from '../../../src-shared/api';
import type { TenantEntry as AccessibleTenant } from '../../../src-shared/ipc';
import { hasRoleBadge, hasStatusBadge, RoleBadge, StatusBadge, statusReason } from '../../components/badges';
import { Highlight } from '../../components/highlight';
import { Pause } from '../../components/spoken-pause';
import { TenantSwatch } from '../../components/tenant-swatch';
import { useWords } from '../../i18n/use-words';
import { useKeyLabels } from '../../i18n/use-key-labels';

/** Row height in px; must match `.tenant-row` in the CSS. */
export const tenantRowHeight = 52;

/** The id of the row showing list position `index` (the search field's `aria-activedescendant`). */
export function tenantRowId(index: number): string {
  return `tenant-option-${index}`;
}

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
  const keys = useKeyLabels();
  const disabled = !isSwitchableStatus(tenant.status);
  const reason = statusReason(t.translator, tenant.status, tenant.statusReason);
  const treeMode = props.mode === 'tree';
  const parent = treeMode && props.childCount > 0;
  const id = tenantRowId(props.index);
  const hints = [
    ...(parent ? [props.expanded ? t('tenant.key.collapse') : t('tenant.key.expand')] : []),
    props.pinned ? t('tenant.key.unpin', { key: keys.pin }) : t('tenant.key.pin', { key: keys.pin }),
  ];
  // The first line, part by part, each followed by a comma read out when another part (or the reason) comes after it.
  const parts: Array<(pauseAfter: boolean) => ReactNode> = [
    (pause) => (
      <span className="tenant-name-text">
        {/* The name alone in its own element (what the header shows after a switch), the pause after it. */}
        <span className="tenant-name">
          <Highlight text={tenant.name} query={props.query} />
        </span>
        {pause ? <Pause /> : null}
      </span>
    ),
  ];
  if (hasRoleBadge(tenant.role)) parts.push((pause) => <RoleBadge role={tenant.role} pauseAfter={pause} />);
  if (hasStatusBadge(tenant.status)) parts.push((pause) => <StatusBadge status={tenant.status} pauseAfter={pause} />);
  if (props.isActive) parts.push((pause) => <span className="badge current-badge">{t('badge.active')}{pause ? <Pause /> : null}</span>);
  if (props.isHome) parts.push((pause) => <span className="badge home-badge">{t('badge.home')}{pause ? <Pause /> : null}</span>);
  if (parent && !props.expanded) parts.push((pause) => <span className="muted small">{t('tenant.inside', { count: props.childCount })}{pause ? <Pause /> : null}</span>);
  const nameParts = parts.map((part, i) => <Fragment key={i}>{part(i < parts.length - 1 || reason !== null)}</Fragment>);
  const details = [tenant.slug, tenant.id, treeMode ? '' : props.path].filter((part): part is string => part !== undefined && part !== '').join(' · ');
  return (
    <div
      id={id}
      className={`tenant-row${props.selected ? ' selected' : ''}${disabled ? ' disabled' : ''}${props.isActive ? ' current' : ''}`}
      role="treeitem"
      aria-selected={props.selected}
      aria-disabled={disabled || undefined}
      aria-level={treeMode ? props.depth + 1 : 1}
      aria-expanded={parent ? props.expanded : undefined}
      aria-describedby={`${id}-hint`}
      style={{ paddingInlineStart: 8 + props.depth * 20 }}
      onClick={() => props.onChoose(props.row, tenant)}
      // Keep the keyboard focus in the search field while clicking rows.
      onMouseDown={(e) => e.preventDefault()}
    >
      <span
        className="tree-toggle"
        aria-hidden="true"
        title={parent ? (props.expanded ? t('tenant.collapse', { tenant: tenant.name }) : t('tenant.expand', { tenant: tenant.name })) : undefined}
        onClick={(e) => {
          if (!parent) return;
          e.stopPropagation();
          props.onToggle(props.index);
        }}
      >
        {parent ? (props.expanded ? '▾' : '▸') : ''}
      </span>
      <TenantSwatch tenantId={tenant.id} />
      <span className="tenant-row-text">
        <span className="tenant-row-name">{nameParts}</span>
        <span className="tenant-row-sub">
          {/* Read in the description: the name stays what a person would say. */}
          <span className="tenant-row-ids" aria-hidden="true">
            {tenant.slug !== undefined ? (
              <span className="mono">
                <Highlight text={tenant.slug} query={props.query} />
              </span>
            ) : null}
            <span className="mono muted">
              <Highlight text={tenant.id} query={props.query} />
            </span>
          </span>
          {reason ? (
            <span className="reason">{reason}</span>
          ) : props.path ? (
            <span className="muted" aria-hidden="true">
              {props.path}
            </span>
          ) : null}
        </span>
      </span>
      <span
        className={`pin-mark${props.pinned ? ' pinned' : ''}`}
        aria-hidden="true"
        title={props.pinned ? t('tenant.unpinNamed', { tenant: tenant.name }) : t('tenant.pinHint')}
        onClick={(e) => {
          e.stopPropagation();
          props.onPin(tenant.id, !props.pinned);
        }}
      >
        {props.pinned ? '★' : '☆'}
      </span>
      <span id={`${id}-hint`} hidden>
        {[details, ...hints].filter((part) => part !== '').join('. ')}
      </span>
    </div>
  );
});
