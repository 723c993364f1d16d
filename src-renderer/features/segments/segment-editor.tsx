/**
 * Create or edit a segment: name, description, the criteria builder, validation messages, a live preview
 * count. When someone else changed the segment meanwhile (an AI session, another window), the save is
 * refused (`conflict`) and the editor shows what changed on each side, then re-applies the person's edit
 * on the latest version for them to review and save, or drops it for the latest.
 *
 * Nothing typed is lost without asking: the editor tells the window (and main) while its draft differs
 * from where it started, and whatever would close it asks first (commands.whenEditsMayGo). Ctrl+S (⌘S)
 * saves; Enter in a field does not (a half-typed name is not a decision to save).
 */
import { useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { SegmentView as Segment } from '../../../src-shared/ipc';
import type { AppErrorData } from '../../../src-shared/errors';
import { useAppState, useCommands, useSegments, useSetUi } from '../../app/app-context';
import { draftFromSegment, draftToDefinition, emptyDraft, reduceDraft, sameDraft, validateDraft, type DraftAction, type SegmentDraft } from '../../lib/segment-draft';
import { ariaKeys, isSaveKey, isTyping } from '../../lib/keyboard-shortcuts';
import { useKeyLabels } from '../../i18n/use-key-labels';
import { compareVersions, reapplyOnLatest, type FieldComparison } from '../../lib/segment-merge';
import { ConflictTable } from '../../components/conflict-table';
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
  const keys = useKeyLabels();
  const formats = useFormats();
  const commands = useCommands();
  const setUi = useSetUi();
  const criteria = useSegments((s) => s.criteria);
  const catalog = useSegments((s) => s.criteriaById);
  const criteriaError = useSegments((s) => s.criteriaError);
  const tenantName = useAppState((a) => a?.desktop.activeTenant?.name ?? a?.desktop.activeTenant?.id ?? '');
  const [base, setBase] = useState<Segment | null>(props.segment);
  // Where the edit started: the version it edits (the latest, after a conflict), or the empty new segment.
  const [started] = useState<SegmentDraft>(() => (props.segment ? draftFromSegment(props.segment) : emptyDraft(criteria[0])));
  const startingPoint = useMemo(() => (base === props.segment ? started : base === null ? started : draftFromSegment(base)), [base, props.segment, started]);
  const [current, dispatch] = useReducer(editorReducer, started);
  const form = useRef<HTMLFormElement>(null);
  const errorBox = useRef<HTMLDivElement>(null);
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

  // The window (and main, for a close or a quit) knows while there is something to lose.
  const unsaved = !sameDraft(current, startingPoint);
  const editingName = base?.name ?? null;
  useEffect(() => {
    commands.setUnsavedEdits(unsaved ? { segmentName: editingName } : null);
  }, [commands, unsaved, editingName]);
  useEffect(() => () => commands.setUnsavedEdits(null), [commands]);

  // After a failed save the focus goes to what needs the person: the first field to fix, or the message.
  const focusAfterFailure = (target: 'field' | 'message'): void => {
    requestAnimationFrame(() => {
      const field = target === 'field' ? form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') : null;
      (field ?? conflictBox.current ?? errorBox.current)?.focus();
    });
  };

  const save = async (): Promise<void> => {
    if (saving) return;
    setShowIssues(true);
    setFailure(null);
    if (issues.length > 0 || definition === null) return focusAfterFailure('field');
    setSaving(true);
    const input = { name: current.name.trim(), definition, ...(current.description.trim() === '' ? {} : { description: current.description.trim() }) };
    const outcome = base ? await commands.updateSegment(base.id, base.revision, input) : await commands.createSegment(input);
    if (!outcome.ok && outcome.error.code === 'conflict' && base) {
      const latest = await commands.getSegment(base.id);
      setSaving(false);
      setFailure(outcome.error);
      setConflict(latest.ok ? { latest: latest.value, changes: compareVersions(t.translator, base, current, latest.value, catalog) } : null);
      if (!latest.ok) setFailure(latest.error);
      return focusAfterFailure('message');
    }
    setSaving(false);
    if (outcome.ok) {
      // Saved: nothing left to lose, and the detail takes the pane.
      commands.setUnsavedEdits(null);
      setUi({ segmentPane: { mode: 'detail', segmentId: outcome.value.id } });
    } else {
      setFailure(outcome.error);
      focusAfterFailure('message');
    }
  };

  // Ctrl+S (⌘S) saves from anywhere in the window while the editor is on screen and no dialog is open.
  const latestSave = useRef(save);
  latestSave.current = save;
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent): void => {
      if (!isSaveKey(event) || form.current === null || form.current.offsetParent === null || document.querySelector('dialog[open]') !== null) return;
      // Before the browser's "Save page as…".
      event.preventDefault();
      void latestSave.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Enter in a text field would submit the form: a half-typed name is not a decision to save.
  const onFormKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    if (event.key === 'Enter' && !event.defaultPrevented && event.target instanceof HTMLInputElement && isTyping(event.target)) event.preventDefault();
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
      ref={form}
      className="segment-editor"
      aria-labelledby="segment-editor-title"
      onKeyDown={onFormKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {/* The body scrolls; the footer (preview count, Cancel, Save) sits below it, never over a control. */}
      <div className="editor-body">
        <div className="pane-head">
          <div className="pane-head-text">
            {/* A long name is cut on screen; the heading (its accessible name) and its tooltip hold all of it. */}
            <h2 id="segment-editor-title" className="truncate" title={base ? t('editor.editTitle', { name: base.name }) : undefined}>
              {base ? t('editor.editTitle', { name: base.name }) : t('segments.new')}
            </h2>
            <p className="muted small">
              <Text id="editor.inTenant" values={{ tenant: tenantName }} />
              {base?.modifiedAt ? ` · ${t('editor.editingVersion', { when: formats.dateTime(base.modifiedAt) })}` : ''}
            </p>
          </div>
        </div>

        <label className="field">
          {t('editor.name')}
          {/* The editor opens on its first field: Edit or New segment, then type. */}
          <input type="text" autoFocus value={current.name} onChange={(e) => act({ type: 'setName', name: e.target.value })} aria-invalid={nameIssue !== null} aria-describedby="segment-name-issue" maxLength={240} />
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
          <div role="alert" className="banner warning conflict" ref={conflictBox} tabIndex={-1}>
            <p>
              <Text id="conflict.explained" />
            </p>
            {conflict ? <ConflictTable changes={conflict.changes} onResolve={resolve} /> : null}
          </div>
        ) : failure ? (
          <div role="alert" className="banner error" ref={errorBox} tabIndex={-1}>
            <p>
              <Text id="editor.notSaved" values={{ reason: failure.code === 'tenant_mismatch' ? t('editor.switchedMeanwhile') : errorReason(t.translator, failure) }} />
            </p>
          </div>
        ) : null}
      </div>
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
        <button type="submit" className="primary" disabled={saving} aria-keyshortcuts={ariaKeys('S', keys.mac)} title={t('editor.saveHint', { key: keys.save })}>
          {saving ? t('editor.saving') : base ? t('editor.save') : t('editor.create')}
        </button>
      </div>
    </form>
  );
}
