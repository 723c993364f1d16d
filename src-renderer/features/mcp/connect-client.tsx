/** "Connect a client": shows the exact change to the client's MCP config file before writing it. */
import { useState, type ReactNode } from 'react';
import type { ClientConfigPreview, McpClient } from '../../../src-shared/ipc';
import { useAppState, useCommands } from '../../app/app-context';
import type { ClientTransport } from '../../app/commands';
import type { AppErrorData } from '../../../src-shared/errors';
import { Text } from '../../i18n/text';
import { useWords } from '../../i18n/use-words';
import { errorReason } from '../../lib/error-text';

const transports: readonly ClientTransport[] = ['socket', 'http'];

// Product names: the same in every language.
const clients: { id: McpClient; label: string }[] = [
  { id: 'claude', label: 'Claude Desktop' },
  { id: 'cursor', label: 'Cursor' },
  { id: 'vscode', label: 'VS Code' },
];

/** What the last write or read said: main's error, or where the entry was written. */
type Status = { kind: 'error'; error: AppErrorData } | { kind: 'written'; path: string; backupPath: string | null; client: string } | { kind: 'unchanged'; path: string };

/** The connect-a-client section. */
export function ConnectClient(): ReactNode {
  const t = useWords();
  const commands = useCommands();
  const [client, setClient] = useState<McpClient | null>(null);
  const [preview, setPreview] = useState<ClientConfigPreview | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
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
    else setStatus({ kind: 'error', error: r.error });
  };

  const write = async (): Promise<void> => {
    if (client === null) return;
    setBusy(true);
    const r = await commands.writeClientConfig(client, transport);
    setBusy(false);
    if (!r.ok) return setStatus({ kind: 'error', error: r.error });
    setStatus(r.value.written ? { kind: 'written', path: r.value.path, backupPath: r.value.backupPath, client: label } : { kind: 'unchanged', path: r.value.path });
    const again = await commands.previewClientConfig(client, transport);
    if (again.ok) setPreview(again.value);
  };

  return (
    <section className="panel-section" aria-labelledby="connect-title">
      <h2 id="connect-title">{t('connect.title')}</h2>
      {httpListening ? (
        <div className="segmented" role="radiogroup" aria-label={t('connect.how')}>
          {transports.map((via) => (
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
              {via === 'socket' ? t('connect.viaApp') : t('http.title')}
            </label>
          ))}
        </div>
      ) : null}
      <div className="segmented" role="radiogroup" aria-label={t('connect.client')}>
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
            <Text id={preview.changed ? (preview.exists ? 'connect.willChange' : 'connect.willCreate') : preview.exists ? 'connect.upToDate' : 'connect.upToDateNew'} values={{ path: preview.path }} />
          </p>
          <div className="config-columns">
            <div>
              <h3 className="small">{t('connect.now')}</h3>
              <pre aria-label={t('connect.currentFile')}>{preview.current ?? t('connect.noFile')}</pre>
            </div>
            <div>
              <h3 className="small">{t('connect.after')}</h3>
              <pre aria-label={t('connect.proposedFile')}>{preview.proposed}</pre>
            </div>
          </div>
          <button type="button" className="primary" disabled={busy || !preview.changed} onClick={() => void write()}>
            {t('connect.write', { client: label })}
          </button>
        </div>
      ) : (
        <p className="muted">{busy ? t('connect.reading') : t('connect.choose')}</p>
      )}
      <p className={status?.kind === 'error' ? 'form-error' : 'muted'} role="status">
        {status === null
          ? ''
          : status.kind === 'error'
            ? errorReason(t.translator, status.error)
            : status.kind === 'unchanged'
              ? t('connect.alreadyHad', { path: status.path })
              : status.backupPath === null
                ? t('connect.written', { path: status.path, client: status.client })
                : t('connect.writtenWithBackup', { path: status.path, backup: status.backupPath, client: status.client })}
      </p>
    </section>
  );
}
