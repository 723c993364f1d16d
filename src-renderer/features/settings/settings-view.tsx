/** Settings: the account (who, where, remembered or not), appearance (theme), API URLs, operation mode, AI upload folders, sign out. */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { Theme } from '../../../src-shared/ipc';
import { useAppState, useCommands, useUi } from '../../app/app-context';
import { OperationModeControl } from '../mcp/operation-mode-control';
import { UploadFoldersSection } from './upload-folders-section';

const themes: { theme: Theme; label: string; text: string }[] = [
  { theme: 'system', label: 'System', text: 'Follow the light or dark setting of your computer.' },
  { theme: 'light', label: 'Light', text: '' },
  { theme: 'dark', label: 'Dark', text: '' },
];

// The theme as a radio group; main saves it in preferences.json and its answer is what the window uses.
function ThemeControl(): ReactNode {
  const commands = useCommands();
  const saved = useUi((s) => s.theme);
  const [error, setError] = useState<string | null>(null);
  // The choice shows at once; main's answer (saved) takes over when it arrives, or main's theme on a failure.
  const [pending, setPending] = useState<Theme | null>(null);
  const theme = pending ?? saved;
  return (
    <fieldset className="theme-control">
      <legend>Theme</legend>
      {themes.map((t) => (
        <label key={t.theme} className="radio-line">
          <input
            type="radio"
            name="theme"
            value={t.theme}
            checked={theme === t.theme}
            onChange={() => {
              setPending(t.theme);
              void commands.setTheme(t.theme).then((r) => {
                setPending(null);
                setError(r.ok ? null : r.error.message);
              });
            }}
          />
          <span>
            <strong>{t.label}</strong> {t.text ? <span className="muted small">{t.text}</span> : null}
          </span>
        </label>
      ))}
      {error ? (
        <p className="form-error" role="alert">
          The theme was not saved: {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The settings view. */
export function SettingsView(): ReactNode {
  const commands = useCommands();
  const account = useAppState((a) => a?.account ?? null);
  const [apiUrl, setApiUrl] = useState('');
  const [dataApiUrl, setDataApiUrl] = useState('');
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);

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
    setStatus(r.ok ? { error: false, text: 'Saved. The URLs are used for the next sign-in.' } : { error: true, text: r.error.message });
  };

  return (
    <div className="settings-view">
      <section className="panel-section" aria-labelledby="account-title">
        <h2 id="account-title">Account</h2>
        <dl className="facts">
          <dt>Signed in as</dt>
          <dd>
            {account?.user ? `${account.user.name} <${account.user.email}>` : '—'} {account?.user ? <span className="badge">{account.user.role}</span> : null}
          </dd>
          <dt>API</dt>
          <dd className="mono">{account?.demo ? 'Embedded demo server' : (account?.apiUrl ?? '—')}</dd>
          <dt>Sign-in saved</dt>
          <dd>{account?.remembered ? 'Yes, in the OS keychain' : 'No — it lasts until you quit'}</dd>
        </dl>
        {account?.notice ? <p className="banner info">{account.notice}</p> : null}
        <button type="button" onClick={() => void commands.signOut()}>
          Sign out
        </button>
      </section>
      <section className="panel-section" aria-labelledby="appearance-title">
        <h2 id="appearance-title">Appearance</h2>
        <ThemeControl />
      </section>
      <section className="panel-section" aria-labelledby="urls-title">
        <h2 id="urls-title">API URLs</h2>
        <form className="form-grid" onSubmit={(e) => void save(e)}>
          <label>
            Nevent API URL
            <input type="url" value={apiUrl} onChange={(e) => setApiUrl(e.target.value)} placeholder="https://api.nevent.es" />
          </label>
          <label>
            Data API URL
            <input type="url" value={dataApiUrl} onChange={(e) => setDataApiUrl(e.target.value)} placeholder="https://data.nevent.es" />
          </label>
          <div>
            <button type="submit">Save URLs</button>
          </div>
        </form>
        <p className={status?.error ? 'form-error' : 'muted'} role="status">
          {status?.text ?? ''}
        </p>
      </section>
      <section className="panel-section" aria-label="MCP operation mode">
        <OperationModeControl />
      </section>
      <UploadFoldersSection />
    </div>
  );
}
