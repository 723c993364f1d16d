/**
 * Create or edit a segment: name, description, the criteria builder, validation messages, a live preview
 * count. When someone else changed the segment meanwhile (an AI session, another window), the save is
 * refused (`conflict`) and the editor shows what changed on each side, then re-applies the person's edit
 * on the latest version for them to review and save, or drops it for the latest.
 */
import { useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import type { SegmentView as Segment } from '../../../src-shared/ipc';
import type { AppErrorData } from '../../../src-shared/errors';
import { useAppState, useCommands, useSegments, useSetUi } from '../../app/app-context';
import { draftFromSegment, draftToDefinition, emptyDraft, reduceDraft, validateDraft, type DraftAction, type SegmentDraft } from '../../lib/segment-draft';
import { compareVersions, reapplyOnLatest, type FieldComparison } from '../../lib/segment-merge';
import { Text } from '../../i18n/text';
import { useFormats } from '../../i18n/locale-provider';
import { useWords } from '../../i18n/use-words';
import { errorReason } from '../../lib/error-text';
import { CriteriaBuilder } from './criteria-builder';
import { usePreview } from './use-preview';

type EditorAction = DraftAction | { type: 'replace'; draft: SegmentDraft };

// The builder's reducer plus "replace everything" (reload after a conflict).
function editorReducer(draft: SegmentDraft, action: EditorAction): SegmentDraft {
  return action.type === 'replace' ? action.draft : reduceDraft(draft, action);
}

/** Props of the editor: `segment` null creates a new one. */
export interface SegmentEditorProps {
  segment: Segment | null;
}

/** The segment editor. Keyed by segment id (and reload generation) by its parent. */
export function SegmentEditor(props: SegmentEditorProps): ReactNode {
  const t = useWords();
  const formats = useFormats();
  const commands = useCommands();
  const setUi = useSetUi();
  const criteria = useSegments((s) => s.criteria);
  const catalog = useSegments((s) => s.criteriaById);
  const criteriaError = useSegments((s) => s.criteriaError);
  const tenantName = useAppState((a) => a?.desktop.activeTenant?.name ?? a?.desktop.activeTenant?.id ?? '');
  const [base, setBase] = useState<Segment | null>(props.segment);
  const [current, dispatch] = useReducer(editorReducer, null, (): SegmentDraft => (props.segment ? draftFromSegment(props.segment) : emptyDraft(criteria[0])));
  const [showIssues, setShowIssues] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<AppErrorData | null>(null);
  // After a conflict: the latest version and what changed on each side since `base`.
  const [conflict, setConflict] = useState<{ latest: Segment; changes: FieldComparison[] } | null>(null);
  const [reapplied, setReapplied] = useState(false);
  const conflictBox = useRef<HTMLDivElement>(null);
  // The comparison appears above the sticky footer: bring it into view once, when it appears.
  useEffect(() => {
    if (conflict !== null) conflictBox.current?.scrollIntoView({ block: 'nearest' });
  }, [conflict]);
  // A newer version pushed while editing (the list's revision moved): said before the save is refused.
  const listedRevision = useSegments((s) => (base ? (s.segments.find((x) => x.id === base.id)?.revision ?? null) : null));
  const changedMeanwhile = base !== null && !saving && listedRevision !== null && listedRevision !== base.revision && conflict === null;

  const issues = useMemo(() => validateDraft(current, catalog), [current, catalog]);
  const definitionOk = !issues.some((i) => i.field === 'definition' || i.conditionKey !== undefined);
  const definition = useMemo(() => (definitionOk && catalog.size > 0 ? draftToDefinition(current, catalog) : null), [definitionOk, current, catalog]);
  const preview = usePreview(commands, definition);

  const act = dispatch;

  const save = async (): Promise<void> => {
    setShowIssues(true);
    setFailure(null);
    if (issues.length > 0 || definition === null) return;
    setSaving(true);
    const input = { name: current.name.trim(), definition, ...(current.description.trim() === '' ? {} : { description: current.description.trim() }) };
    const outcome = base ? await commands.updateSegment(base.id, base.revision, input) : await commands.createSegment(input);
    if (!outcome.ok && outcome.error.code === 'conflict' && base) {
      const latest = await commands.getSegment(base.id);
      setSaving(false);
      setFailure(outcome.error);
      setConflict(latest.ok ? { latest: latest.value, changes: compareVersions(t.translator, base, current, latest.value, catalog) } : null);
      if (!latest.ok) setFailure(latest.error);
      return;
    }
    setSaving(false);
    if (outcome.ok) setUi({ segmentPane: { mode: 'detail', segmentId: outcome.value.id } });
    else setFailure(outcome.error);
  };

  const resolve = (keepMine: boolean): void => {
    if (!base || !conflict) return;
    const latest = conflict.latest;
    // Either way the edit now starts from the latest version; with keepMine the person's changes are on top.
    dispatch({ type: 'replace', draft: keepMine ? reapplyOnLatest(t.translator, base, current, latest, catalog) : draftFromSegment(latest) });
    setBase(latest);
    setConflict(null);
    setFailure(null);
    setShowIssues(false);
    setReapplied(keepMine);
  };

  const nameIssue = showIssues ? (issues.find((i) => i.field === 'name')?.message ?? null) : null;
  const definitionIssue = showIssues ? (issues.find((i) => i.field === 'definition')?.message ?? null) : null;

  return (
    <form
      className="segment-editor"
      aria-labelledby="segment-editor-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="pane-head">
        <div>
          <h2 id="segment-editor-title">{base ? t('editor.editTitle', { name: base.name }) : t('segments.new')}</h2>
          <p className="muted small">
            <Text id="editor.inTenant" values={{ tenant: tenantName }} />
            {base?.modifiedAt ? ` · ${t('editor.editingVersion', { when: formats.dateTime(base.modifiedAt) })}` : ''}
          </p>
        </div>
      </div>


      <label className="field">
        {t('editor.name')}
        <input type="text" value={current.name} onChange={(e) => act({ type: 'setName', name: e.target.value })} aria-invalid={nameIssue !== null} aria-describedby="segment-name-issue" maxLength={240} />
      </label>
      <p id="segment-name-issue" className="field-issue">
        {nameIssue === null ? '' : t.message(nameIssue)}
      </p>
      <label className="field">
        <span>
          {t('editor.description')} <span className="muted small">{t('common.optional')}</span>
        </span>
        <input type="text" value={current.description} onChange={(e) => act({ type: 'setDescription', description: e.target.value })} />
      </label>

      {criteriaError ? (
        <p className="form-error" role="alert">
          {t('editor.criteriaFailed', { reason: errorReason(t.translator, criteriaError) })}
        </p>
      ) : null}
      <CriteriaBuilder draft={current} criteria={criteria} catalog={catalog} issues={issues} showIssues={showIssues} dispatch={act} tenantName={tenantName} />
      <p className="field-issue">{definitionIssue === null ? '' : t.message(definitionIssue)}</p>

      {changedMeanwhile && failure === null ? (
        <p className="banner info" role="status">
          {t('editor.changedMeanwhile')}
        </p>
      ) : null}
      {reapplied && failure === null ? (
        <p className="banner info" role="status" data-testid="reapplied">
          {t('editor.reapplied')}
        </p>
      ) : null}
      {failure?.code === 'conflict' ? (
        <div role="alert" className="banner warning conflict" ref={conflictBox}>
          <p>
            <Text id="conflict.explained" />
          </p>
          {conflict ? (
            <>
              <table className="conflict-table" aria-label={t('conflict.table')}>
                <thead>
                  <tr>
                    <th scope="col">{t('conflict.field')}</th>
                    <th scope="col">{t('conflict.yours')}</th>
                    <th scope="col">{t('conflict.latest')}</th>
                  </tr>
                </thead>
                <tbody>
                  {conflict.changes.map((c) => (
                    <tr key={c.field}>
                      <th scope="row">{t(c.label)}</th>
                      <td className={c.mineChanged ? 'changed' : 'same'}>
                        {c.mine || <span className="muted">{t('conflict.empty')}</span>}
                        {c.mineChanged ? <span className="change-tag">{t('conflict.youChanged')}</span> : null}
                      </td>
                      <td className={c.latestChanged ? 'changed' : 'same'}>
                        {c.latest || <span className="muted">{t('conflict.empty')}</span>}
                        {c.latestChanged ? <span className="change-tag">{t('conflict.changedElsewhere')}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {conflict.changes.some((c) => c.mineChanged && c.latestChanged) ? (
                <p className="small">{t('conflict.bothChanged')}</p>
              ) : null}
              <div className="conflict-actions">
                <button type="button" className="primary" onClick={() => resolve(true)}>
                  {t('conflict.reapply')}
                </button>
                <button type="button" onClick={() => resolve(false)}>
                  {t('conflict.discard')}
                </button>
              </div>
            </>
          ) : null}
        </div>
      ) : failure ? (
        <div role="alert" className="banner error">
          <p>
            <Text id="editor.notSaved" values={{ reason: failure.code === 'tenant_mismatch' ? t('editor.switchedMeanwhile') : errorReason(t.translator, failure) }} />
          </p>
        </div>
      ) : null}
      <div className="editor-footer">
        <p className="preview-count" role="status" aria-label={t('editor.preview')}>
          {preview.state === 'ready'
            ? t('editor.previewCount', { count: preview.count })
            : preview.state === 'loading'
              ? t('editor.estimating')
              : preview.state === 'error'
                ? t('editor.previewFailed', { reason: errorReason(t.translator, preview.error) })
                : t('editor.previewIdle')}
        </p>
        <button type="button" onClick={() => setUi({ segmentPane: base ? { mode: 'detail', segmentId: base.id } : { mode: 'none' } })}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('editor.saving') : base ? t('editor.save') : t('editor.create')}
        </button>
      </div>
    </form>
  );
}
