/** What a view shows before its data is in: waiting for the answer, the call cancelled, or why it failed. */
import type { ReactNode } from 'react';
import { useWords } from '../../src-renderer/i18n/use-words';
import { useView } from '../host/view-context';

/** The state of the call the view belongs to, while the view has nothing else to show. */
export function CallState(props: { failure: string | null }): ReactNode {
  const t = useWords();
  const { snapshot } = useView();
  if (props.failure !== null) {
    return (
      <p className="view-message error" role="alert">
        {props.failure}
      </p>
    );
  }
  return (
    <p className="muted" role="status">
      {snapshot.cancelled ? t('apps.cancelled') : t('apps.waiting')}
    </p>
  );
}
