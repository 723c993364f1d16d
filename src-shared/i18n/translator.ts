/**
 * The translator (FormatJS, docs/i18n.md): one per resolved locale. The Electron shell (tray, menus,
 * notifications, dialogs) and main's English notices use `createTranslator`; the window builds react-intl's
 * own from the same `translatorConfig`, so both format the same catalogs the same way.
 */
import { createIntl, createIntlCache, type OnErrorFn } from '@formatjs/intl';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { messagesOf, type MessageId } from './catalog';
import { fallbackLanguage, type ResolvedLocale } from './languages';
import { pseudoMessages } from './pseudo';

/** The values a message may take. */
export type MessageValues = Record<string, string | number | Date>;

/** What code needs of a translator to word a message (FormatJS's `IntlShape`, in the shell or the window). */
export interface Translator {
  readonly locale: string;
  formatMessage(descriptor: { id: MessageId }, values?: MessageValues): string;
}

/** A message to show, as data: what lib code returns for a component to word. */
export interface Message {
  id: MessageId;
  values?: MessageValues;
}

/** Shorthand for a `Message`. */
export function message(id: MessageId, values?: MessageValues): Message {
  return values === undefined ? { id } : { id, values };
}

/** The FormatJS configuration for `resolved`: its locale, its messages over English, English as the default locale. */
export function translatorConfig(resolved: ResolvedLocale): { locale: string; defaultLocale: string; messages: Record<MessageId, string> | Record<MessageId, MessageFormatElement[]> } {
  const messages = resolved.catalog === 'pseudo' ? pseudoMessages(messagesOf(fallbackLanguage)) : messagesOf(resolved.catalog);
  return { locale: resolved.locale, defaultLocale: fallbackLanguage, messages };
}

const cache = createIntlCache();

/** A translator for `resolved`; `onError` hears of a message that could not be formatted. */
export function createTranslator(resolved: ResolvedLocale, onError: OnErrorFn = () => undefined): Translator {
  return createIntl({ ...translatorConfig(resolved), onError }, cache);
}

/** A message as text. */
export function translate(translator: Translator, text: Message): string {
  return translator.formatMessage({ id: text.id }, text.values);
}
