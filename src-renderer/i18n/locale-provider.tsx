/**
 * The window's language (docs/i18n.md): the Language setting main pushes, else the OS's languages (the
 * desktop window, from `app.info`) or the browser's (`serve`). Everything below speaks it through
 * react-intl and formats values through the one formatting layer; `<html lang>` follows it.
 */
import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { RawIntlProvider } from 'react-intl';
import { formatsFor, type Formats } from '../../src-shared/i18n/format';
import { resolveLocale, type LanguageSetting, type ResolvedLocale } from '../../src-shared/i18n/languages';
import { useUi } from '../app/app-context';
import { createWindowIntl } from './window-intl';

const FormatsContext = createContext<Formats>(formatsFor('en'));
/** What the window speaks, and what the system (or browser) alone would have chosen. */
export interface WindowLocale extends ResolvedLocale {
  system: ResolvedLocale;
}

const ResolvedContext = createContext<WindowLocale>({ catalog: 'en', locale: 'en', system: { catalog: 'en', locale: 'en' } });

function subscribeToBrowserLanguages(onChange: () => void): () => void {
  window.addEventListener('languagechange', onChange);
  return () => window.removeEventListener('languagechange', onChange);
}

/** The browser's languages, re-read when the browser says they changed. */
function useBrowserLanguages(): readonly string[] {
  // As one string: `navigator.languages` may be a new array on every read, and a snapshot must be stable.
  const joined = useSyncExternalStore(subscribeToBrowserLanguages, () => navigator.languages.join(','));
  return useMemo(() => (joined === '' ? [] : joined.split(',')), [joined]);
}

/** Provides the window's language and formats to everything inside it. */
export function LocaleProvider(props: { systemLanguages: readonly string[] | undefined; children: ReactNode }): ReactNode {
  const setting: LanguageSetting = useUi((s) => s.settings?.language ?? 'system');
  const browserLanguages = useBrowserLanguages();
  const preferred = props.systemLanguages ?? browserLanguages;
  const { catalog, locale } = resolveLocale(setting, preferred);
  const system = resolveLocale('system', preferred);
  const resolved = useMemo((): ResolvedLocale => ({ catalog, locale }), [catalog, locale]);
  const windowLocale = useMemo((): WindowLocale => ({ catalog, locale, system: { catalog: system.catalog, locale: system.locale } }), [catalog, locale, system.catalog, system.locale]);
  const intl = useMemo(() => createWindowIntl(resolved), [resolved]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <RawIntlProvider value={intl}>
      <ResolvedContext value={windowLocale}>
        <FormatsContext value={formatsFor(locale)}>{props.children}</FormatsContext>
      </ResolvedContext>
    </RawIntlProvider>
  );
}

/** The formatting layer in the window's locale. */
export function useFormats(): Formats {
  return useContext(FormatsContext);
}

/** The language and locale the window speaks now, and the system's. */
export function useResolvedLocale(): WindowLocale {
  return useContext(ResolvedContext);
}
