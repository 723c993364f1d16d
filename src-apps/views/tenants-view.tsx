/**
 * The tenants view (`nevent_list_tenants`, `nevent_switch_tenant`): the tenants the person can reach as a
 * tree, searchable as the window's picker searches (accents and case aside), with their role and
 * membership status and the conversation's tenant marked. Choosing one switches this conversation through
 * the host (`nevent_switch_tenant`), and the view then shows the tenant the bridge says it is in.
 *
 * One ARIA pattern, the window's: the search field is a combobox that keeps the focus and points at the
 * current row (`aria-activedescendant`) of a tree (a listbox of matches while searching). The rows hold
 * no control of their own, so the keyboard does everything from the field.
 */
import { useEffect, useLayoutEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { isSwitchableStatus } from '../../src-shared/api';
import { statusText } from '../../src-shared/i18n/words';
import { RoleBadge, StatusBadge, statusReason } from '../../src-renderer/components/badges';
import { Highlight } from '../../src-renderer/components/highlight';
import { useWords } from '../../src-renderer/i18n/use-words';
import { sentence } from '../../src-renderer/lib/error-text';
import { buildSearchIndex, filterTenantIndices } from '../../src-renderer/lib/tenant-search';
import { ancestorIndices, buildTenantTree, childCount, defaultExpanded, flattenVisible, type TenantTree } from '../../src-renderer/lib/tenant-tree';
import { useView } from '../host/view-context';
import { readOutcome, type ToolOutcome } from '../host/tool-outcome';
import { failureText } from '../lib/outcome-text';
import { readAs, SwitchAnswerSchema, TenantPageSchema, type TenantAnswer, type TenantPage } from '../lib/tool-answers';
import { CallState } from './call-state';

/** What the view shows: the tenants loaded so far and where the conversation is. */
interface Listing {
  tenants: TenantAnswer[];
  total: number;
  nextCursor: string | undefined;
  homeId: string | null;
  activeId: string | null;
  /** The search the model listed with (a page of matches), kept for the next pages. */
  search: string | undefined;
}

function listingOf(page: TenantPage, search: string | undefined, before?: Listing): Listing {
  const tenants = before === undefined ? page.tenants : [...before.tenants, ...page.tenants.filter((t) => !before.tenants.some((b) => b.id === t.id))];
  return { tenants, total: page.total ?? tenants.length, nextCursor: page.next_cursor, homeId: page.home_tenant_id ?? null, activeId: page.active_tenant_id ?? null, search };
}

/** The tenants view. */
export function TenantsView(): ReactNode {
  const t = useWords();
  const { host, snapshot } = useView();
  const [listing, setListing] = useState<Listing | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // The tenant the bridge answered a switch with (from the new token), once the person switched here.
  const [switched, setSwitched] = useState<{ id: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const search = typeof snapshot.input?.search === 'string' ? snapshot.input.search : undefined;
  useEffect(() => {
    if (snapshot.result === null) return;
    const outcome = readOutcome(snapshot.result);
    if (outcome.kind !== 'ok') return setFailure(failureText(t.translator, outcome));
    const page = readAs(TenantPageSchema, outcome.value);
    if (page !== null) return setListing(listingOf(page, search));
    // A switch's answer names where the conversation went; the tree comes from a list of its own.
    void host.call('nevent_list_tenants', {}).then((listed) => {
      const read = listed.kind === 'ok' ? readAs(TenantPageSchema, listed.value) : null;
      if (read === null) return setFailure(listed.kind === 'ok' ? t('apps.error.unreadable') : failureText(t.translator, listed));
      setListing(listingOf(read, undefined));
    });
  }, [host, snapshot.result, search, t]);

  if (listing === null) return <CallState failure={failure} />;

  const loadMore = async (): Promise<void> => {
    if (listing.nextCursor === undefined) return;
    setBusy(true);
    const outcome = await host.call('nevent_list_tenants', { cursor: listing.nextCursor, ...(listing.search === undefined ? {} : { search: listing.search }) });
    setBusy(false);
    const page = outcome.kind === 'ok' ? readAs(TenantPageSchema, outcome.value) : null;
    if (page === null) return setFailure(outcome.kind === 'ok' ? t('apps.error.unreadable') : failureText(t.translator, outcome));
    setListing(listingOf(page, listing.search, listing));
  };

  const choose = async (tenant: TenantAnswer): Promise<void> => {
    setFailure(null);
    if (!isSwitchableStatus(tenant.status)) {
      const why = tenant.status_reason ?? t('picker.membershipIs', { status: tenant.status ?? '', other: statusText(t.translator, tenant.status ?? '') });
      return setFailure(t('picker.cannotOpen', { tenant: tenant.name, reason: sentence(why) }));
    }
    setBusy(true);
    const outcome: ToolOutcome = await host.call('nevent_switch_tenant', { tenantId: tenant.id });
    setBusy(false);
    const answer = outcome.kind === 'ok' ? readAs(SwitchAnswerSchema, outcome.value) : null;
    if (answer === null) return setFailure(outcome.kind === 'ok' ? t('apps.error.unreadable') : failureText(t.translator, outcome));
    const name = listing.tenants.find((x) => x.id === answer.active_tenant_id)?.name ?? answer.active_tenant_id;
    setSwitched({ id: answer.active_tenant_id, name });
    setListing({ ...listing, activeId: answer.active_tenant_id });
    void host.tellModel(`The user switched this conversation to tenant "${name}" (${answer.active_tenant_id}) in the Nevent tenant picker. Pass tenant_id: "${answer.active_tenant_id}" on every later call.`);
  };

  const active = listing.tenants.find((x) => x.id === listing.activeId);
  return (
    <section className="view tenants-view" aria-labelledby="tenants-title">
      <h1 id="tenants-title">{t('apps.tenants.title')}</h1>
      <p className="view-lead" data-testid="active-tenant">
        {switched !== null
          ? t('apps.tenants.switched', { tenant: switched.name, id: switched.id })
          : active !== undefined
            ? t('apps.tenants.active', { tenant: active.name, id: active.id })
            : listing.activeId !== null
              ? t('apps.tenants.activeId', { id: listing.activeId })
              : t('apps.tenants.noneActive')}
      </p>
      <TenantTree listing={listing} busy={busy} onChoose={(tenant) => void choose(tenant)} />
      <p className="view-message" role="alert">
        {failure ?? (busy ? t('picker.opening') : '')}
      </p>
      {listing.nextCursor !== undefined ? (
        <button type="button" className="secondary" disabled={busy} onClick={() => void loadMore()}>
          {t('apps.tenants.more', { count: Math.max(0, listing.total - listing.tenants.length) })}
        </button>
      ) : null}
    </section>
  );
}

/** The searchable tree, driven from its search field. */
function TenantTree(props: { listing: Listing; busy: boolean; onChoose: (tenant: TenantAnswer) => void }): ReactNode {
  const t = useWords();
  const { tenants, activeId, homeId } = props.listing;
  const ids = useMemo(() => tenants.map((x) => x.id), [tenants]);
  const tree = useMemo(() => {
    const position = new Map(ids.map((id, i) => [id, i]));
    return buildTenantTree(tenants.map((x) => (x.parent_id ? (position.get(x.parent_id) ?? -1) : -1)));
  }, [ids, tenants]);
  const index = useMemo(() => buildSearchIndex(tenants), [tenants]);
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<Set<string>>(() => defaultExpanded(tree, ids));
  const searching = query.trim() !== '';
  const rows: readonly number[] = useMemo(() => (searching ? [...filterTenantIndices(index, query)] : flattenVisible(tree, expanded, ids)), [searching, index, query, tree, expanded, ids]);
  const activeRow = activeId === null ? -1 : rows.indexOf(ids.indexOf(activeId));
  const [moved, setMoved] = useState<{ query: string; row: number } | null>(null);
  const cursor = Math.min(moved !== null && moved.query === query ? moved.row : Math.max(0, searching ? 0 : activeRow), rows.length - 1);
  const current = rows[cursor];
  const listId = 'tenant-tree';
  // The current row stays in sight as the keys move it (the focus stays in the field).
  useLayoutEffect(() => {
    if (current !== undefined) document.getElementById(`tenant-${current}`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const toggle = (position: number, open?: boolean): void => {
    const id = ids[position] as string;
    setExpanded((before) => {
      const next = new Set(before);
      if (open ?? !before.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const move = (to: number): void => {
      event.preventDefault();
      setMoved({ query, row: Math.max(0, Math.min(rows.length - 1, to)) });
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(cursor + 1);
      case 'ArrowUp':
        return move(cursor - 1);
      case 'PageDown':
        return move(cursor + 8);
      case 'PageUp':
        return move(cursor - 8);
      case 'Home':
        if (event.ctrlKey || query === '') move(0);
        return;
      case 'End':
        if (event.ctrlKey || query === '') move(rows.length - 1);
        return;
      case 'Enter':
        event.preventDefault();
        if (current !== undefined && !props.busy) props.onChoose(tenants[current] as TenantAnswer);
        return;
      case 'ArrowRight':
        if (!searching && current !== undefined && childCount(tree, current) > 0 && query === '') {
          event.preventDefault();
          if (!expanded.has(ids[current] as string)) toggle(current, true);
          else move(cursor + 1);
        }
        return;
      case 'ArrowLeft':
        if (!searching && current !== undefined && query === '') {
          event.preventDefault();
          if (expanded.has(ids[current] as string) && childCount(tree, current) > 0) toggle(current, false);
          else {
            const parent = tree.parent[current] ?? -1;
            if (parent >= 0) move(rows.indexOf(parent));
          }
        }
        return;
      case 'Escape':
        if (query !== '') {
          event.preventDefault();
          setQuery('');
        }
        return;
      default:
        return;
    }
  };

  return (
    <div className="tenant-picker">
      <input
        type="search"
        role="combobox"
        className="tenant-search"
        aria-label={t('picker.searchLabel')}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current === undefined ? undefined : `tenant-${current}`}
        placeholder={t('picker.searchPlaceholder')}
        spellCheck={false}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p className="muted small" role="status" aria-live="polite">
        {searching ? t('picker.matchCount', { count: rows.length, total: tenants.length }) : t('picker.count', { total: tenants.length })}
      </p>
      <p className="muted small keys" aria-hidden="true">
        {t('picker.keys')}
      </p>
      {rows.length === 0 ? (
        <p className="muted">{t('picker.noMatch', { query })}</p>
      ) : (
        <div id={listId} className="tenant-rows" role={searching ? 'listbox' : 'tree'} aria-label={searching ? t('picker.listMatching') : t('picker.listAll')}>
          {rows.map((position, row) => {
            const tenant = tenants[position] as TenantAnswer;
            const children = childCount(tree, position);
            const disabled = !isSwitchableStatus(tenant.status);
            const reason = statusReason(t.translator, tenant.status, tenant.status_reason);
            const depth = searching ? 0 : (tree.depth[position] ?? 0);
            const path = searching ? pathOf(tenants, tree, position) : '';
            return (
              <div
                key={tenant.id}
                id={`tenant-${position}`}
                className={`tenant-item${row === cursor ? ' selected' : ''}${disabled ? ' disabled' : ''}${tenant.id === activeId ? ' current' : ''}`}
                role={searching ? 'option' : 'treeitem'}
                aria-selected={row === cursor}
                aria-disabled={disabled || undefined}
                aria-level={searching ? undefined : depth + 1}
                aria-expanded={!searching && children > 0 ? expanded.has(tenant.id) : undefined}
                style={{ paddingInlineStart: 8 + depth * 18 }}
                onClick={() => {
                  setMoved({ query, row });
                  if (!props.busy) props.onChoose(tenant);
                }}
                onMouseDown={(e) => e.preventDefault()}
              >
                <span
                  className="tree-toggle"
                  aria-hidden="true"
                  onClick={(e) => {
                    if (searching || children === 0) return;
                    e.stopPropagation();
                    toggle(position);
                  }}
                >
                  {!searching && children > 0 ? (expanded.has(tenant.id) ? '▾' : '▸') : ''}
                </span>
                <span className="tenant-text">
                  <span className="tenant-name">
                    <Highlight text={tenant.name} query={query} />
                    {tenant.id === activeId ? <span className="badge current-badge">{t('badge.active')}</span> : null}
                    {tenant.id === homeId ? <span className="badge">{t('badge.home')}</span> : null}
                    <RoleBadge role={tenant.role} />
                    <StatusBadge status={tenant.status} />
                  </span>
                  <span className="tenant-sub">
                    <span className="mono">
                      <Highlight text={tenant.id} query={query} />
                    </span>
                    {reason !== null ? <span className="reason">{reason}</span> : path !== '' ? <span>{t('picker.path', { path })}</span> : null}
                  </span>
                </span>
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}

/** "Parent › Grandparent" of a search match (the tree is not shown while searching). */
function pathOf(tenants: readonly TenantAnswer[], tree: TenantTree, position: number): string {
  return ancestorIndices(tree, position)
    .slice(0, 3)
    .map((p) => tenants[p]?.name ?? '')
    .reverse()
    .join(' › ');
}
