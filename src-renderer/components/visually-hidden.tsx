/** Words for screen readers only: on the page (so they are part of a name computed from content), never seen. */
import type { ReactNode } from 'react';

/** Text read out but not shown. */
export function VisuallyHidden(props: { children: ReactNode }): ReactNode {
  return <span className="visually-hidden">{props.children}</span>;
}

/**
 * A comma read between two parts of a name computed from content ("Acme Lyon, Owner, Invited"): badges
 * sit side by side on screen, and without it a screen reader runs them into one phrase. It goes at the
 * end of the part before (the gap between two boxes is read as a space after it).
 */
export function Pause(): ReactNode {
  return <VisuallyHidden>, </VisuallyHidden>;
}
