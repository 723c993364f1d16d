/**
 * The message catalogs (docs/i18n.md): one JSON file per language under messages/, ICU MessageFormat,
 * flat dotted keys (`segments.list.count`). English is the reference and the fallback: a key missing
 * from Spanish shows in English, never as its key (and the catalog test fails on it).
 */
import en from './messages/en.json';
import es from './messages/es.json';
import type { Language } from './languages';

/** Every message id: the keys of the English catalog. */
export type MessageId = keyof typeof en;

/** The catalogs as shipped, by language. */
export const catalogs: Readonly<Record<Language, Readonly<Record<string, string>>>> = { en, es };

/** True when `key` is a message id (for ids made from data, like a tool's name). */
export function isMessageId(key: string): key is MessageId {
  return Object.hasOwn(en, key);
}

/** A catalog over the reference: every key of `reference`, from `language` where it has one (never a raw key). */
export function overReference<K extends string>(reference: Readonly<Record<K, string>>, language: Readonly<Record<string, string>>): Record<K, string> {
  const out: Record<K, string> = { ...reference };
  for (const key of Object.keys(reference) as K[]) if (Object.hasOwn(language, key)) out[key] = language[key] as string;
  return out;
}

/** A language's messages with English under them: what the translator is given. */
export function messagesOf(language: Language): Record<MessageId, string> {
  return overReference(en, catalogs[language]);
}
