/**
 * "Connect a client": every AI client `nevent-companion config` knows (main's list, installed ones first),
 * the exact change to the chosen client's MCP config file before it is written, and for Claude Desktop
 * the one-step alternative: "Install the extension" (the MCP Bundle, opened with the OS).
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { ClientConfigPreview, McpClient, McpClientInfo } from '../../../src-shared/ipc';
import { useAppState, useCommands } from '../../app/app-context';
import type { ClientTransport } from '../../app/commands';

/** Installed clients first, each group in main's order. */
function installedFirst(clients: readonly McpClientInfo[]): McpClientInfo[] {
  return [...clients.filter((c) => c.installed), ...clients.filter((c) => !c.installed)];
}

/** The connect-a-client section. */
export function ConnectClient(): ReactNode {
  const commands = useCommands();
  const [clients, setClients] = useState<McpClientInfo[] | null>(null);
  const [client, setClient] = useState<McpClient | null>(null);
  const [preview, setPreview] = useState<ClientConfigPreview | null>(null);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [chosenTransport, setTransport] = useState<ClientTransport>('socket');
  const httpListening = useAppState((a) => a?.bridge.http?.state === 'listening');
  // An HTTP entry points at the endpoint's address: with the endpoint off there is none to offer.
  const transport: ClientTransport = httpListening ? chosenTransport : 'socket';
  const label = clients?.find((c) => c.client === client)?.label ?? '';

  // Read when the panel opens, and again after a write (what is set up changed).
  const [listed, relist] = useState(0);
  useEffect(() => {
    let live = true;
    void commands.listClients().then((r) => {
      if (!live) return;
      if (r.ok) setClients(installedFirst(r.value.clients));
      else setStatus({ error: true, text: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [commands, listed]);

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
    relist((n) => n + 1);
  };

  const installExtension = async (): Promise<void> => {
    setBusy(true);
    setStatus(null);
    const r = await commands.installExtension();
    setBusy(false);
    if (!r.ok) return setStatus({ error: true, text: r.error.message });
    setStatus(
      r.value.opened
        ? { error: false, text: `Opened ${r.value.path}: Claude Desktop asks you to install it.` }
        : { error: true, text: `Saved ${r.value.path}, but it could not be opened (${r.value.reason ?? 'no reason given'}): open it with Claude Desktop.` },
    );
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
      {clients === null ? null : (
        <div className="segmented client-choices" role="radiogroup" aria-label="MCP client">
          {clients.map((c) => (
            <label key={c.client} className={`segmented-option${client === c.client ? ' checked' : ''}`}>
              <input type="radio" name="mcp-client" checked={client === c.client} onChange={() => void showPreview(c.client)} />
              {c.label}
              {c.installed ? null : <span className="client-note muted"> not found here</span>}
              {c.configured ? <span className="client-note"> set up</span> : null}
            </label>
          ))}
        </div>
      )}
      {client === 'claude' && transport === 'socket' ? (
        <p className="extension-offer">
          <button type="button" disabled={busy} onClick={() => void installExtension()}>
            Install the extension
          </button>{' '}
          <span className="muted">or write the config-file entry below.</span>
        </p>
      ) : null}
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
