/**
 * The loopback MCP HTTP endpoint: on/off, its address, and the bridge token. Its status is
 * pushed with the bridge's; this section only sends commands. A new token is shown once, held in this
 * component only while shown, and never again: lost, it is replaced.
 */
import { useState, type ReactNode } from 'react';
import type { AppErrorData } from '../../../src-shared/errors';
import { useAppState, useCommands } from '../../app/app-context';
import { Text } from '../../i18n/text';
import { useWords } from '../../i18n/use-words';
import { errorReason } from '../../lib/error-text';

/** Where HTTP entries read the token (the same name `config --http-url` writes). */
const tokenVariable = 'NEVENT_COMPANION_BRIDGE_TOKEN';

/** The HTTP endpoint section of the MCP panel. */
export function HttpEndpointSection(): ReactNode {
  const t = useWords();
  const commands = useCommands();
  const http = useAppState((a) => a?.bridge.http ?? null);
  const [busy, setBusy] = useState(false);
  // A failed command's error, or the clipboard's own problem: worded when shown, in the language of the moment.
  const [problem, setProblem] = useState<AppErrorData | 'clipboard' | null>(null);
  const [shownToken, setShownToken] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [confirmReplace, setConfirmReplace] = useState(false);
  if (http === null) return null;

  const run = async <T,>(action: () => Promise<{ ok: true; value: T } | { ok: false; error: AppErrorData }>): Promise<T | null> => {
    setBusy(true);
    setProblem(null);
    const r = await action();
    setBusy(false);
    if (!r.ok) {
      setProblem(r.error);
      return null;
    }
    return r.value;
  };
  const createToken = async (): Promise<void> => {
    setConfirmReplace(false);
    const created = await run(() => commands.createHttpToken());
    if (created !== null) {
      setShownToken(created.token);
      setCopied(false);
    }
  };
  const copy = async (): Promise<void> => {
    if (shownToken === null) return;
    try {
      await navigator.clipboard.writeText(shownToken);
      setCopied(true);
    } catch {
      setProblem('clipboard');
    }
  };

  const listening = http.state === 'listening';
  const stateText = t('http.state', { state: http.state });
  const tokenText = !http.tokenPresent ? t('http.token.none') : http.tokenStorage === 'keychain' ? t('http.token.keychain') : t('http.token.memory');

  return (
    <section className="panel-section" aria-labelledby="http-title">
      <h2 id="http-title">{t('http.title')}</h2>
      <p className="muted">{t('http.intro')}</p>
      <dl className="facts">
        <dt>{t('bridge.status')}</dt>
        <dd>
          <span className={`status-dot ${listening ? 'listening' : http.state === 'error' ? 'error' : 'stopped'}`} aria-hidden="true" /> <span data-testid="http-state">{stateText}</span>
          {http.error ? <span className="form-error"> — {http.error}</span> : null}
        </dd>
        <dt>{t('http.address')}</dt>
        <dd className="mono" data-testid="http-url">
          {http.url ?? '—'}
        </dd>
        <dt>{t('http.tokenLabel')}</dt>
        <dd data-testid="http-token-state">{tokenText}</dd>
      </dl>
      <div className="button-row">
        <button type="button" className={listening ? '' : 'primary'} disabled={busy} onClick={() => void run(() => commands.setHttpEnabled(!listening))}>
          {listening ? t('http.turnOff') : t('http.turnOn')}
        </button>
        {http.tokenPresent ? (
          <>
            <button type="button" disabled={busy} onClick={() => setConfirmReplace(true)}>
              {t('http.replace')}
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => void run(() => commands.revokeHttpToken()).then(() => setShownToken(null))}>
              {t('http.revoke')}
            </button>
          </>
        ) : (
          <button type="button" disabled={busy} onClick={() => void createToken()}>
            {t('http.create')}
          </button>
        )}
      </div>
      {confirmReplace ? (
        <div className="inline-confirm" role="alertdialog" aria-label={t('http.confirm.label')}>
          <p>{t('http.confirm.text')}</p>
          <button type="button" className="primary" onClick={() => void createToken()}>
            {t('http.confirm.replace')}
          </button>
          <button type="button" onClick={() => setConfirmReplace(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : null}
      {shownToken !== null ? (
        <div className="token-once" role="region" aria-label={t('http.newToken')}>
          <p>
            <Text id="http.copyNow" values={{ variable: tokenVariable }} />
          </p>
          <code className="mono token-value" data-testid="http-new-token">
            {shownToken}
          </code>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void copy()}>
              {copied ? t('http.copied') : t('http.copy')}
            </button>
            <button type="button" onClick={() => setShownToken(null)}>
              {t('http.done')}
            </button>
          </div>
        </div>
      ) : null}
      <p className="form-error" role="status">
        {problem === null ? '' : problem === 'clipboard' ? t('http.noClipboard') : errorReason(t.translator, problem)}
      </p>
    </section>
  );
}
