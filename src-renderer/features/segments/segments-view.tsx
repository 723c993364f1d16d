/** The segments view: the list on the left, detail or editor on the right. */
import type { ReactNode } from 'react';
import { missingCaseError } from '../../../src-shared/missing-case';
import { useSegments, useUi } from '../../app/app-context';
import { useWords } from '../../i18n/use-words';
import { SegmentDetail } from './segment-detail';
import { SegmentEditor } from './segment-editor';
import { SegmentList } from './segment-list';

/** The segments view of the active tenant. */
export function SegmentsView(): ReactNode {
  const t = useWords();
  const pane = useUi((s) => s.segmentPane);
  // The editor starts from the segment as last read whole (the detail read it before Edit).
  const editing = useSegments((s) => (pane.mode === 'edit' ? (s.opened?.id === pane.segmentId ? s.opened : (s.segments.find((x) => x.id === pane.segmentId) ?? null)) : null));
  const criteriaReady = useSegments((s) => s.criteriaStatus === 'ready' || s.criteriaStatus === 'failed');
  let content: ReactNode;
  switch (pane.mode) {
    case 'none':
      content = <p className="pane-empty muted">{t('segments.choose')}</p>;
      break;
    case 'detail':
      content = <SegmentDetail key={pane.segmentId} segmentId={pane.segmentId} />;
      break;
    case 'create':
      content = criteriaReady ? <SegmentEditor key="new" segment={null} /> : <p className="muted">{t('segments.loadingCriteria')}</p>;
      break;
    case 'edit':
      content = editing && criteriaReady ? <SegmentEditor key={editing.id} segment={editing} /> : <p className="muted">{t('common.loading')}</p>;
      break;
    default:
      return missingCaseError(pane);
  }
  return (
    <div className="segments-view">
      <SegmentList />
      <section className="segment-pane" aria-label={t('segments.pane')}>
        {content}
      </section>
    </div>
  );
}
