/**
 * The question before unsaved segment edits are dropped: keep editing (the default, and Escape) or
 * discard them and go on with what the person asked for (open another segment, switch tenant, sign out).
 * Closing a browser tab (`serve`) with unsaved edits asks through the browser's own prompt.
 */
import { useEffect, type ReactNode } from 'react';
import type { MessageId } from '../../../src-shared/i18n/catalog';
import { useCommands, useUi } from '../../app/app-context';
import { ModalDialog } from '../../components/modal-dialog';
import { useWords } from '../../i18n/use-words';
import type { LeaveReason } from '../../stores/ui-store';

/** What each action would do to the editor, in words. */
const because: Record<LeaveReason, MessageId> = {
  openSegment: 'unsaved.because.openSegment',
  newSegment: 'unsaved.because.newSegment',
  switchTenant: 'unsaved.because.switchTenant',
  resetTenant: 'unsaved.because.resetTenant',
  signOut: 'unsaved.because.signOut',
};

/** The keep / discard question; shown while an action waits for it. */
export function UnsavedEditsDialog(): ReactNode {
  const t = useWords();
  const commands = useCommands();
  const pending = useUi((s) => s.pendingLeave);
  const edits = useUi((s) => s.unsavedEdits);
  if (pending === null) return null;
  const name = edits?.segmentName ?? null;
  return (
    <ModalDialog role="alertdialog" labelledBy="unsaved-title" describedBy="unsaved-text" onClose={() => commands.keepEdits()}>
      <h2 id="unsaved-title">{name === null ? t('unsaved.questionNew') : t('unsaved.questionNamed', { name })}</h2>
      <p id="unsaved-text">{t(because[pending.reason])}</p>
      <div className="dialog-actions">
        {/* Keeping is the safe answer: it has the focus, and Escape gives it too. */}
        <button type="button" className="primary" data-autofocus onClick={() => commands.keepEdits()}>
          {t('unsaved.keep')}
        </button>
        <button type="button" className="danger" onClick={() => commands.discardEdits()}>
          {t('unsaved.discard')}
        </button>
      </div>
    </ModalDialog>
  );
}

/**
 * While the editor holds unsaved edits, closing or reloading the browser tab asks first (the browser's
 * own prompt; a page may not word it). Only where `enabled`: the desktop shell asks itself.
 */
export function useUnloadGuard(enabled: boolean): void {
  const unsaved = useUi((s) => s.unsavedEdits !== null);
  useEffect(() => {
    if (!enabled || !unsaved) return;
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      event.preventDefault();
      // Older browsers ask only when a value is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [enabled, unsaved]);
}
