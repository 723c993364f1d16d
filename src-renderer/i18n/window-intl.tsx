/**
 * react-intl's translator over the shared catalogs (docs/i18n.md), with the tags messages may hold
 * rendered as elements. The window's LocaleProvider and the MCP App views (src-apps) both build theirs
 * here, so a message reads the same in both.
 */
import type { ReactNode } from 'react';
import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import type { ResolvedLocale } from '../../src-shared/i18n/languages';
import { translatorConfig } from '../../src-shared/i18n/translator';

/** Tags messages may hold, as elements (`Signed in as <strong>{email}</strong>`). */
const richElements = {
  strong: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
  code: (chunks: ReactNode[]) => <code className="mono">{chunks}</code>,
  em: (chunks: ReactNode[]) => <em>{chunks}</em>,
};

const cache = createIntlCache();

/** react-intl's translator for a locale, with the window's rich-text tags. */
export function createWindowIntl(resolved: ResolvedLocale): IntlShape {
  return createIntl({ ...translatorConfig(resolved), defaultRichTextElements: richElements, onError: (error) => console.warn(`i18n: ${error.message}`) }, cache);
}
