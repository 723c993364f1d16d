/**
 * Sign-in: the embedded demo server (preselected unless a real API was used last), a Nevent API URL with
 * email and password, or a pasted token. Errors say what to do and belong to the method they came from;
 * a missing secret service is a notice, not a failure.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { AppInfo, DemoUser, SignInRequest } from '../../../src-shared/ipc';
import { sameData } from '../../../src-shared/desktop-state';
import { useAppState, useCommands } from '../../app/app-context';
import { signInErrorText } from '../../lib/error-text';

type Method = SignInRequest['method'];

const demoUserText: Record<DemoUser, string> = {
  superadmin: 'Superadmin — every tenant of the platform',
  owner: 'Owner — a group and all its tenants (one invited, one suspended)',
  admin: 'Admin — one tenant only',
  staff: 'Staff — a country and its cities',
  solo: 'Solo — one tenant only, so no picker; signs in without a refresh token, as some Nevent accounts do',
};

/** Props of the sign-in screen. */
export interface SignInScreenProps {
  info: AppInfo | null;
}

/** The sign-in screen. */
export function SignInScreen(props: SignInScreenProps): ReactNode {
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
  const [error, setError] = useState<string | null>(null);
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
      if (apiUrl.trim() === '' || email.trim() === '' || password === '') return setError('Enter the API URL, your email and your password.');
      request = { method: 'password', apiUrl: apiUrl.trim(), email: email.trim(), password, ...optionalData };
    } else {
      if (apiUrl.trim() === '' || accessToken.trim() === '') return setError('Enter the API URL and paste an access token.');
      request = { method: 'token', apiUrl: apiUrl.trim(), accessToken: accessToken.trim(), ...(refreshToken.trim() === '' ? {} : { refreshToken: refreshToken.trim() }), ...optionalData };
    }
    setBusy(true);
    const outcome = await commands.signIn(request);
    setBusy(false);
    if (!outcome.ok) setError(signInErrorText(outcome.error, method === 'demo' ? 'the demo server' : apiUrl));
    setPassword('');
  };

  const shownError = error ?? (lastError && !sameData(lastError, hiddenError) && !busy ? signInErrorText(lastError, savedApiUrl) : null);
  const working = busy || signingIn;

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in to Nevent</h1>
        <p className="muted">One sign-in for every organization you run. Credentials stay in your OS keychain.</p>
        <div className="segmented" role="radiogroup" aria-label="Sign-in method">
          {(['demo', 'password', 'token'] as const).map((m) => (
            <label key={m} className={`segmented-option${method === m ? ' checked' : ''}${m === 'demo' && demoUsers.length === 0 ? ' unavailable' : ''}`}>
              <input type="radio" name="method" value={m} checked={method === m} disabled={m === 'demo' && demoUsers.length === 0} onChange={() => setMethod(m)} />
              {m === 'demo' ? 'Demo server' : m === 'password' ? 'Email and password' : 'Paste a token'}
            </label>
          ))}
        </div>

        {method === 'demo' ? (
          <fieldset className="demo-users">
            <legend>Demo user</legend>
            {demoUsers.map((u) => (
              <label key={u} className="radio-row">
                <input type="radio" name="demo-user" value={u} checked={demoUser === u} onChange={() => setDemoUser(u)} aria-label={u} />
                <span>
                  <strong>{u}</strong>
                  <span className="muted"> {demoUserText[u].slice(demoUserText[u].indexOf('—'))}</span>
                </span>
              </label>
            ))}
          </fieldset>
        ) : (
          <div className="form-grid">
            <label>
              API URL
              <input type="url" value={apiUrl} onChange={(e) => setApiUrl(e.target.value)} placeholder="https://api.nevent.es" autoComplete="url" required />
            </label>
            <label>
              <span>
                Data API URL <span className="muted small">(optional)</span>
              </span>
              <input type="url" value={dataApiUrl} onChange={(e) => setDataApiUrl(e.target.value)} placeholder="https://data.nevent.es" aria-describedby="data-api-hint" />
              <span id="data-api-hint" className="muted small">
                Needed only for a Nevent installation other than api.nevent.es (its data API has its own host).
              </span>
            </label>
            {method === 'password' ? (
              <>
                <label>
                  Email
                  <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="username" required />
                </label>
                <label>
                  Password
                  <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
                </label>
              </>
            ) : (
              <>
                <label>
                  Access token
                  <textarea value={accessToken} onChange={(e) => setAccessToken(e.target.value)} rows={3} spellCheck={false} autoComplete="off" required />
                </label>
                <label>
                  <span>
                    Refresh token <span className="muted small">(optional)</span>
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
          {working ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
