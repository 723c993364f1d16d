/** One segment: name, description, the definition in words, and Edit. */
import { useEffect, useState, type ReactNode } from 'react';
import { useAppState, useCommands, useSegments, useSetUi } from '../../app/app-context';
import type { AppErrorData } from '../../../src-shared/errors';
import { useFormats } from '../../i18n/locale-provider';
import { useWords } from '../../i18n/use-words';
import { errorReason } from '../../lib/error-text';
import { DefinitionView } from './definition-view';
import { segmentStatusText } from './segment-list';

/** The detail pane for `segmentId` (re-read from the API when opened). */
export function SegmentDetail(props: { segmentId: string }): ReactNode {
  const t = useWords();
  const formats = useFormats();
  const commands = useCommands();
  const setUi = useSetUi();
  const listed = useSegments((s) => s.segments.find((x) => x.id === props.segmentId) ?? null);
  const opened = useSegments((s) => (s.opened?.id === props.segmentId ? s.opened : null));
  // The whole segment as read (the list's entry until then); a pushed write re-reads it (below).
  const segment = opened ?? listed;
  const catalog = useSegments((s) => s.criteriaById);
  const tenantName = useAppState((a) => a?.desktop.activeTenant?.name ?? a?.desktop.activeTenant?.id ?? '');
  const [error, setError] = useState<AppErrorData | null>(null);

  useEffect(() => {
    let live = true;
    void commands.getSegment(props.segmentId).then((r) => {
      if (live && !r.ok) setError(r.error);
    });
    return () => {
      live = false;
    };
    // Read again when a write (here or by an AI session) changed it: the list says so by its revision.
  }, [commands, props.segmentId, listed?.revision]);

  if (!segment) return <p className={error ? 'form-error' : 'muted'}>{error ? t('segments.readFailed', { reason: errorReason(t.translator, error) }) : t('common.loading')}</p>;
  // The date as the list writes it, then the time, then how long ago.
  const changed = segment.modifiedAt ? t('segments.changedAt', { when: formats.dateTime(segment.modifiedAt), ago: formats.relative(segment.modifiedAt) }) : null;
  return (
    <article className="segment-detail" aria-labelledby="segment-detail-title">
      <div className="pane-head">
        <div>
          <h2 id="segment-detail-title">{segment.name}</h2>
          <p className="muted small">
            {[t('segments.inTenant', { tenant: tenantName }), ...(segment.status ? [segmentStatusText(t, segment.status)] : []), ...(changed === null ? [] : [changed])].join(' · ')}
          </p>
        </div>
        <button type="button" onClick={() => setUi({ segmentPane: { mode: 'edit', segmentId: segment.id } })}>
          {t('segments.edit')}
        </button>
      </div>
      {segment.description ? <p>{segment.description}</p> : null}
      <h3>{t('segments.whoMatch')}</h3>
      {segment.definition === null ? <p className="muted">{t('segments.unreadable')}</p> : <DefinitionView definition={segment.definition} catalog={catalog} />}
      {typeof segment.estimatedCount === 'number' ? <p className="muted">{t('segments.aboutFans', { count: segment.estimatedCount })}</p> : null}
    </article>
  );
}
