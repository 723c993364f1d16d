/**
 * Says, over every screen, when the window has lost the core (`serve` stopped, frozen or restarted):
 * what you see may be out of date and nothing can be changed until it is back. It goes away by itself
 * once the event stream is open again.
 */
import type { ReactNode } from 'react';
import { useConnection } from '../../app/app-context';

/** The disconnected banner; nothing while connected. */
export function ConnectionBanner(): ReactNode {
  const state = useConnection();
  if (state === 'reconnecting') {
    return (
      <div className="connection-banner" role="alert" data-testid="connection-banner">
        <span className="connection-spinner" aria-hidden="true" />
        <span>
          <strong>Disconnected — reconnecting…</strong> Nevent Companion is not answering. What you see may be out of date, and changes wait until it is back.
        </span>
      </div>
    );
  }
  if (state === 'ended') {
    return (
      <div className="connection-banner ended" role="alert" data-testid="connection-banner">
        <span>
          <strong>This page lost its session.</strong> Nevent Companion was restarted: open the new <code>ui:</code> address it printed.
        </span>
      </div>
    );
  }
  return null;
}

/** True while the window should not take changes (shown dimmed, not interactive). */
export function useOffline(): boolean {
  const state = useConnection();
  return state === 'reconnecting' || state === 'ended';
}
