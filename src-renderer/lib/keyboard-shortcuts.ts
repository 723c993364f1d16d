/**
 * The window's keyboard shortcuts, in one place: the tests that tell a key press apart (`isSaveKey`, …),
 * the labels a person reads (in the row descriptions, tooltips and the "Keyboard shortcuts" dialog), and
 * `aria-keyshortcuts` values. A shortcut added here shows in the dialog; one left out of it is a bug.
 *
 * macOS writes ⌘ where Windows and Linux write Ctrl (and Electron's accelerators say CmdOrCtrl); the
 * person's keyboard decides, which in `serve` is the browser's platform, not the app's.
 */
import type { MessageId } from '../../src-shared/i18n/catalog';
import type { MainView } from '../stores/ui-store';

/** The keyboard a person types on: macOS or not (Windows, Linux, ChromeOS). */
export function isMacKeyboard(platform: string = typeof navigator === 'undefined' ? '' : navigator.platform): boolean {
  return /^(Mac|iPhone|iPad|iPod)/i.test(platform);
}

/** A key event's parts the tests below read (a DOM or React keyboard event). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The command key held alone: ⌘ on a Mac, Ctrl elsewhere (never both, never with Alt). */
function commandOnly(e: KeyPress, mac: boolean): boolean {
  return (mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey) && !e.altKey;
}

/** Ctrl+S / ⌘S: save the segment being edited. */
export function isSaveKey(e: KeyPress, mac = isMacKeyboard()): boolean {
  return commandOnly(e, mac) && !e.shiftKey && e.key.toLowerCase() === 's';
}

/** Ctrl+P / ⌘P in the org-picker: pin or unpin the selected tenant. */
export function isPinKey(e: KeyPress, mac = isMacKeyboard()): boolean {
  return commandOnly(e, mac) && !e.shiftKey && e.key.toLowerCase() === 'p';
}

/** Ctrl+K / ⌘K: the quick switch (the org-picker as a dialog). */
export function isQuickSwitchKey(e: KeyPress, mac = isMacKeyboard()): boolean {
  return commandOnly(e, mac) && !e.shiftKey && e.key.toLowerCase() === 'k';
}

/** The views behind Ctrl+1, Ctrl+2, Ctrl+3 (⌘1…), in the order of the tabs. */
export const viewOrder: readonly MainView[] = ['segments', 'mcp', 'settings'];

/** The view a Ctrl+digit (⌘digit) opens, or null. */
export function viewForKey(e: KeyPress, mac = isMacKeyboard()): MainView | null {
  if (!commandOnly(e, mac) || e.shiftKey || !/^[1-9]$/.test(e.key)) return null;
  return viewOrder[Number(e.key) - 1] ?? null;
}

/** `?` (Shift+/ on most layouts): the list of shortcuts; not while typing, where `?` is a character. */
export function isShortcutsKey(e: KeyPress & { target?: EventTarget | null }): boolean {
  return e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target ?? null);
}

/** True when keys typed at `target` are text (a text field, a text area, an editable element). */
export function isTyping(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target.isContentEditable) return true;
  if (target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

/** A key or chord a person reads: `mod` is ⌘ or Ctrl; the words are the catalog's (Intro, Mayús…). */
export type KeyPart = { mod: true } | { word: MessageId } | { glyph: string };

/** One line of the shortcuts dialog: the keys (alternatives) and what they do. */
export interface ShortcutLine {
  /** Each alternative is a chord of parts, pressed together. */
  keys: readonly (readonly KeyPart[])[];
  what: MessageId;
  /** Only where it exists: the desktop app's global shortcut. */
  only?: 'electron';
}

/** A titled group of the dialog. */
export interface ShortcutGroup {
  title: MessageId;
  lines: readonly ShortcutLine[];
}

const mod: KeyPart = { mod: true };
const glyph = (g: string): KeyPart => ({ glyph: g });
const word = (w: MessageId): KeyPart => ({ word: w });

/** Every shortcut, grouped where a person uses them. */
export const shortcutGroups: readonly ShortcutGroup[] = [
  {
    title: 'keys.group.window',
    lines: [
      { keys: [[glyph('?')]], what: 'keys.showShortcuts' },
      { keys: [[mod, glyph('K')]], what: 'keys.quickSwitch' },
      { keys: [[mod, word('key.shift'), glyph('K')]], what: 'keys.globalQuickSwitch', only: 'electron' },
      { keys: [[word('key.escape')]], what: 'keys.closeDialog' },
    ],
  },
  {
    title: 'keys.group.tabs',
    lines: [
      { keys: [[mod, glyph('1')]], what: 'keys.viewSegments' },
      { keys: [[mod, glyph('2')]], what: 'keys.viewMcp' },
      { keys: [[mod, glyph('3')]], what: 'keys.viewSettings' },
      { keys: [[word('key.tab')], [word('key.shift'), word('key.tab')]], what: 'keys.nextControl' },
    ],
  },
  {
    title: 'keys.group.picker',
    lines: [
      { keys: [[glyph('↑')], [glyph('↓')]], what: 'keys.pickerMove' },
      { keys: [[word('key.pageUp')], [word('key.pageDown')]], what: 'keys.pickerPage' },
      { keys: [[word('key.home')], [word('key.end')]], what: 'keys.pickerEnds' },
      { keys: [[glyph('→')]], what: 'keys.pickerExpand' },
      { keys: [[glyph('←')]], what: 'keys.pickerCollapse' },
      { keys: [[word('key.enter')]], what: 'keys.pickerOpen' },
      { keys: [[mod, glyph('P')]], what: 'keys.pickerPin' },
      { keys: [[word('key.escape')]], what: 'keys.pickerClear' },
    ],
  },
  {
    title: 'keys.group.editor',
    lines: [
      { keys: [[mod, glyph('S')]], what: 'keys.editorSave' },
      { keys: [[word('key.enter')]], what: 'keys.editorEnter' },
      { keys: [[glyph('↓')], [word('key.enter')]], what: 'keys.editorChoose' },
      { keys: [[word('key.backspace')]], what: 'keys.editorRemoveChip' },
    ],
  },
];

/** A chord as a person reads it: `⌘S` on a Mac, `Ctrl+S` elsewhere, words from the catalog. */
export function chordText(chord: readonly KeyPart[], mac: boolean, words: (id: MessageId) => string): string {
  const parts = chord.map((part) => {
    if ('mod' in part) return mac ? '⌘' : words('key.ctrl');
    // A Mac writes its modifiers as symbols, against the key (⌘⇧K).
    if ('word' in part) return mac && part.word === 'key.shift' ? '⇧' : words(part.word);
    return part.glyph;
  });
  return parts.join(mac ? '' : '+');
}

/** The chords the window names in its own sentences (row descriptions, tooltips, hints). */
export const namedChords = {
  pin: [mod, glyph('P')],
  save: [mod, glyph('S')],
  quickSwitch: [mod, glyph('K')],
} as const satisfies Record<string, readonly KeyPart[]>;

/** `aria-keyshortcuts` for a chord with the command key (`Control+S`, `Meta+S` on a Mac). */
export function ariaKeys(key: string, mac = isMacKeyboard()): string {
  return `${mac ? 'Meta' : 'Control'}+${key}`;
}
