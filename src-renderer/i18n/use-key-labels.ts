/** Key chords as the person's keyboard and language write them (`Ctrl+P`, `⌘P`; `Mayús`, `Intro`). */
import { useMemo } from 'react';
import { chordText, isMacKeyboard, namedChords, type KeyPart } from '../lib/keyboard-shortcuts';
import { useWords } from './use-words';

/** The named chords' labels, and `chord()` for any other. */
export interface KeyLabels {
  pin: string;
  save: string;
  quickSwitch: string;
  chord(parts: readonly KeyPart[]): string;
  /** True on a Mac keyboard (⌘ rather than Ctrl). */
  mac: boolean;
}

/** Key labels in the window's language for this keyboard (stable until the language changes). */
export function useKeyLabels(): KeyLabels {
  const t = useWords();
  return useMemo(() => {
    const mac = isMacKeyboard();
    const chord = (parts: readonly KeyPart[]): string => chordText(parts, mac, (id) => t(id));
    return { pin: chord(namedChords.pin), save: chord(namedChords.save), quickSwitch: chord(namedChords.quickSwitch), chord, mac };
  }, [t]);
}
