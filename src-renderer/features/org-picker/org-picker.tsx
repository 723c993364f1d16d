/**
 * The org-picker (AuthVital seed): search by name, slug or id with highlighted matches, the tenant tree
 * with expand/collapse, role and status badges, pinned and recent tenants, and full keyboard use. The
 * search input keeps focus (combobox pattern): typing filters, arrows move, Enter opens.
 */
import { sentence } from '../../lib/error-text';
import { isSwitchableStatus } from '../../../src-shared/api';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { TenantView as AccessibleTenant } from '../../../src-shared/ipc';
import type { TenantRef } from '../../../src-shared/ipc';
import { VirtualList } from '../../components/virtual-list';
import { filterTenantIndices, refinesQuery } from '../../lib/tenant-search';
import { ancestorIndices, defaultExpanded, flattenVisible } from '../../lib/tenant-tree';
import type { TenantCatalog } from '../../stores/tenants-store';
import { useAppState, useCommands, useTenants } from '../../app/app-context';
import { TenantRow, tenantRowHeight } from './tenant-row';
import { TenantShortcutBar } from './tenant-shortcut-bar';

/** Props of the org-picker. */
export interface OrgPickerProps {
  /** Called with a switchable tenant the user chose. */
  onChoose: (tenantId: string) => void;
  /** Escape on an empty query (dialog variant only). */
  onCancel?: () => void;
  title: string;
  /** A choice is being applied (the first picker stays up until main confirms). */
  busy?: boolean;
  /** Why the last choice failed. */
  failure?: string | null;
}

/** The org-picker over the signed-in user's accessible tenants. */
export function OrgPicker(props: OrgPickerProps): ReactNode {
  const catalog = useTenants((s) => s.catalog);
  const loading = useTenants((s) => s.loading);
  const error = useTenants((s) => s.error);
  if (catalog === null) {
    return (
      <div className="picker">
        <h2 className="picker-title">{props.title}</h2>
        <p className={error ? 'form-error' : 'muted'} role={error ? 'alert' : 'status'}>
          {error ? `Could not load your tenants: ${error.message}` : loading ? 'Loading your tenants…' : 'No tenants loaded.'}
        </p>
      </div>
    );
  }
  return <PickerBody key={catalog.list.tenants.length + ':' + (catalog.ids[0] ?? '')} catalog={catalog} {...props} />;
}

const emptyRefs: TenantRef[] = [];

function PickerBody(props: OrgPickerProps & { catalog: TenantCatalog }): ReactNode {
  const { catalog } = props;
  const tenants = catalog.list.tenants;
  const commands = useCommands();
  const activeTenantId = useAppState((a) => a?.desktop.activeTenant?.id ?? null);
  const homeTenantId = useAppState((a) => a?.desktop.homeTenantId ?? null);
  const pinned = useAppState((a) => a?.tenants.pinned ?? emptyRefs);
  const recent = useAppState((a) => a?.tenants.recent ?? emptyRefs);
  const pinnedIds = useMemo(() => new Set(pinned.map((p) => p.id)), [pinned]);

  const [query, setQuery] = useState('');
  // Typing stays instant. Narrowing the filter (the usual keystroke) only rescans the previous matches,
  // cheap even at 100,000 tenants, so the list follows in the same frame; anything else (Backspace,
  // a paste) rescans everything and may follow at the next idle moment.
  const lagging = useDeferredValue(query);
  const lastFilter = useRef<{ query: string; result: number[] } | null>(null);
  const narrows = query.trim() !== '' && lastFilter.current !== null && refinesQuery(lastFilter.current.query, query);
  const deferredQuery = narrows ? query : lagging;
  const [expanded, setExpanded] = useState<Set<string>>(() => {
    const set = defaultExpanded(catalog.tree, catalog.ids);
    const active = activeTenantId === null ? undefined : catalog.tree.indexOf.get(activeTenantId);
    if (active !== undefined) for (const a of ancestorIndices(catalog.tree, active)) set.add(catalog.ids[a] as string);
    return set;
  });
  const input = useRef<HTMLInputElement>(null);
  const searching = deferredQuery.trim() !== '';

  const rows = useMemo(() => {
    if (!searching) return flattenVisible(catalog.tree, expanded, catalog.ids);
    const previous = lastFilter.current;
    const within = previous && refinesQuery(previous.query, deferredQuery) ? previous.result : undefined;
    const result = filterTenantIndices(catalog.search, deferredQuery, within);
    lastFilter.current = { query: deferredQuery, result };
    return result;
  }, [catalog, expanded, deferredQuery, searching]);

  const [cursor, setCursor] = useState(() => {
    const active = activeTenantId === null ? undefined : catalog.tree.indexOf.get(activeTenantId);
    return active === undefined ? 0 : Math.max(0, rows.indexOf(active));
  });
  const [message, setMessage] = useState<string | null>(null);
  const previousQuery = useRef(deferredQuery);
  useEffect(() => {
    if (previousQuery.current === deferredQuery) return;
    previousQuery.current = deferredQuery;
    // A new filter starts at its first switchable match.
    const firstActive = rows.findIndex((i) => tenants[i] !== undefined && isSwitchableStatus(tenants[i].status));
    setCursor(Math.max(0, firstActive));
  }, [deferredQuery, rows, tenants]);
  // The "cannot be opened" message belongs to what was typed: a new keystroke clears it, but the
  // deferred list catching up must not (Enter may have answered before the list re-rendered).
  const changeQuery = (next: string): void => {
    setQuery(next);
    setMessage(null);
  };

  const cursorRow = Math.min(cursor, rows.length - 1);
  const activeIndex = rows[cursorRow];
  const listId = 'tenant-picker-list';

  const choose = (tenant: AccessibleTenant): void => {
    if (!isSwitchableStatus(tenant.status)) {
      // The API's reason is a sentence of its own (it may end in a full stop): never "restore it..".
      setMessage(`${tenant.name} cannot be opened. ${sentence(tenant.statusReason ?? (tenant.status === 'INVITED' ? 'the invitation is not accepted yet' : tenant.status === 'SUSPENDED' ? 'the membership is suspended' : `the membership is ${(tenant.status ?? '').toLowerCase()}`))}`);
      return;
    }
    props.onChoose(tenant.id);
  };

  const toggle = (index: number, open?: boolean): void => {
    const id = catalog.ids[index] as string;
    setExpanded((prev) => {
      const next = new Set(prev);
      const willOpen = open ?? !prev.has(id);
      if (willOpen) next.add(id);
      else next.delete(id);
      return next;
    });
  };

  // Stable row handlers: the latest `choose`/`toggle` are read through a ref.
  const latest = useRef({ choose, toggle });
  latest.current = { choose, toggle };
  const onRowChoose = useCallback((row: number, tenant: AccessibleTenant) => {
    setCursor(row);
    latest.current.choose(tenant);
  }, []);
  const onRowToggle = useCallback((index: number) => latest.current.toggle(index), []);
  const onRowPin = useCallback((tenantId: string, pin: boolean) => void commands.setPinned(tenantId, pin), [commands]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const page = 8;
    const move = (to: number): void => {
      event.preventDefault();
      setCursor(Math.max(0, Math.min(rows.length - 1, to)));
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(cursorRow + 1);
      case 'ArrowUp':
        return move(cursorRow - 1);
      case 'PageDown':
        return move(cursorRow + page);
      case 'PageUp':
        return move(cursorRow - page);
      case 'Home':
        if (event.ctrlKey || query === '') move(0);
        return;
      case 'End':
        if (event.ctrlKey || query === '') move(rows.length - 1);
        return;
      case 'Enter': {
        event.preventDefault();
        if (query !== deferredQuery) {
          // Typed faster than the list re-rendered: act on what is typed, never on the stale rows.
          const fresh = query.trim() === '' ? flattenVisible(catalog.tree, expanded, catalog.ids) : filterTenantIndices(catalog.search, query);
          const first = fresh.find((i) => tenants[i] !== undefined && isSwitchableStatus(tenants[i].status)) ?? fresh[0];
          const tenant = first === undefined ? undefined : tenants[first];
          if (tenant) choose(tenant);
          return;
        }
        const tenant = activeIndex === undefined ? undefined : tenants[activeIndex];
        if (tenant) choose(tenant);
        return;
      }
      case 'ArrowRight':
        if (!searching && activeIndex !== undefined && (catalog.tree.children[activeIndex]?.length ?? 0) > 0 && (query === '' || event.ctrlKey)) {
          event.preventDefault();
          if (!expanded.has(catalog.ids[activeIndex] as string)) toggle(activeIndex, true);
          else move(cursorRow + 1);
        }
        return;
      case 'ArrowLeft':
        if (!searching && activeIndex !== undefined && (query === '' || event.ctrlKey)) {
          event.preventDefault();
          if (expanded.has(catalog.ids[activeIndex] as string) && (catalog.tree.children[activeIndex]?.length ?? 0) > 0) toggle(activeIndex, false);
          else {
            const parent = catalog.tree.parent[activeIndex] ?? -1;
            if (parent >= 0) move(rows.indexOf(parent));
          }
        }
        return;
      case 'Escape':
        event.preventDefault();
        if (query !== '') changeQuery('');
        else props.onCancel?.();
        return;
      default:
        return;
    }
  };

  const total = tenants.length;
  const summary = searching ? `${rows.length.toLocaleString('en')} of ${total.toLocaleString('en')} tenants match` : `${total.toLocaleString('en')} tenants`;

  return (
    <div
      className="picker"
      onKeyDown={(e) => {
        // Typing anywhere in the picker filters: printable keys go back to the search field.
        if (e.target !== input.current && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) input.current?.focus();
      }}
    >
      <h2 className="picker-title">{props.title}</h2>
      <input
        ref={input}
        className="picker-search"
        type="search"
        role="combobox"
        aria-label="Search tenants by name or id"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={activeIndex === undefined ? undefined : `tenant-option-${activeIndex}`}
        aria-autocomplete="list"
        placeholder="Search by name or id"
        value={query}
        autoFocus
        spellCheck={false}
        onChange={(e) => changeQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <TenantShortcutBar pinned={pinned} recent={recent} catalog={catalog} onChoose={choose} />
      <div className="picker-meta">
        <span role="status" aria-live="polite">
          {summary}
        </span>
        <span className="muted keys" aria-hidden="true">
          ↑↓ move · Enter open · ←→ collapse/expand · Esc clear
        </span>
      </div>
      <VirtualList
        id={listId}
        role={searching ? 'listbox' : 'tree'}
        label={searching ? 'Matching tenants' : 'Tenants'}
        count={rows.length}
        rowHeight={tenantRowHeight}
        activeIndex={cursorRow}
        empty={<p className="picker-empty">No tenant matches “{deferredQuery}”.</p>}
        renderRow={(row) => {
          const index = rows[row] as number;
          const tenant = tenants[index] as AccessibleTenant;
          const childCount = catalog.tree.children[index]?.length ?? 0;
          return (
            <TenantRow
              key={tenant.id}
              index={index}
              tenant={tenant}
              mode={searching ? 'search' : 'tree'}
              depth={searching ? 0 : (catalog.tree.depth[index] ?? 0)}
              childCount={childCount}
              expanded={expanded.has(tenant.id)}
              selected={row === cursorRow}
              isActive={tenant.id === activeTenantId}
              isHome={tenant.id === homeTenantId}
              pinned={pinnedIds.has(tenant.id)}
              query={searching ? deferredQuery : ''}
              path={searching ? pathOf(catalog, index) : ''}
              row={row}
              onChoose={onRowChoose}
              onToggle={onRowToggle}
              onPin={onRowPin}
            />
          );
        }}
      />
      <p className="picker-message" role="alert">
        {message ?? (props.failure ? `Could not open that tenant: ${props.failure}` : props.busy ? 'Opening…' : '')}
      </p>
    </div>
  );
}

// "in Parent › Grandparent" for search results, where the tree is not visible.
function pathOf(catalog: TenantCatalog, index: number): string {
  const names = ancestorIndices(catalog.tree, index)
    .slice(0, 3)
    .map((a) => catalog.list.tenants[a]?.name ?? '');
  return names.length === 0 ? '' : `in ${names.reverse().join(' › ')}`;
}
