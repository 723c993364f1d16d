/** Settings: the account (who, where, remembered or not), appearance (theme, language), API URLs, operation mode, AI upload folders, sign out. */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { AppErrorData } from '../../../src-shared/errors';
import type { MessageId } from '../../../src-shared/i18n/catalog';
import { roleText } from '../../../src-shared/i18n/words';
import type { Theme } from '../../../src-shared/ipc';
import { useAppState, useCommands, useUi } from '../../app/app-context';
import { useWords } from '../../i18n/use-words';
import { errorReason } from '../../lib/error-text';
import { OperationModeControl } from '../mcp/operation-mode-control';
import { LanguageControl } from './language-control';
import { UploadFoldersSection } from './upload-folders-section';

const themes: { theme: Theme; label: MessageId; text: MessageId | null }[] = [
  { theme: 'system', label: 'theme.system', text: 'theme.systemText' },
  { theme: 'light', label: 'theme.light', text: null },
  { theme: 'dark', label: 'theme.dark', text: null },
];

// The theme as a radio group; main saves it in preferences.json and its answer is what the window uses.
function ThemeControl(): ReactNode {
  const t = useWords();
  const commands = useCommands();
  const saved = useUi((s) => s.theme);
  const [error, setError] = useState<AppErrorData | null>(null);
  // The choice shows at once; main's answer (saved) takes over when it arrives, or main's theme on a failure.
  const [pending, setPending] = useState<Theme | null>(null);
  const theme = pending ?? saved;
  return (
    <fieldset className="theme-control">
      <legend>{t('theme.legend')}</legend>
      {themes.map((option) => (
        <label key={option.theme} className="radio-line">
          <input
            type="radio"
            name="theme"
            value={option.theme}
            checked={theme === option.theme}
            onChange={() => {
              setPending(option.theme);
              void commands.setTheme(option.theme).then((r) => {
                setPending(null);
                setError(r.ok ? null : r.error);
              });
            }}
          />
          <span>
            <strong>{t(option.label)}</strong> {option.text ? <span className="muted small">{t(option.text)}</span> : null}
          </span>
        </label>
      ))}
      {error ? (
        <p className="form-error" role="alert">
          {t('theme.failed', { reason: errorReason(t.translator, error) })}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The settings view. */
export function SettingsView(): ReactNode {
  const t = useWords();
  const commands = useCommands();
  const account = useAppState((a) => a?.account ?? null);
  const [apiUrl, setApiUrl] = useState('');
  const [dataApiUrl, setDataApiUrl] = useState('');
  const [status, setStatus] = useState<{ saved: true } | { error: AppErrorData } | null>(null);

  useEffect(() => {
    let live = true;
    void commands.getSettings().then((r) => {
      if (!live || !r.ok) return;
      setApiUrl(r.value.apiUrl ?? '');
      setDataApiUrl(r.value.dataApiUrl ?? '');
    });
    return () => {
      live = false;
    };
  }, [commands]);

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const r = await commands.updateSettings({ apiUrl: apiUrl.trim() === '' ? null : apiUrl.trim(), dataApiUrl: dataApiUrl.trim() === '' ? null : dataApiUrl.trim() });
    setStatus(r.ok ? { saved: true } : { error: r.error });
  };

  return (
    <div className="settings-view">
      <section className="panel-section" aria-labelledby="account-title">
        <h2 id="account-title">{t('settings.account')}</h2>
        <dl className="facts">
          <dt>{t('settings.signedInAs')}</dt>
          <dd>
            {account?.user ? t('settings.user', { name: account.user.name, email: account.user.email }) : '—'} {account?.user?.role ? <span className="badge">{roleText(t.translator, account.user.role)}</span> : null}
          </dd>
          <dt>{t('settings.api')}</dt>
          <dd className="mono">{account?.demo ? t('settings.demoServer') : (account?.apiUrl ?? '—')}</dd>
          <dt>{t('settings.saved')}</dt>
          <dd>{account?.remembered ? t('settings.savedYes') : t('settings.savedNo')}</dd>
        </dl>
        {account?.notice ? <p className="banner info">{t('app.notRememberedBecause', { reason: account.notice })}</p> : null}
        <button type="button" onClick={() => void commands.signOut()}>
          {t('account.signOut')}
        </button>
      </section>
      <section className="panel-section" aria-labelledby="appearance-title">
        <h2 id="appearance-title">{t('settings.appearance')}</h2>
        <ThemeControl />
        <LanguageControl />
      </section>
      <section className="panel-section" aria-labelledby="urls-title">
        <h2 id="urls-title">{t('settings.urls')}</h2>
        <form className="form-grid" onSubmit={(e) => void save(e)}>
          <label>
            {t('settings.apiUrl')}
            <input type="url" value={apiUrl} onChange={(e) => setApiUrl(e.target.value)} placeholder="https://api.nevent.es" />
          </label>
          <label>
            {t('settings.dataApiUrl')}
            <input type="url" value={dataApiUrl} onChange={(e) => setDataApiUrl(e.target.value)} placeholder="https://data.nevent.es" />
          </label>
          <div>
            <button type="submit">{t('settings.saveUrls')}</button>
          </div>
        </form>
        <p className={status !== null && 'error' in status ? 'form-error' : 'muted'} role="status">
          {status === null ? '' : 'error' in status ? errorReason(t.translator, status.error) : t('settings.urlsSaved')}
        </p>
      </section>
      <section className="panel-section" aria-label={t('settings.modeSection')}>
        <OperationModeControl />
      </section>
      <UploadFoldersSection />
    </div>
  );
}
