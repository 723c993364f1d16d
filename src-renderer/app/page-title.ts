/** The page title (the window's title, the browser tab's): what the screen shows, then the product. */
import { useEffect } from 'react';
import { useWords } from '../i18n/use-words';

/** Titles the page `screen — Nevent Companion` (the product alone for null) while the caller is shown. */
export function usePageTitle(screen: string | null): void {
  const t = useWords();
  const title = screen === null ? t('app.title') : t('app.titleWith', { screen });
  useEffect(() => {
    document.title = title;
  }, [title]);
}
