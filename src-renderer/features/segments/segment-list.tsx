/** The active tenant's segments with search and counts. */
import type { SegmentView } from '../../../src-shared/ipc';
import { useMemo, type ReactNode } from 'react';
import type { Formats } from '../../../src-shared/i18n/format';
import { foldText } from '../../../src-shared/text-fold';
import { useAppState, useCommands, useSegments, useSetUi, useUi } from '../../app/app-context';
import { Highlight } from '../../components/highlight';
import { useFormats } from '../../i18n/locale-provider';
import { useWords, type Words } from '../../i18n/use-words';
import { errorReason } from '../../lib/error-text';

/** The segments whose name, description or id holds `search` (case and accents aside); all for an empty search. */
export function filterSegments(segments: readonly SegmentView[], search: string): readonly SegmentView[] {
  const wanted = foldText(search.trim());
  if (wanted === '') return segments;
  return segments.filter((s) => foldText(s.name).includes(wanted) || foldText(s.description ?? '').includes(wanted) || foldText(s.id).includes(wanted));
}

/** The segment list (left column of the segments view). */
export function SegmentList(): ReactNode {
  const t = useWords();
  const formats = useFormats();
  const commands = useCommands();
  const setUi = useSetUi();
  const segments = useSegments((s) => s.segments);
  const loading = useSegments((s) => s.status === 'loading');
  const more = useSegments((s) => s.more);
  const error = useSegments((s) => s.error);
  const search = useUi((s) => s.segmentSearch);
  const pane = useUi((s) => s.segmentPane);
  const tenantName = useAppState((a) => a?.desktop.activeTenant?.name ?? a?.desktop.activeTenant?.id ?? '');
  const shown = useMemo(() => filterSegments(segments, search), [segments, search]);
  const selectedId = pane.mode === 'detail' || pane.mode === 'edit' ? pane.segmentId : null;
  const count = segments.length;

  return (
    <section className="segment-list" aria-label={t('segments.listLabel')}>
      <div className="segment-list-head">
        <input type="search" aria-label={t('segments.search')} placeholder={t('segments.search')} value={search} onChange={(e) => setUi({ segmentSearch: e.target.value })} />
        <button type="button" className="primary" onClick={() => setUi({ segmentPane: { mode: 'create' } })}>
          {t('segments.new')}
        </button>
      </div>
      <p className="segment-count muted" role="status">
        {loading && count === 0
          ? t('segments.loading')
          : search.trim() === ''
            ? t(more ? 'segments.countMore' : 'segments.count', { count, tenant: tenantName })
            : t('segments.matchCount', { shown: shown.length, count })}
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {t('segments.loadFailed', { reason: errorReason(t.translator, error) })}{' '}
          <button type="button" className="link" onClick={() => void commands.reloadSegments()}>
            {t('common.retry')}
          </button>
        </p>
      ) : null}
      <ul className="segment-rows" aria-label={t('segments.listOf', { tenant: tenantName })}>
        {shown.map((s) => {
          return (
            <li key={s.id}>
              <button type="button" className={`segment-row${s.id === selectedId ? ' selected' : ''}`} aria-current={s.id === selectedId || undefined} onClick={() => setUi({ segmentPane: { mode: 'detail', segmentId: s.id } })}>
                <span className="segment-row-name">
                  <Highlight text={s.name} query={search} />
                </span>
                <span className="segment-row-meta muted small">{segmentMeta(t, formats, s)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A segment's status in words (`active` / `activo`); any other as sent. */
export function segmentStatusText(t: Words, status: string): string {
  return t('segments.status', { status, other: status.toLowerCase() });
}

/** The list line under a segment's name: what the list answer says of it (lists carry no definitions). */
function segmentMeta(t: Words, formats: Formats, segment: SegmentView): string {
  const parts: string[] = [];
  if (segment.status) parts.push(segmentStatusText(t, segment.status));
  if (typeof segment.estimatedCount === 'number') parts.push(t('segments.approxFans', { count: segment.estimatedCount }));
  // The same day as the detail writes it (both through the formatting layer's `date`).
  if (segment.modifiedAt) parts.push(t('segments.changed', { when: formats.date(segment.modifiedAt) }));
  return parts.length === 0 ? t('segments.segment') : parts.join(' · ');
}
