/**
 * A modal dialog on the platform's own `<dialog>` (showModal): the rest of the window is inert while it
 * is open, for the mouse, the keyboard and screen readers alike. On top of that:
 *
 *   open   ─> focus on the first control (or the one with autoFocus)
 *   Tab    ─> wraps inside the dialog (never into the browser's toolbar or the inert page)
 *   Escape ─> `onClose`, unless a control inside used the key first (the picker clears its search)
 *   click outside the box ─> `onClose`
 *   closed ─> focus back on what opened it, unless the action moved it on (a switch focuses the header)
 */
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';

/** Props of a modal dialog. */
export interface ModalDialogProps {
  /** The id of the dialog's title (its accessible name). */
  labelledBy: string;
  /** The id of the text that says what the dialog is about, when there is one. */
  describedBy?: string;
  /** Escape, a click outside, or the platform closing it: the owner removes the dialog. */
  onClose: () => void;
  /** `alertdialog` for a question that interrupts (unsaved edits); `dialog` otherwise. */
  role?: 'dialog' | 'alertdialog';
  className?: string;
  children: ReactNode;
}

/** Elements Tab stops at, in order. */
const tabbable = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function tabStops(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(tabbable)).filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
}

/** A modal dialog; render it while open, remove it to close. */
export function ModalDialog(props: ModalDialogProps): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  const onClose = useRef(props.onClose);
  useEffect(() => {
    onClose.current = props.onClose;
  });

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    dialog.showModal();
    // showModal focuses the first control; a control with autoFocus (React focuses it on mount) wins.
    const autofocus = dialog.querySelector<HTMLElement>('[data-autofocus]');
    autofocus?.focus();
    // The platform closes a dialog itself in a few cases (a second Escape with no user activation since
    // it opened): the owner hears of it.
    const onNativeClose = (): void => onClose.current();
    const onCancel = (event: Event): void => {
      event.preventDefault();
      onClose.current();
    };
    dialog.addEventListener('close', onNativeClose);
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('close', onNativeClose);
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      // Back to the opener, unless the dialog's action already put the focus somewhere that matters.
      const now = document.activeElement;
      const lost = now === null || now === document.body || dialog.contains(now) || !now.isConnected;
      if (lost && opener !== null && opener.isConnected) opener.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>): void => {
    if (event.key !== 'Tab' || ref.current === null) return;
    const stops = tabStops(ref.current);
    if (stops.length === 0) return;
    const first = stops[0] as HTMLElement;
    const last = stops[stops.length - 1] as HTMLElement;
    const at = document.activeElement;
    if (event.shiftKey && (at === first || !ref.current.contains(at))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (at === last || !ref.current.contains(at))) {
      event.preventDefault();
      first.focus();
    }
  };

  // A press on the backdrop lands on the <dialog> itself, outside its box.
  const onMouseDown = (event: MouseEvent<HTMLDialogElement>): void => {
    if (event.target !== ref.current) return;
    const box = ref.current.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) onClose.current();
  };

  return (
    <dialog
      ref={ref}
      className={`dialog${props.className === undefined ? '' : ` ${props.className}`}`}
      role={props.role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-modal="true"
      aria-labelledby={props.labelledBy}
      aria-describedby={props.describedBy}
      onKeyDown={onKeyDown}
      onMouseDown={onMouseDown}
    >
      {props.children}
    </dialog>
  );
}
