/** The MCP operation mode as a radio group: what AI clients may do through the bridge. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { OperationMode } from '../../../src-shared/session';
import type { AppErrorData } from '../../../src-shared/errors';
import type { MessageId } from '../../../src-shared/i18n/catalog';
import { modeText } from '../../../src-shared/i18n/words';
import { useAppState, useCommands } from '../../app/app-context';
import { useWords } from '../../i18n/use-words';
import { errorReason } from '../../lib/error-text';

const modes: { mode: OperationMode; text: MessageId }[] = [
  { mode: 'READ_ONLY', text: 'mode.readOnly.text' },
  { mode: 'STANDARD', text: 'mode.standard.text' },
  { mode: 'FULL', text: 'mode.full.text' },
];

/** The operation mode setting. */
export function OperationModeControl(): ReactNode {
  const t = useWords();
  const commands = useCommands();
  const mode = useAppState((a) => a?.operationMode ?? 'READ_ONLY');
  const [error, setError] = useState<AppErrorData | null>(null);
  const version = useAppState((a) => a?.version ?? 0);
  const latestVersion = useRef(version);
  latestVersion.current = version;
  // The choice shows at once, until main's pushed state takes over: the answer can arrive before the
  // push, so main's mode is shown again once it says the same, or once any state newer than the answer
  // arrived (main applied the change before answering); a failure shows main's mode at once.
  const [pending, setPending] = useState<{ mode: OperationMode; answeredAt: number | null } | null>(null);
  useEffect(() => {
    if (pending === null) return;
    if (mode === pending.mode || (pending.answeredAt !== null && version > pending.answeredAt)) setPending(null);
  }, [mode, version, pending]);
  const shown = pending?.mode ?? mode;
  return (
    <fieldset className="mode-control">
      <legend>{t('mode.legend')}</legend>
      <p className="muted small mode-scope">{t('mode.scope')}</p>
      {modes.map((m) => (
        <label key={m.mode} className="radio-row">
          <input
            type="radio"
            name="operation-mode"
            value={m.mode}
            checked={shown === m.mode}
            onChange={() => {
              setPending({ mode: m.mode, answeredAt: null });
              void commands.setMode(m.mode).then((r) => {
                setPending(r.ok ? { mode: m.mode, answeredAt: latestVersion.current } : null);
                setError(r.ok ? null : r.error);
              });
            }}
          />
          <span>
            <strong>{modeText(t.translator, m.mode)}</strong> <span className="muted">— {t(m.text)}</span>
          </span>
        </label>
      ))}
      <p className="form-error" role="alert">
        {error === null ? '' : t('mode.failed', { reason: errorReason(t.translator, error) })}
      </p>
    </fieldset>
  );
}
