/**
 * Sign-in: the embedded demo server (preselected unless a real API was used last), a Nevent API URL with
 * email and password, or a pasted token. Errors say what to do and belong to the method they came from;
 * a missing secret service is a notice, not a failure.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { AppInfo, DemoUser, SignInRequest } from '../../../src-shared/ipc';
import { sameData } from '../../../src-shared/desktop-state';
import type { AppErrorData } from '../../../src-shared/errors';
import type { MessageId } from '../../../src-shared/i18n/catalog';
import { useAppState, useCommands } from '../../app/app-context';
import { usePageTitle } from '../../app/page-title';
import { useWords } from '../../i18n/use-words';
import { signInErrorText } from '../../lib/error-text';

type Method = SignInRequest['method'];

const methods: readonly Method[] = ['demo', 'password', 'token'];

/** What each demo user shows (the user names themselves are the demo's, the same in every language). */
const demoUserText: Record<DemoUser, MessageId> = {
  superadmin: 'signIn.demo.superadmin',
  owner: 'signIn.demo.owner',
  admin: 'signIn.demo.admin',
  staff: 'signIn.demo.staff',
  solo: 'signIn.demo.solo',
};

/** The form's problem: something to fill in, or main's answer (worded in the language shown). */
type FormError = { missing: MessageId } | { error: AppErrorData; apiUrl: string | null };

/** Props of the sign-in screen. */
export interface SignInScreenProps {
  info: AppInfo | null;
}

/** The sign-in screen. */
export function SignInScreen(props: SignInScreenProps): ReactNode {
  const t = useWords();
  const commands = useCommands();
  const signingIn = useAppState((a) => a?.account.state === 'signingIn');
  const lastError = useAppState((a) => a?.account.error ?? null);
  const savedApiUrl = useAppState((a) => a?.account.apiUrl ?? null);
  const lastWasDemo = useAppState((a) => a?.account.demo ?? false);
  const demoUsers = props.info?.demoUsers ?? [];
  // A real API used before (or no demo server offered) opens on email and password, with its URL filled in.
  const [method, setMethodState] = useState<Method>(demoUsers.length > 0 && (savedApiUrl === null || lastWasDemo) ? 'demo' : 'password');
  // main's last sign-in error, once the person moved on to another method, is not this method's error.
  const [hiddenError, setHiddenError] = useState<typeof lastError>(null);
  const [demoUser, setDemoUser] = useState<DemoUser>('owner');
  const [apiUrl, setApiUrl] = useState(lastWasDemo ? '' : (savedApiUrl ?? ''));
  const [dataApiUrl, setDataApiUrl] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [accessToken, setAccessToken] = useState('');
  const [refreshToken, setRefreshToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const setMethod = (next: Method): void => {
    setMethodState(next);
    setError(null);
    setHiddenError(lastError);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    const optionalData = dataApiUrl.trim() === '' ? {} : { dataApiUrl: dataApiUrl.trim() };
    let request: SignInRequest;
    if (method === 'demo') request = { method: 'demo', user: demoUser };
    else if (method === 'password') {
      if (apiUrl.trim() === '' || email.trim() === '' || password === '') return setError({ missing: 'signIn.missingPassword' });
      request = { method: 'password', apiUrl: apiUrl.trim(), email: email.trim(), password, ...optionalData };
    } else {
      if (apiUrl.trim() === '' || accessToken.trim() === '') return setError({ missing: 'signIn.missingToken' });
      request = { method: 'token', apiUrl: apiUrl.trim(), accessToken: accessToken.trim(), ...(refreshToken.trim() === '' ? {} : { refreshToken: refreshToken.trim() }), ...optionalData };
    }
    setBusy(true);
    const outcome = await commands.signIn(request);
    setBusy(false);
    if (!outcome.ok) setError({ error: outcome.error, apiUrl: method === 'demo' ? t('signIn.theDemoServer') : apiUrl });
    setPassword('');
  };

  const formError = error === null ? null : 'missing' in error ? t(error.missing) : signInErrorText(t.translator, error.error, error.apiUrl);
  const shownError = formError ?? (lastError && !sameData(lastError, hiddenError) && !busy ? signInErrorText(t.translator, lastError, savedApiUrl) : null);
  const working = busy || signingIn;
  usePageTitle(t('signIn.title'));

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        <div className="segmented" role="radiogroup" aria-label={t('signIn.method')}>
          {methods.map((m) => (
            <label key={m} className={`segmented-option${method === m ? ' checked' : ''}${m === 'demo' && demoUsers.length === 0 ? ' unavailable' : ''}`}>
              <input type="radio" name="method" value={m} checked={method === m} disabled={m === 'demo' && demoUsers.length === 0} onChange={() => setMethod(m)} />
              {m === 'demo' ? t('signIn.method.demo') : m === 'password' ? t('signIn.method.password') : t('signIn.method.token')}
            </label>
          ))}
        </div>

        {method === 'demo' ? (
          <fieldset className="demo-users">
            <legend>{t('signIn.demoUser')}</legend>
            {demoUsers.map((u) => (
              <label key={u} className="radio-row">
                <input type="radio" name="demo-user" value={u} checked={demoUser === u} onChange={() => setDemoUser(u)} aria-label={u} />
                <span>
                  <strong>{u}</strong>
                  <span className="muted"> — {t(demoUserText[u])}</span>
                </span>
              </label>
            ))}
          </fieldset>
        ) : (
          <div className="form-grid">
            <label>
              {t('signIn.apiUrl')}
              <input type="url" value={apiUrl} onChange={(e) => setApiUrl(e.target.value)} placeholder="https://api.nevent.es" autoComplete="url" required />
            </label>
            <label>
              <span>
                {t('signIn.dataApiUrl')} <span className="muted small">{t('common.optional')}</span>
              </span>
              <input type="url" value={dataApiUrl} onChange={(e) => setDataApiUrl(e.target.value)} placeholder="https://data.nevent.es" aria-describedby="data-api-hint" />
              <span id="data-api-hint" className="muted small">
                {t('signIn.dataApiHint')}
              </span>
            </label>
            {method === 'password' ? (
              <>
                <label>
                  {t('signIn.email')}
                  <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="username" required />
                </label>
                <label>
                  {t('signIn.password')}
                  <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
                </label>
              </>
            ) : (
              <>
                <label>
                  {t('signIn.accessToken')}
                  <textarea value={accessToken} onChange={(e) => setAccessToken(e.target.value)} rows={3} spellCheck={false} autoComplete="off" required />
                </label>
                <label>
                  <span>
                    {t('signIn.refreshToken')} <span className="muted small">{t('common.optional')}</span>
                  </span>
                  <input type="password" value={refreshToken} onChange={(e) => setRefreshToken(e.target.value)} autoComplete="off" />
                </label>
              </>
            )}
          </div>
        )}

        <p className="form-error" role="alert">
          {shownError ?? ''}
        </p>
        <button type="submit" className="primary" disabled={working}>
          {working ? t('signIn.working') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
