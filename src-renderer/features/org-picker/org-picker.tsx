/**
 * The org-picker (AuthVital seed): search by name, slug or id with highlighted matches, the tenant tree
 * with expand/collapse, role and status badges, pinned and recent tenants, and full keyboard use. The
 * search input keeps focus (combobox pattern): typing filters, arrows move, Enter opens.
 */
import { errorReason, sentence, switchErrorText } from '../../lib/error-text';
import { isSwitchableStatus } from '../../../src-shared/api';
import type { AppErrorData } from '../../../src-shared/errors';
import { statusText } from '../../../src-shared/i18n/words';
import { useWords } from '../../i18n/use-words';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { TenantEntry as AccessibleTenant } from '../../../src-shared/ipc';
import type { TenantRef } from '../../../src-shared/ipc';
import { VirtualList } from '../../components/virtual-list';
import type { TenantCatalog } from '../../lib/tenant-catalog';
import { ancestorIndices, childCount, defaultExpanded, flattenVisible } from '../../lib/tenant-tree';
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
  failure?: AppErrorData | null;
}

/** The org-picker over the signed-in user's accessible tenants. */
export function OrgPicker(props: OrgPickerProps): ReactNode {
  const t = useWords();
  const catalog = useTenants((s) => s.catalog);
  const loading = useTenants((s) => s.loading);
  const error = useTenants((s) => s.error);
  if (catalog === null) {
    return (
      <div className="picker">
        <h2 className="picker-title">{props.title}</h2>
        <p className={error ? 'form-error' : 'muted'} role={error ? 'alert' : 'status'}>
          {error ? t('picker.loadFailed', { reason: errorReason(t.translator, error) }) : loading ? t('picker.loading') : t('picker.noneLoaded')}
        </p>
      </div>
    );
  }
  return <PickerBody key={catalog.size + ':' + (catalog.ids[0] ?? '')} catalog={catalog} {...props} />;
}

const emptyRefs: TenantRef[] = [];

/** The picker's rows: list positions, from the tree walk or the filter. */
type Rows = readonly number[] | Int32Array;

/**
 * Performance marks around a keystroke (read by the org-picker benchmark): the change handler marks
 * the start, and the measure ends once React's synchronous work for that keystroke is done (the
 * filter, the render, the commit of the rows and any layout re-render), before the frame is painted.
 */
export const pickerFilterMark = 'nevent:picker-keystroke';
/** The measure's name: keystroke handler → filtered rows committed to the DOM. */
export const pickerFilterMeasure = 'nevent:picker-filter-commit';
/** The filter alone (the catalog's answer for the query), inside the measure above. */
export const pickerFindMeasure = 'nevent:picker-find';
let measuredKeystrokes = 0;

function PickerBody(props: OrgPickerProps & { catalog: TenantCatalog }): ReactNode {
  const { catalog } = props;
  const t = useWords();
  const commands = useCommands();
  const activeTenantId = useAppState((a) => a?.desktop.activeTenant?.id ?? null);
  const homeTenantId = useAppState((a) => a?.desktop.homeTenantId ?? null);
  const pinned = useAppState((a) => a?.tenants.pinned ?? emptyRefs);
  const recent = useAppState((a) => a?.tenants.recent ?? emptyRefs);
  const pinnedIds = useMemo(() => new Set(pinned.map((p) => p.id)), [pinned]);

  // Every keystroke filters in its own render, narrowing and widening alike (the catalog's filter answers
  // from its n-gram index and its recent answers), so the rows commit with the echo of the typed character.
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<Set<string>>(() => {
    const set = defaultExpanded(catalog.tree, catalog.ids);
    const active = activeTenantId === null ? undefined : catalog.indexOf(activeTenantId);
    if (active !== undefined) for (const a of ancestorIndices(catalog.tree, active)) set.add(catalog.ids[a] as string);
    return set;
  });
  const input = useRef<HTMLInputElement>(null);
  const searching = query.trim() !== '';

  const rows: Rows = useMemo(() => {
    if (!searching) return flattenVisible(catalog.tree, expanded, catalog.ids);
    const started = performance.now();
    const found = catalog.find(query);
    performance.measure(pickerFindMeasure, { start: started, end: performance.now() });
    return found;
  }, [catalog, expanded, query, searching]);

  // The cursor belongs to the query it was moved in; a new query starts at its first switchable match.
  const [moved, setMoved] = useState<{ query: string; row: number }>(() => {
    const active = activeTenantId === null ? undefined : catalog.indexOf(activeTenantId);
    return { query: '', row: active === undefined ? 0 : Math.max(0, rows.indexOf(active)) };
  });
  const cursor = moved.query === query ? moved.row : firstSwitchableRow(catalog, rows);
  const setCursor = (row: number): void => setMoved({ query, row });
  const [message, setMessage] = useState<string | null>(null);
  // The "cannot be opened" message belongs to what was typed: a new keystroke clears it.
  const changeQuery = (next: string): void => {
    performance.mark(pickerFilterMark);
    setQuery(next);
    setMessage(null);
  };
  useLayoutEffect(() => {
    if (performance.getEntriesByName(pickerFilterMark, 'mark').length === 0) return;
    // After this commit's layout effects and the synchronous re-render they may cause (the list's scroll).
    queueMicrotask(() => {
      performance.measure(pickerFilterMeasure, pickerFilterMark);
      performance.clearMarks(pickerFilterMark);
      // The timeline keeps every entry: a long session keeps only the latest thousand or so.
      if (++measuredKeystrokes % 1000 === 0) {
        performance.clearMeasures(pickerFilterMeasure);
        performance.clearMeasures(pickerFindMeasure);
      }
    });
  }, [query]);

  const cursorRow = Math.min(cursor, rows.length - 1);
  const activeIndex = rows[cursorRow];
  const listId = 'tenant-picker-list';

  const choose = (tenant: AccessibleTenant): void => {
    if (!isSwitchableStatus(tenant.status)) {
      // The API's reason is a sentence of its own (it may end in a full stop): never "restore it..".
      const why = tenant.statusReason ?? t('picker.membershipIs', { status: tenant.status ?? '', other: statusText(t.translator, tenant.status ?? '') });
      setMessage(t('picker.cannotOpen', { tenant: tenant.name, reason: sentence(why) }));
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
  const latest = useRef({ choose, toggle, setCursor });
  latest.current = { choose, toggle, setCursor };
  const onRowChoose = useCallback((row: number, tenant: AccessibleTenant) => {
    latest.current.setCursor(row);
    latest.current.choose(tenant);
  }, []);
  const onRowToggle = useCallback((index: number) => latest.current.toggle(index), []);
  const onShortcutChoose = useCallback((tenant: AccessibleTenant) => latest.current.choose(tenant), []);
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
        // The rows always belong to what is typed (filtered in the keystroke's own render).
        if (activeIndex !== undefined) choose(catalog.at(activeIndex));
        return;
      }
      case 'ArrowRight':
        if (!searching && activeIndex !== undefined && childCount(catalog.tree, activeIndex) > 0 && (query === '' || event.ctrlKey)) {
          event.preventDefault();
          if (!expanded.has(catalog.ids[activeIndex] as string)) toggle(activeIndex, true);
          else move(cursorRow + 1);
        }
        return;
      case 'ArrowLeft':
        if (!searching && activeIndex !== undefined && (query === '' || event.ctrlKey)) {
          event.preventDefault();
          if (expanded.has(catalog.ids[activeIndex] as string) && childCount(catalog.tree, activeIndex) > 0) toggle(activeIndex, false);
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

  const total = catalog.size;
  // ICU's `#` formats the counts in the window's locale (one formatter per locale, kept: no cost per keystroke).
  const summary = searching ? t('picker.matchCount', { count: rows.length, total }) : t('picker.count', { total });

  return (
    <div
      className="picker"
      // "indexing" while the worker still builds the search index (keystrokes scan the list meanwhile).
      data-search={catalog.search === null ? 'indexing' : 'ready'}
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
        aria-label={t('picker.searchLabel')}
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={activeIndex === undefined ? undefined : `tenant-option-${activeIndex}`}
        aria-autocomplete="list"
        placeholder={t('picker.searchPlaceholder')}
        value={query}
        autoFocus
        spellCheck={false}
        onChange={(e) => changeQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <TenantShortcutBar pinned={pinned} recent={recent} catalog={catalog} onChoose={onShortcutChoose} />
      <div className="picker-meta">
        <span role="status" aria-live="polite">
          {summary}
        </span>
        <span className="muted keys" aria-hidden="true">
          {t('picker.keys')}
        </span>
      </div>
      <VirtualList
        id={listId}
        role={searching ? 'listbox' : 'tree'}
        label={searching ? t('picker.listMatching') : t('picker.listAll')}
        count={rows.length}
        rowHeight={tenantRowHeight}
        // Every keystroke re-renders the rows in view: a few extra for scrolling, not a screenful.
        overscan={3}
        activeIndex={cursorRow}
        empty={<p className="picker-empty">{t('picker.noMatch', { query })}</p>}
        renderRow={(row) => {
          const index = rows[row] as number;
          const tenant = catalog.at(index);
          const children = childCount(catalog.tree, index);
          return (
            <TenantRow
              key={tenant.id}
              index={index}
              tenant={tenant}
              mode={searching ? 'search' : 'tree'}
              depth={searching ? 0 : (catalog.tree.depth[index] ?? 0)}
              childCount={children}
              expanded={expanded.has(tenant.id)}
              selected={row === cursorRow}
              isActive={tenant.id === activeTenantId}
              isHome={tenant.id === homeTenantId}
              pinned={pinnedIds.has(tenant.id)}
              query={searching ? query : ''}
              path={searching ? pathOf(t, catalog, index) : ''}
              row={row}
              onChoose={onRowChoose}
              onToggle={onRowToggle}
              onPin={onRowPin}
            />
          );
        }}
      />
      <p className="picker-message" role="alert">
        {message ?? (props.failure ? t('picker.openFailed', { reason: switchErrorText(t.translator, props.failure) }) : props.busy ? t('picker.opening') : '')}
      </p>
    </div>
  );
}

// "in Parent › Grandparent" for search results, where the tree is not visible.
function pathOf(t: ReturnType<typeof useWords>, catalog: TenantCatalog, index: number): string {
  const names = ancestorIndices(catalog.tree, index)
    .slice(0, 3)
    .map((a) => catalog.list.tenants.name[a] ?? '');
  return names.length === 0 ? '' : t('picker.path', { path: names.reverse().join(' › ') });
}

/** The first row whose tenant can be switched to (0 when none can). */
function firstSwitchableRow(catalog: TenantCatalog, rows: Rows): number {
  for (let r = 0; r < rows.length; r++) if (catalog.switchable(rows[r] as number)) return r;
  return 0;
}
