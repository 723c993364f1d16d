/**
 * Create or edit a segment: name, description, the criteria builder, validation messages, a live preview
 * count, and a clear conflict message (with reload) when someone changed the segment meanwhile.
 */
import { useMemo, useReducer, useState, type ReactNode } from 'react';
import type { SegmentView as Segment } from '../../../src-shared/ipc';
import type { AppErrorData } from '../../../src-shared/errors';
import { useAppState, useCommands, useSegments, useSetUi } from '../../app/app-context';
import { draftFromSegment, draftToDefinition, emptyDraft, reduceDraft, validateDraft, type DraftAction, type SegmentDraft } from '../../lib/segment-draft';
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
    setSaving(false);
    if (outcome.ok) setUi({ segmentPane: { mode: 'detail', segmentId: outcome.value.id } });
    else setFailure(outcome.error);
  };

  const reloadLatest = async (): Promise<void> => {
    if (!base) return;
    const latest = await commands.getSegment(base.id);
    if (!latest.ok) return setFailure(latest.error);
    setBase(latest.value);
    setFailure(null);
    setShowIssues(false);
    // Replace the whole draft: the user chose the server's version over theirs.
    dispatch({ type: 'replace', draft: draftFromSegment(latest.value) });
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
          <h2 id="segment-editor-title">{base ? `Edit “${base.name}”` : 'New segment'}</h2>
          <p className="muted small">
            In <strong>{tenantName}</strong>
            {base?.modifiedAt ? ` · editing the version of ${new Date(base.modifiedAt).toLocaleString()}` : ''}
          </p>
        </div>
      </div>


      <label className="field">
        Name
        <input type="text" value={current.name} onChange={(e) => act({ type: 'setName', name: e.target.value })} aria-invalid={nameIssue !== null} aria-describedby="segment-name-issue" maxLength={240} />
      </label>
      <p id="segment-name-issue" className="field-issue">
        {nameIssue ?? ''}
      </p>
      <label className="field">
        <span>
          Description <span className="muted small">(optional)</span>
        </span>
        <input type="text" value={current.description} onChange={(e) => act({ type: 'setDescription', description: e.target.value })} />
      </label>

      {criteriaError ? (
        <p className="form-error" role="alert">
          Could not load the criteria of this tenant: {criteriaError.message}
        </p>
      ) : null}
      <CriteriaBuilder draft={current} criteria={criteria} catalog={catalog} issues={issues} showIssues={showIssues} dispatch={act} />
      <p className="field-issue">{definitionIssue ?? ''}</p>

      {failure?.code === 'conflict' ? (
        <div role="alert" className="banner warning">
          <p>
            <strong>This segment was changed elsewhere</strong> since you opened it. Your changes were not saved, so nothing was overwritten.
          </p>
          <button type="button" onClick={() => void reloadLatest()}>
            Reload latest version
          </button>
        </div>
      ) : failure ? (
        <div role="alert" className="banner error">
          <p>
            <strong>Not saved:</strong> {failure.code === 'tenant_mismatch' ? 'the desktop switched to another tenant while you were editing.' : failure.message}
          </p>
        </div>
      ) : null}
      <div className="editor-footer">
        <p className="preview-count" role="status" aria-label="Preview">
          {preview.state === 'ready'
            ? `≈ ${preview.count.toLocaleString('en')} fans match`
            : preview.state === 'loading'
              ? 'Estimating…'
              : preview.state === 'error'
                ? `Preview unavailable: ${preview.message}`
                : 'Complete the conditions to see how many fans match'}
        </p>
        <button type="button" onClick={() => setUi({ segmentPane: base ? { mode: 'detail', segmentId: base.id } : { mode: 'none' } })}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : base ? 'Save changes' : 'Create segment'}
        </button>
      </div>
    </form>
  );
}
