/**
 * Says, over every screen, when the window has lost the core (`serve` stopped, frozen or restarted):
 * what you see may be out of date and nothing can be changed until it is back. It goes away by itself
 * once the event stream is open again.
 */
import type { ReactNode } from 'react';
import { useConnection } from '../../app/app-context';
import { Text } from '../../i18n/text';

/** The disconnected banner; nothing while connected. */
export function ConnectionBanner(): ReactNode {
  const state = useConnection();
  if (state === 'reconnecting') {
    return (
      <div className="connection-banner" role="alert" data-testid="connection-banner">
        <span className="connection-spinner" aria-hidden="true" />
        <span>
          <Text id="connection.reconnecting" />
        </span>
      </div>
    );
  }
  if (state === 'ended') {
    return (
      <div className="connection-banner ended" role="alert" data-testid="connection-banner">
        <span>
          <Text id="connection.ended" />
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
