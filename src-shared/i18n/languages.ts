/**
 * Which language and locale the app speaks (docs/i18n.md). Two catalogs, Spanish and English (the
 * fallback); the locale keeps the person's region, so Spanish messages are formatted `es-MX` for a
 * Mexican system and `es-ES` for a Spanish one.
 *
 *   setting `system` ──> the OS languages (desktop) or the browser's (serve), in their order of preference:
 *                        the first Spanish or English one wins; none of them: English
 *   setting `es`/`en` ──> that language, in the region the person prefers for it (else es-ES / en)
 *   `en-XA` asked for by the system ──> the pseudo-locale (accented, longer English; layout checks only)
 */
import { z } from 'zod';

/** The languages the app has catalogs for. */
export const languages = ['es', 'en'] as const;
/** A catalog language. */
export type Language = (typeof languages)[number];

/** The language every missing message falls back to. */
export const fallbackLanguage: Language = 'en';

/** The Language setting: the system's (or browser's) language, or one chosen in Settings. */
export const LanguageSettingSchema = z.enum(['system', 'es', 'en']);
/** A Language setting. */
export type LanguageSetting = z.infer<typeof LanguageSettingSchema>;

/**
 * The pseudo-locale (the tag Chromium and Android use for it): English with accents and ~40 % more
 * length, so text that would clip in a longer language clips in a test. Only a system that asks for
 * exactly this tag gets it; the Settings never offer it.
 */
export const pseudoLocale = 'en-XA';

/** What the window, tray and menus speak: the catalog, and the locale values are formatted in. */
export interface ResolvedLocale {
  /** The catalog: a language, or the pseudo-locale's transformed English. */
  catalog: Language | 'pseudo';
  /** A BCP 47 tag for `Intl` and `<html lang>` (`es-MX`, `en-GB`, `en-XA`…). */
  locale: string;
}

/** The tag in canonical form (`es_mx` → `es-MX`), or null when it is not a language tag. */
function canonical(tag: string): string | null {
  // POSIX locales (`es_ES.UTF-8`, `C`) come from some desktops: keep the language and region.
  const cleaned = tag.trim().replace(/[.@].*$/, '').replace(/_/g, '-');
  try {
    return Intl.getCanonicalLocales(cleaned)[0] ?? null;
  } catch {
    return null;
  }
}

function languageOf(tag: string): string {
  return (tag.split('-')[0] ?? '').toLowerCase();
}

function isLanguage(value: string): value is Language {
  return (languages as readonly string[]).includes(value);
}

/** The locale for a setting, given the system's (or browser's) preferred languages, most preferred first. */
export function resolveLocale(setting: LanguageSetting, preferred: readonly string[]): ResolvedLocale {
  const tags = preferred.map(canonical).filter((tag): tag is string => tag !== null);
  if (setting === 'system') {
    for (const tag of tags) {
      if (tag === pseudoLocale) return { catalog: 'pseudo', locale: pseudoLocale };
      const language = languageOf(tag);
      if (isLanguage(language)) return { catalog: language, locale: tag };
    }
    return { catalog: fallbackLanguage, locale: fallbackLanguage };
  }
  const regional = tags.find((tag) => tag !== pseudoLocale && languageOf(tag) === setting);
  return { catalog: setting, locale: regional ?? (setting === 'es' ? 'es-ES' : 'en') };
}
