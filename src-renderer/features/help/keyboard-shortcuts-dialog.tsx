/**
 * "Keyboard shortcuts": every key the window answers to, where it works (the window, the tabs, the
 * org-picker, the segment editor), as this keyboard writes it (⌘ or Ctrl) and in the window's language.
 * Opened by `?`, the application menu's entry and the account menu; the list is lib/keyboard-shortcuts.ts.
 */
import type { ReactNode } from 'react';
import type { AppInfo } from '../../../src-shared/ipc';
import { ModalDialog } from '../../components/modal-dialog';
import { useKeyLabels } from '../../i18n/use-key-labels';
import { useWords } from '../../i18n/use-words';
import { shortcutGroups } from '../../lib/keyboard-shortcuts';

/** Props of the shortcuts dialog. */
export interface KeyboardShortcutsDialogProps {
  /** The desktop app lists its global shortcut too; a browser tab has none. */
  shell: AppInfo['shell'];
  onClose: () => void;
}

/** The list of keyboard shortcuts, as a dialog. */
export function KeyboardShortcutsDialog(props: KeyboardShortcutsDialogProps): ReactNode {
  const t = useWords();
  const keys = useKeyLabels();
  return (
    <ModalDialog className="shortcuts-dialog" labelledBy="shortcuts-title" onClose={props.onClose}>
      <div className="shortcuts-head">
        <h2 id="shortcuts-title">{t('keys.title')}</h2>
        <button type="button" onClick={props.onClose}>
          {t('common.close')}
        </button>
      </div>
      {shortcutGroups.map((group) => (
        <section key={group.title} className="shortcuts-group" aria-labelledby={`shortcuts-${group.title}`}>
          <h3 id={`shortcuts-${group.title}`}>{t(group.title)}</h3>
          <table className="shortcuts-table">
            <thead className="visually-hidden">
              <tr>
                <th scope="col">{t('keys.col.keys')}</th>
                <th scope="col">{t('keys.col.does')}</th>
              </tr>
            </thead>
            <tbody>
              {group.lines
                .filter((line) => line.only === undefined || line.only === props.shell)
                .map((line) => (
                  <tr key={line.what}>
                    <th scope="row" className="shortcut-keys">
                      {line.keys.map((chord, i) => (
                        <span key={i}>
                          {i > 0 ? <span className="muted"> {t('keys.or')} </span> : null}
                          <kbd>{keys.chord(chord)}</kbd>
                        </span>
                      ))}
                    </th>
                    <td>{t(line.what)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </ModalDialog>
  );
}
