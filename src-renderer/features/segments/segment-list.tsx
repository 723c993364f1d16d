/** The active tenant's segments with search and counts. */
import type { SegmentView } from '../../../src-shared/ipc';
import { useMemo, type ReactNode } from 'react';
import { useAppState, useCommands, useSegments, useSetUi, useUi } from '../../app/app-context';
import { Highlight } from '../../components/highlight';

/** The segment list (left column of the segments view). */
export function SegmentList(): ReactNode {
  const commands = useCommands();
  const setUi = useSetUi();
  const segments = useSegments((s) => s.segments);
  const loading = useSegments((s) => s.status === 'loading');
  const more = useSegments((s) => s.more);
  const error = useSegments((s) => s.error);
  const search = useUi((s) => s.segmentSearch);
  const pane = useUi((s) => s.segmentPane);
  const tenantName = useAppState((a) => a?.desktop.activeTenant?.name ?? a?.desktop.activeTenant?.id ?? '');
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return q === '' ? segments : segments.filter((s) => s.name.toLowerCase().includes(q) || (s.description ?? '').toLowerCase().includes(q) || s.id.includes(q));
  }, [segments, search]);
  const selectedId = pane.mode === 'detail' || pane.mode === 'edit' ? pane.segmentId : null;
  const count = segments.length;

  return (
    <section className="segment-list" aria-label="Segments">
      <div className="segment-list-head">
        <input type="search" aria-label="Search segments" placeholder="Search segments" value={search} onChange={(e) => setUi({ segmentSearch: e.target.value })} />
        <button type="button" className="primary" onClick={() => setUi({ segmentPane: { mode: 'create' } })}>
          New segment
        </button>
      </div>
      <p className="segment-count muted" role="status">
        {loading && count === 0 ? 'Loading segments…' : search.trim() === '' ? `${count}${more ? '+' : ''} segment${count === 1 && !more ? '' : 's'} in ${tenantName}` : `${shown.length} of ${count} segments match`}
      </p>
      {error ? (
        <p className="form-error" role="alert">
          Could not load segments: {error.message}{' '}
          <button type="button" className="link" onClick={() => void commands.reloadSegments()}>
            Retry
          </button>
        </p>
      ) : null}
      <ul className="segment-rows" aria-label={`Segments of ${tenantName}`}>
        {shown.map((s) => {
          return (
            <li key={s.id}>
              <button type="button" className={`segment-row${s.id === selectedId ? ' selected' : ''}`} aria-current={s.id === selectedId || undefined} onClick={() => setUi({ segmentPane: { mode: 'detail', segmentId: s.id } })}>
                <span className="segment-row-name">
                  <Highlight text={s.name} query={search} />
                </span>
                <span className="segment-row-meta muted small">
                  {segmentMeta(s)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The list line under a segment's name: what the list answer says of it (lists carry no definitions). */
function segmentMeta(segment: SegmentView): string {
  const parts: string[] = [];
  if (segment.status) parts.push(segment.status.toLowerCase());
  if (typeof segment.estimatedCount === 'number') parts.push(`≈${segment.estimatedCount.toLocaleString('en')} fans`);
  if (segment.modifiedAt) parts.push(`changed ${new Date(segment.modifiedAt).toLocaleDateString('en')}`);
  return parts.length === 0 ? 'segment' : parts.join(' · ');
}
