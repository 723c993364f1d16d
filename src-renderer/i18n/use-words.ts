/** The window's words: `t('key', values)` for text, `t.message(m)` for a message lib code returned. */
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { MessageId } from '../../src-shared/i18n/catalog';
import type { Message, MessageValues, Translator } from '../../src-shared/i18n/translator';

/** Words of the window's language. */
export interface Words {
  (id: MessageId, values?: MessageValues): string;
  /** A message as lib code returned it. */
  message(text: Message): string;
  /** The translator itself, for the shared helpers (roles, statuses, modes, notices). */
  translator: Translator;
}

/** The words of the window's language (stable until the language changes). */
export function useWords(): Words {
  const intl = useIntl();
  return useMemo(() => {
    const translator: Translator = { locale: intl.locale, formatMessage: (descriptor, values) => intl.formatMessage(descriptor, values) };
    const words = ((id: MessageId, values?: MessageValues) => intl.formatMessage({ id }, values)) as Words;
    words.message = (text) => intl.formatMessage({ id: text.id }, text.values);
    words.translator = translator;
    return words;
  }, [intl]);
}
