/** The MCP operation mode as a radio group: what AI clients may do through the bridge. */
import { useState, type ReactNode } from 'react';
import type { OperationMode } from '../../../src-shared/session';
import { useAppState, useCommands } from '../../app/app-context';

const modes: { mode: OperationMode; label: string; text: string }[] = [
  { mode: 'READ_ONLY', label: 'Read only', text: 'AI clients can read and switch tenants; every write is refused.' },
  { mode: 'STANDARD', label: 'Standard', text: 'AI clients can create and update segments.' },
  { mode: 'FULL', label: 'Full', text: 'Every tool is allowed.' },
];

/** The operation mode setting. */
export function OperationModeControl(): ReactNode {
  const commands = useCommands();
  const mode = useAppState((a) => a?.operationMode ?? 'READ_ONLY');
  const [error, setError] = useState<string | null>(null);
  // The user's choice shows at once; main's state takes over when it answers (or the choice fails).
  const [pending, setPending] = useState<OperationMode | null>(null);
  const shown = pending ?? mode;
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
              setPending(m.mode);
              void commands.setMode(m.mode).then((r) => {
                setPending(null);
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
