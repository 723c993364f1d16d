/** One segment: name, description, the definition in words, and Edit. */
import { useEffect, useState, type ReactNode } from 'react';
import { useAppState, useCommands, useSegments, useSetUi } from '../../app/app-context';
import { DefinitionView } from './definition-view';

/** The detail pane for `segmentId` (re-read from the API when opened). */
export function SegmentDetail(props: { segmentId: string }): ReactNode {
  const commands = useCommands();
  const setUi = useSetUi();
  const listed = useSegments((s) => s.segments.find((x) => x.id === props.segmentId) ?? null);
  const opened = useSegments((s) => (s.opened?.id === props.segmentId ? s.opened : null));
  // The whole segment as read (the list's entry until then); a pushed write re-reads it (below).
  const segment = opened ?? listed;
  const catalog = useSegments((s) => s.criteriaById);
  const tenantName = useAppState((a) => a?.desktop.activeTenant?.name ?? a?.desktop.activeTenant?.id ?? '');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void commands.getSegment(props.segmentId).then((r) => {
      if (live && !r.ok) setError(r.error.message);
    });
    return () => {
      live = false;
    };
    // Read again when a write (here or by an AI session) changed it: the list says so by its revision.
  }, [commands, props.segmentId, listed?.revision]);

  if (!segment) return <p className={error ? 'form-error' : 'muted'}>{error ?? 'Loading…'}</p>;
  return (
    <article className="segment-detail" aria-labelledby="segment-detail-title">
      <div className="pane-head">
        <div>
          <h2 id="segment-detail-title">{segment.name}</h2>
          <p className="muted small">
            In {tenantName}
            {segment.status ? ` · ${segment.status.toLowerCase()}` : ''}
            {segment.modifiedAt ? ` · changed ${new Date(segment.modifiedAt).toLocaleString()}` : ''}
          </p>
        </div>
        <button type="button" onClick={() => setUi({ segmentPane: { mode: 'edit', segmentId: segment.id } })}>
          Edit
        </button>
      </div>
      {segment.description ? <p>{segment.description}</p> : null}
      <h3>Fans who match</h3>
      {segment.definition === null ? (
        <p className="muted">The Nevent API sent this segment without a definition this app can read.</p>
      ) : (
        <DefinitionView definition={segment.definition} catalog={catalog} />
      )}
      {typeof segment.estimatedCount === 'number' ? <p className="muted">About {segment.estimatedCount.toLocaleString('en')} fans.</p> : null}
    </article>
  );
}
