/**
 * Says, over every screen, when the window has lost the core (`serve` stopped, frozen or restarted):
 * what you see may be out of date and nothing can be changed until it is back. It goes away by itself
 * once the event stream is open again. Meanwhile the screen below is inert, so this is the page's main
 * content and its title (app.tsx).
 */
import type { ReactNode } from 'react';
import { useConnection } from '../../app/app-context';
import { Text } from '../../i18n/text';
import { useWords } from '../../i18n/use-words';

/** The disconnected banner; nothing while connected. */
export function ConnectionBanner(): ReactNode {
  const t = useWords();
  const state = useConnection();
  if (state !== 'reconnecting' && state !== 'ended') return null;
  const ended = state === 'ended';
  return (
    <div className={`connection-banner${ended ? ' ended' : ''}`} role="alert" data-testid="connection-banner">
      {ended ? null : <span className="connection-spinner" aria-hidden="true" />}
      <h1 className="connection-title">{ended ? t('connection.endedTitle') : t('connection.reconnectingTitle')}</h1>
      <p className="connection-text">{ended ? <Text id="connection.endedText" /> : t('connection.reconnectingText')}</p>
    </div>
  );
}

/** True while the window should not take changes (shown dimmed, not interactive). */
export function useOffline(): boolean {
  const state = useConnection();
  return state === 'reconnecting' || state === 'ended';
}
