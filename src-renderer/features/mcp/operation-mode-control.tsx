/** The MCP operation mode as a radio group: what AI clients may do through the bridge. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { OperationMode } from '../../../src-shared/session';
import { useAppState, useCommands } from '../../app/app-context';

const modes: { mode: OperationMode; label: string; text: string }[] = [
  { mode: 'READ_ONLY', label: 'Read only', text: 'AI clients can read, quote and switch tenants; every write is refused.' },
  { mode: 'STANDARD', label: 'Standard', text: 'AI clients can also create and update: segments, campaign drafts, image uploads.' },
  { mode: 'FULL', label: 'Full', text: 'Also scheduling campaigns and deleting images, each confirmed with you first.' },
];

/** The operation mode setting. */
export function OperationModeControl(): ReactNode {
  const commands = useCommands();
  const mode = useAppState((a) => a?.operationMode ?? 'READ_ONLY');
  const [error, setError] = useState<string | null>(null);
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
      <legend>Operation mode</legend>
      <p className="muted small mode-scope">A change applies at once to every connected AI session, from its next call, and is recorded in the audit log.</p>
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
                setError(r.ok ? null : r.error.message);
              });
            }}
          />
          <span>
            <strong>{m.label}</strong> <span className="muted">— {m.text}</span>
          </span>
        </label>
      ))}
      <p className="form-error" role="alert">
        {error ?? ''}
      </p>
    </fieldset>
  );
}
