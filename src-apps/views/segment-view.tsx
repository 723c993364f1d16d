/**
 * The segment view (`nevent_get_segment`, `nevent_segment_preview`, `nevent_create_segment`): the
 * definition in words as the window shows it, the estimated number of fans and a sample, and — where the
 * mode allows writes — the window's criteria builder, saved through `nevent_update_segment` under the
 * window's conflict rule: a segment changed since it was read is not overwritten; the view shows what
 * changed on each side and re-applies the person's edit on the latest version if they want it.
 *
 *   answer ──> segment (or a definition to preview) ──> criteria + preview (tool calls, in the answer's tenant)
 *   Adjust ──> builder ──Save──> nevent_update_segment ── conflict ──> nevent_get_segment (latest) ──> compare, re-apply
 */
import { useEffect, useMemo, useReducer, useState, type ReactNode } from 'react';
import { normalizeCriteria, type Criterion, type SegmentDefinition } from '../../src-shared/api';
import { SegmentDefinitionSchema } from '../../src-shared/api/segments';
import { isToolAllowed } from '../../src-shared/tool-access';
import type { OperationMode } from '../../src-shared/session';
import { ConflictTable } from '../../src-renderer/components/conflict-table';
import { CriteriaBuilder } from '../../src-renderer/features/segments/criteria-builder';
import { DefinitionView } from '../../src-renderer/features/segments/definition-view';
import { Text } from '../../src-renderer/i18n/text';
import { useWords } from '../../src-renderer/i18n/use-words';
import { draftFromSegment, draftToDefinition, reduceDraft, validateDraft, type DraftAction, type SegmentDraft } from '../../src-renderer/lib/segment-draft';
import { compareVersions, reapplyOnLatest, type FieldComparison } from '../../src-renderer/lib/segment-merge';
import { useView } from '../host/view-context';
import { readOutcome } from '../host/tool-outcome';
import { failureText } from '../lib/outcome-text';
import { PreviewAnswerSchema, readAs, SegmentAnswerSchema, type PreviewAnswer, type SampleFan, type SegmentAnswer } from '../lib/tool-answers';
import { CallState } from './call-state';

/** What the answer gave the view. */
interface Subject {
  /** The saved segment, when there is one (a preview has only a definition). */
  segment: SegmentAnswer | null;
  definition: SegmentDefinition | null;
  tenantId: string;
  mode: OperationMode | null;
  /** The answer's own preview (`nevent_segment_preview`). */
  preview: PreviewAnswer | null;
}

type Editing = { draft: SegmentDraft; conflict: { latest: SegmentAnswer; changes: FieldComparison[] } | null; reapplied: boolean };

function editReducer(state: Editing | null, action: DraftAction | { type: 'start'; draft: SegmentDraft } | { type: 'stop' } | { type: 'conflict'; latest: SegmentAnswer; changes: FieldComparison[] } | { type: 'rebase'; draft: SegmentDraft; reapplied: boolean }): Editing | null {
  switch (action.type) {
    case 'start':
      return { draft: action.draft, conflict: null, reapplied: false };
    case 'stop':
      return null;
    case 'conflict':
      return state === null ? null : { ...state, conflict: { latest: action.latest, changes: action.changes } };
    case 'rebase':
      return { draft: action.draft, conflict: null, reapplied: action.reapplied };
    default:
      return state === null ? null : { ...state, draft: reduceDraft(state.draft, action) };
  }
}

/** The segment view. */
export function SegmentView(): ReactNode {
  const t = useWords();
  const { host, snapshot } = useView();
  const [subject, setSubject] = useState<Subject | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [criteria, setCriteria] = useState<Criterion[] | null>(null);
  const [preview, setPreview] = useState<{ answer: PreviewAnswer } | { failure: string } | null>(null);
  const [editing, edit] = useReducer(editReducer, null);
  const [showIssues, setShowIssues] = useState(false);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (snapshot.result === null) return;
    const outcome = readOutcome(snapshot.result);
    if (outcome.kind !== 'ok') return setFailure(failureText(t.translator, outcome));
    const answer = outcome.value;
    const asPreview = readAs(PreviewAnswerSchema, answer);
    if (asPreview !== null) {
      const definition = readAs(SegmentDefinitionSchema, snapshot.input?.definition);
      return setSubject({ segment: null, definition, tenantId: asPreview.tenant_id, mode: outcome.mode, preview: asPreview });
    }
    const segment = readAs(SegmentAnswerSchema, 'segment' in answer ? answer.segment : answer);
    if (segment === null) return setFailure(t('apps.error.unreadable'));
    setSubject({ segment, definition: segment.definition, tenantId: segment.tenant_id, mode: outcome.mode, preview: null });
  }, [snapshot.result, snapshot.input, t]);

  const tenantId = subject?.tenantId;
  useEffect(() => {
    if (tenantId === undefined) return;
    void host.call('nevent_segmentation_criteria', { tenant_id: tenantId }).then((outcome) => {
      // Without criteria the definition still reads, by criterion id.
      setCriteria(outcome.kind === 'ok' ? normalizeCriteria(outcome.value.criteria) : []);
    });
  }, [host, tenantId]);

  // Counted again only when the definition shown changes (not when, say, only the description did).
  const shown = subject?.segment?.definition ?? subject?.definition ?? null;
  const shownKey = shown === null ? null : JSON.stringify(shown);
  const answered = subject?.preview ?? null;
  useEffect(() => {
    if (tenantId === undefined || shownKey === null) return;
    if (answered !== null) return setPreview({ answer: answered });
    let live = true;
    void host.call('nevent_segment_preview', { definition: JSON.parse(shownKey) as unknown, tenant_id: tenantId }).then((outcome) => {
      if (!live) return;
      const answer = outcome.kind === 'ok' ? readAs(PreviewAnswerSchema, outcome.value) : null;
      setPreview(answer !== null ? { answer } : { failure: outcome.kind === 'ok' ? t('apps.error.unreadable') : failureText(t.translator, outcome) });
    });
    return () => {
      live = false;
    };
  }, [host, tenantId, shownKey, answered, t]);

  const catalog = useMemo(() => new Map((criteria ?? []).map((c) => [c.id, c])), [criteria]);
  if (subject === null) return <CallState failure={failure} />;
  const { segment } = subject;
  const canWrite = segment !== null && (subject.mode === null || isToolAllowed(subject.mode, 'write'));
  const issues = editing === null ? [] : validateDraft(editing.draft, catalog);

  const save = async (): Promise<void> => {
    if (segment === null || editing === null) return;
    setShowIssues(true);
    setNotice(null);
    if (issues.length > 0) return;
    setSaving(true);
    const outcome = await host.call('nevent_update_segment', { segment_id: segment.id, definition: draftToDefinition(editing.draft, catalog), tenant_id: subject.tenantId });
    if (outcome.kind === 'error' && outcome.error.code === 'conflict') {
      // The window's rule: read the latest version, show what changed on each side, keep the person's edit.
      const latest = await host.call('nevent_get_segment', { segment_id: segment.id, tenant_id: subject.tenantId });
      setSaving(false);
      const read = latest.kind === 'ok' ? readAs(SegmentAnswerSchema, latest.value) : null;
      if (read === null) return setNotice(latest.kind === 'ok' ? t('apps.error.unreadable') : failureText(t.translator, latest));
      return edit({ type: 'conflict', latest: read, changes: compareVersions(t.translator, segment, editing.draft, read, catalog) });
    }
    setSaving(false);
    if (outcome.kind !== 'ok') return setNotice(failureText(t.translator, outcome));
    const saved = readAs(SegmentAnswerSchema, outcome.value.segment);
    if (saved === null) return setNotice(t('apps.error.unreadable'));
    setSubject({ ...subject, segment: saved, definition: saved.definition, mode: outcome.mode ?? subject.mode });
    edit({ type: 'stop' });
    setShowIssues(false);
    setNotice(t('apps.segment.saved', { segment: saved.name }));
    void host.tellModel(`The user changed the definition of segment "${saved.name}" (${saved.id}) in the segment view. Read it again with nevent_get_segment before describing or changing it.`);
  };

  const resolve = (keepMine: boolean): void => {
    if (segment === null || editing?.conflict == null) return;
    const { latest } = editing.conflict;
    edit({ type: 'rebase', draft: keepMine ? reapplyOnLatest(t.translator, segment, editing.draft, latest, catalog) : draftFromSegment(latest), reapplied: keepMine });
    setSubject({ ...subject, segment: latest, definition: latest.definition });
    setShowIssues(false);
  };

  return (
    <section className="view segment-view" aria-labelledby="segment-title">
      <h1 id="segment-title">{segment?.name ?? t('apps.segment.previewTitle')}</h1>
      {segment?.description ? <p className="view-lead">{segment.description}</p> : null}
      <p className="muted small">{t('segments.inTenant', { tenant: subject.tenantId })}</p>

      <h2>{t('segments.whoMatch')}</h2>
      {shown === null ? <p className="muted">{t('segments.unreadable')}</p> : criteria === null ? <p className="muted">{t('segments.loadingCriteria')}</p> : <DefinitionView definition={shown} catalog={catalog} />}

      <PreviewBlock state={preview} />

      {canWrite && criteria !== null && editing === null ? (
        <button type="button" className="primary" onClick={() => (setNotice(null), edit({ type: 'start', draft: draftFromSegment(segment) }))}>
          {t('apps.segment.adjust')}
        </button>
      ) : null}
      {segment !== null && !canWrite ? <p className="muted small">{t('apps.segment.readOnly')}</p> : null}

      {editing !== null && criteria !== null ? (
        // A group, not a form: hosts frame views without `allow-forms`, where a form's submit never fires.
        <div className="segment-edit" role="group" aria-label={t('apps.segment.editLabel')}>
          {editing.conflict !== null ? <ConflictBox changes={editing.conflict.changes} onResolve={resolve} /> : null}
          {editing.reapplied ? <p className="banner">{t('conflict.bothChanged')}</p> : null}
          <CriteriaBuilder draft={editing.draft} criteria={criteria} catalog={catalog} issues={issues} showIssues={showIssues} dispatch={edit} tenantName={subject.tenantId} />
          <div className="actions">
            <button type="button" className="primary" disabled={saving || editing.conflict !== null} onClick={() => void save()}>
              {saving ? t('apps.segment.saving') : t('apps.segment.save')}
            </button>
            <button type="button" className="secondary" disabled={saving} onClick={() => edit({ type: 'stop' })}>
              {t('apps.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <p className="view-message" role="status">
        {notice ?? ''}
      </p>
    </section>
  );
}

/** The estimated count and a few fans. */
function PreviewBlock(props: { state: { answer: PreviewAnswer } | { failure: string } | null }): ReactNode {
  const t = useWords();
  if (props.state === null) return <p className="muted">{t('apps.segment.counting')}</p>;
  if ('failure' in props.state) return <p className="view-message error">{props.state.failure}</p>;
  const { estimated_fan_count: count, sample_fans: sample } = props.state.answer;
  return (
    <div className="preview">
      <p className="figure" data-testid="estimated-count">
        {t('segments.aboutFans', { count })}
      </p>
      {sample.length > 0 ? (
        <table className="data-table">
          <caption>{t('apps.segment.sample', { count: sample.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('apps.segment.fanName')}</th>
              <th scope="col">{t('apps.segment.fanEmail')}</th>
            </tr>
          </thead>
          <tbody>
            {sample.map((fan: SampleFan, i) => (
              <tr key={fan.fan_id ?? i}>
                <td>{[fan.first_name, fan.last_name].filter((part) => typeof part === 'string' && part !== '').join(' ') || (fan.fan_id ?? '—')}</td>
                <td>{fan.email ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/** A save that met a newer version: what changed on each side, and the two ways on. */
function ConflictBox(props: { changes: FieldComparison[]; onResolve: (keepMine: boolean) => void }): ReactNode {
  return (
    <div role="alert" className="banner warning">
      <p>
        <Text id="conflict.explained" />
      </p>
      <ConflictTable changes={props.changes} onResolve={props.onResolve} />
    </div>
  );
}
