/** The window's key tests and how a chord is written, per keyboard (macOS ⌘, elsewhere Ctrl). */
import { describe, expect, it } from 'vitest';
import { chordText, isMacKeyboard, isPinKey, isQuickSwitchKey, isSaveKey, isShortcutsKey, namedChords, shortcutGroups, viewForKey } from '../../../src-renderer/lib/keyboard-shortcuts';
import type { MessageId } from '../../../src-shared/i18n/catalog';
import { englishWords as english, spanishWords as spanish } from '../../helpers/words';

const englishWords = (id: MessageId): string => english.formatMessage({ id });
const spanishWords = (id: MessageId): string => spanish.formatMessage({ id });

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('keyboard shortcuts', () => {
  it('tells a Mac keyboard from the others by the platform', () => {
    expect(isMacKeyboard('MacIntel')).toBe(true);
    expect(isMacKeyboard('iPad')).toBe(true);
    expect(isMacKeyboard('Linux x86_64')).toBe(false);
    expect(isMacKeyboard('Win32')).toBe(false);
  });

  it('the command key is Ctrl off a Mac and ⌘ on one, held alone', () => {
    expect(isSaveKey(press('s', { ctrlKey: true }), false)).toBe(true);
    expect(isSaveKey(press('S', { ctrlKey: true }), false)).toBe(true);
    expect(isSaveKey(press('s', { metaKey: true }), false)).toBe(false);
    expect(isSaveKey(press('s', { metaKey: true }), true)).toBe(true);
    expect(isSaveKey(press('s', { ctrlKey: true }), true)).toBe(false);
    // With Shift or Alt it is another shortcut (or a character on some layouts).
    expect(isSaveKey(press('s', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(isSaveKey(press('s', { ctrlKey: true, altKey: true }), false)).toBe(false);
    expect(isPinKey(press('p', { ctrlKey: true }), false)).toBe(true);
    expect(isQuickSwitchKey(press('k', { ctrlKey: true }), false)).toBe(true);
    expect(isQuickSwitchKey(press('k', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
  });

  it('Ctrl+1…3 open the tabs in their order; other digits nothing', () => {
    expect(viewForKey(press('1', { ctrlKey: true }), false)).toBe('segments');
    expect(viewForKey(press('2', { ctrlKey: true }), false)).toBe('mcp');
    expect(viewForKey(press('3', { metaKey: true }), true)).toBe('settings');
    expect(viewForKey(press('4', { ctrlKey: true }), false)).toBeNull();
    expect(viewForKey(press('1'), false)).toBeNull();
  });

  it('? lists the shortcuts, except while typing (where it is a character)', () => {
    expect(isShortcutsKey(press('?', { shiftKey: true }))).toBe(true);
    expect(isShortcutsKey(press('?', { ctrlKey: true }))).toBe(false);
  });

  it('writes chords as the keyboard and the language do', () => {
    const en = englishWords;
    const es = spanishWords;
    expect(chordText(namedChords.save, false, en)).toBe('Ctrl+S');
    expect(chordText(namedChords.save, true, en)).toBe('⌘S');
    const globalSwitch = shortcutGroups.flatMap((g) => g.lines).find((line) => line.what === 'keys.globalQuickSwitch');
    expect(chordText(globalSwitch?.keys[0] ?? [], true, en)).toBe('⌘⇧K');
    expect(chordText(globalSwitch?.keys[0] ?? [], false, es)).toMatch(/^Ctrl\+\S+\+K$/);
  });

  it('every line of the list has words in both languages', () => {
    for (const group of shortcutGroups) {
      expect(spanishWords(group.title)).not.toBe(englishWords(group.title));
      for (const line of group.lines) expect(englishWords(line.what)).not.toBe(line.what);
    }
  });
});
