/** "Connect a client": shows the exact change to the client's MCP config file before writing it. */
import { useState, type ReactNode } from 'react';
import type { ClientConfigPreview, McpClient } from '../../../src-shared/ipc';
import { useAppState, useCommands } from '../../app/app-context';
import type { ClientTransport } from '../../app/commands';

const clients: { id: McpClient; label: string }[] = [
  { id: 'claude', label: 'Claude Desktop' },
  { id: 'cursor', label: 'Cursor' },
  { id: 'vscode', label: 'VS Code' },
];

/** The connect-a-client section. */
export function ConnectClient(): ReactNode {
  const commands = useCommands();
  const [client, setClient] = useState<McpClient | null>(null);
  const [preview, setPreview] = useState<ClientConfigPreview | null>(null);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [chosenTransport, setTransport] = useState<ClientTransport>('socket');
  const httpListening = useAppState((a) => a?.bridge.http?.state === 'listening');
  // An HTTP entry points at the endpoint's address: with the endpoint off there is none to offer.
  const transport: ClientTransport = httpListening ? chosenTransport : 'socket';
  const label = clients.find((c) => c.id === client)?.label ?? '';

  const showPreview = async (next: McpClient, via: ClientTransport = transport): Promise<void> => {
    setClient(next);
    setPreview(null);
    setStatus(null);
    setBusy(true);
    const r = await commands.previewClientConfig(next, via);
    setBusy(false);
    if (r.ok) setPreview(r.value);
    else setStatus({ error: true, text: r.error.message });
  };

  const write = async (): Promise<void> => {
    if (client === null) return;
    setBusy(true);
    const r = await commands.writeClientConfig(client, transport);
    setBusy(false);
    if (!r.ok) return setStatus({ error: true, text: r.error.message });
    setStatus({ error: false, text: r.value.written ? `Written to ${r.value.path}${r.value.backupPath ? ` (previous file saved as ${r.value.backupPath})` : ''}. Restart ${label} to load it.` : `${r.value.path} already had this entry.` });
    const again = await commands.previewClientConfig(client, transport);
    if (again.ok) setPreview(again.value);
  };

  return (
    <section className="panel-section" aria-labelledby="connect-title">
      <h2 id="connect-title">Connect a client</h2>
      {httpListening ? (
        <div className="segmented" role="radiogroup" aria-label="How the client connects">
          {(['socket', 'http'] as const).map((via) => (
            <label key={via} className={`segmented-option${transport === via ? ' checked' : ''}`}>
              <input
                type="radio"
                name="mcp-transport"
                checked={transport === via}
                onChange={() => {
                  setTransport(via);
                  if (client !== null) void showPreview(client, via);
                }}
              />
              {via === 'socket' ? 'Through the app' : 'HTTP endpoint'}
            </label>
          ))}
        </div>
      ) : null}
      <div className="segmented" role="radiogroup" aria-label="MCP client">
        {clients.map((c) => (
          <label key={c.id} className={`segmented-option${client === c.id ? ' checked' : ''}`}>
            <input type="radio" name="mcp-client" checked={client === c.id} onChange={() => void showPreview(c.id)} />
            {c.label}
          </label>
        ))}
      </div>
      {preview ? (
        <div className="config-preview">
          <p>
            {preview.exists ? 'Change' : 'Create'} <code className="mono">{preview.path}</code>
            {preview.changed ? '' : ' — already up to date'}
          </p>
          <div className="config-columns">
            <div>
              <h3 className="small">Now</h3>
              <pre aria-label="Current file">{preview.current ?? '(no file yet)'}</pre>
            </div>
            <div>
              <h3 className="small">After</h3>
              <pre aria-label="Proposed file">{preview.proposed}</pre>
            </div>
          </div>
          <button type="button" className="primary" disabled={busy || !preview.changed} onClick={() => void write()}>
            Write to {label} config
          </button>
        </div>
      ) : (
        <p className="muted">{busy ? 'Reading the current configuration…' : 'Choose a client to see the exact change before anything is written.'}</p>
      )}
      <p className={status?.error ? 'form-error' : 'muted'} role="status">
        {status?.text ?? ''}
      </p>
    </section>
  );
}
