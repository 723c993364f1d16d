/**
 * Whether the window holds edits nobody saved yet, as the window last said (`ui.setUnsavedEdits`). The
 * window asks before its own actions drop them; the Electron shell reads this before the actions that
 * start outside the window — closing it, quitting, a switch from the tray — and asks the person first.
 * `serve` keeps it too (its browser tab asks on close through `beforeunload`).
 */
export class WindowEdits {
  private unsaved = false;

  /** What the window said last. */
  hasUnsavedEdits(): boolean {
    return this.unsaved;
  }

  /** The window's word: true while an editor holds changes. */
  set(unsaved: boolean): void {
    this.unsaved = unsaved;
  }
}
