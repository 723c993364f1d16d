/** A pause a screen reader reads inside a name computed from content; nothing a sighted person sees. */
import type { ReactNode } from 'react';

/**
 * A comma read between two parts of a name computed from content ("Acme Lyon, Owner, Invited"): badges
 * sit side by side on screen, and without it a screen reader runs them into one phrase. It goes at the
 * end of the part before (the gap between two boxes is read as a space after it). It stays inline text
 * of no size (`.spoken-pause`): a visually hidden box is positioned, and a positioned box counts as a
 * block in a computed name, which would read "Acme Lyon , Owner".
 */
export function Pause(): ReactNode {
  return <span className="spoken-pause">, </span>;
}
