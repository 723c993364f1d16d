/**
 * The loopback MCP HTTP endpoint (issue 11): on/off, its address, and the bridge token. Its status is
 * pushed with the bridge's; this section only sends commands. A new token is shown once, held in this
 * component only while shown, and never again: lost, it is replaced.
 */
import { useState, type ReactNode } from 'react';
import { useAppState, useCommands } from '../../app/app-context';

/** Where HTTP entries read the token (the same name `config --http-url` writes). */
const tokenVariable = 'NEVENT_COMPANION_BRIDGE_TOKEN';

/** The HTTP endpoint section of the MCP panel. */
export function HttpEndpointSection(): ReactNode {
  const commands = useCommands();
  const http = useAppState((a) => a?.bridge.http ?? null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [shownToken, setShownToken] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [confirmReplace, setConfirmReplace] = useState(false);
  if (http === null) return null;

  const run = async <T,>(action: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T | null> => {
    setBusy(true);
    setProblem(null);
    const r = await action();
    setBusy(false);
    if (!r.ok) {
      setProblem(r.error.message);
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
      setProblem('The clipboard is not available here: select the token and copy it by hand.');
    }
  };

  const listening = http.state === 'listening';
  const stateText = listening ? 'Listening' : http.state === 'error' ? 'Could not start' : 'Off';
  const tokenText = !http.tokenPresent ? 'None yet — HTTP clients are refused until you create one' : http.tokenStorage === 'keychain' ? 'Set, kept in the OS keychain' : 'Set, for this run only (no keychain here)';

  return (
    <section className="panel-section" aria-labelledby="http-title">
      <h2 id="http-title">HTTP endpoint</h2>
      <p className="muted">For AI clients that connect to a URL instead of starting a command. Only this computer can reach it, and only with the bridge token.</p>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <span className={`status-dot ${listening ? 'listening' : http.state === 'error' ? 'error' : 'stopped'}`} aria-hidden="true" /> <span data-testid="http-state">{stateText}</span>
          {http.error ? <span className="form-error"> — {http.error}</span> : null}
        </dd>
        <dt>Address</dt>
        <dd className="mono" data-testid="http-url">
          {http.url ?? '—'}
        </dd>
        <dt>Bridge token</dt>
        <dd data-testid="http-token-state">{tokenText}</dd>
      </dl>
      <div className="button-row">
        <button type="button" className={listening ? '' : 'primary'} disabled={busy} onClick={() => void run(() => commands.setHttpEnabled(!listening))}>
          {listening ? 'Turn off' : 'Turn on'}
        </button>
        {http.tokenPresent ? (
          <>
            <button type="button" disabled={busy} onClick={() => setConfirmReplace(true)}>
              Replace token…
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => void run(() => commands.revokeHttpToken()).then(() => setShownToken(null))}>
              Revoke token
            </button>
          </>
        ) : (
          <button type="button" disabled={busy} onClick={() => void createToken()}>
            Create token
          </button>
        )}
      </div>
      {confirmReplace ? (
        <div className="inline-confirm" role="alertdialog" aria-label="Replace the bridge token">
          <p>Clients using the current token are refused until they get the new one.</p>
          <button type="button" className="primary" onClick={() => void createToken()}>
            Replace
          </button>
          <button type="button" onClick={() => setConfirmReplace(false)}>
            Cancel
          </button>
        </div>
      ) : null}
      {shownToken !== null ? (
        <div className="token-once" role="region" aria-label="New bridge token">
          <p>
            <strong>Copy this token now: it is not shown again.</strong> Set it as <code className="mono">{tokenVariable}</code> in the environment your AI client starts from; the HTTP entries written below read it from there.
          </p>
          <code className="mono token-value" data-testid="http-new-token">
            {shownToken}
          </code>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void copy()}>
              {copied ? 'Copied' : 'Copy'}
            </button>
            <button type="button" onClick={() => setShownToken(null)}>
              Done
            </button>
          </div>
        </div>
      ) : null}
      <p className="form-error" role="status">
        {problem ?? ''}
      </p>
    </section>
  );
}
