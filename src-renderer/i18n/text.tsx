/** A message with tags (`<strong>`, `<code>`, `<em>`) rendered as elements; plain text goes through `useWords`. */
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../../src-shared/i18n/catalog';

/** Renders catalog message `id` with `values`, its tags as elements. */
export function Text(props: { id: MessageId; values?: Record<string, ReactNode | ((chunks: ReactNode[]) => ReactNode)> }): ReactNode {
  return <FormattedMessage id={props.id} values={props.values} />;
}
