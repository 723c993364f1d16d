/**
 * Settings → Language: the system's (or browser's) language, Español or English. Main keeps the choice
 * in preferences.json and pushes it to every window, the tray and the menus; the window switches at once.
 * Each language is named in itself, so a person who cannot read the current one still finds theirs.
 */
import { useState, type ReactNode } from 'react';
import type { AppErrorData } from '../../../src-shared/errors';
import type { LanguageSetting } from '../../../src-shared/i18n/languages';
import { useCommands, useUi } from '../../app/app-context';
import { useFormats, useResolvedLocale } from '../../i18n/locale-provider';
import { useWords } from '../../i18n/use-words';
import { errorReason } from '../../lib/error-text';

/** Language names in their own language: the same in every catalog. */
const autonyms: Record<Exclude<LanguageSetting, 'system'>, { name: string; lang: string }> = {
  es: { name: 'Español', lang: 'es' },
  en: { name: 'English', lang: 'en' },
};

/** The Language radio group. */
export function LanguageControl(): ReactNode {
  const t = useWords();
  const commands = useCommands();
  const saved = useUi((s) => s.settings?.language ?? 'system');
  const { system } = useResolvedLocale();
  const formats = useFormats();
  const [pending, setPending] = useState<LanguageSetting | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const chosen = pending ?? saved;
  const choose = (language: LanguageSetting): void => {
    setPending(language);
    void commands.updateSettings({ language }).then((r) => {
      setPending(null);
      setError(r.ok ? null : r.error);
    });
  };
  const options: { value: LanguageSetting; label: ReactNode }[] = [
    { value: 'system', label: <strong>{t('language.system')}</strong> },
    ...(['es', 'en'] as const).map((value) => ({
      value,
      label: (
        <strong lang={autonyms[value].lang}>{autonyms[value].name}</strong>
      ),
    })),
  ];
  return (
    <fieldset className="language-control">
      <legend>{t('language.legend')}</legend>
      {options.map((option) => (
        <label key={option.value} className="radio-line">
          <input
            type="radio"
            name="language"
            value={option.value}
            checked={chosen === option.value}
            onChange={() => choose(option.value)}
            // The theme has a "System" choice too: this one's name says which setting it is.
            aria-label={option.value === 'system' ? t('language.systemName', { language: formats.language(system.locale) }) : undefined}
          />
          <span>
            {option.label} {option.value === 'system' ? <span className="muted small">{t('language.systemText', { language: formats.language(system.locale) })}</span> : null}
          </span>
        </label>
      ))}
      {error ? (
        <p className="form-error" role="alert">
          {t('language.failed', { reason: errorReason(t.translator, error) })}
        </p>
      ) : null}
    </fieldset>
  );
}
