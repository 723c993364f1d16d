/**
 * "Connect a client": every AI client `nevent-companion config` knows (main's list, installed ones first),
 * the exact change to the chosen client's MCP config file before it is written, and for Claude Desktop
 * the one-step alternative: "Install the extension" (the MCP Bundle, opened with the OS).
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { ClientConfigPreview, McpClient, McpClientInfo } from '../../../src-shared/ipc';
import { useAppState, useCommands } from '../../app/app-context';
import type { ClientTransport } from '../../app/commands';
import type { AppErrorData } from '../../../src-shared/errors';
import { Text } from '../../i18n/text';
import { useWords } from '../../i18n/use-words';
import { errorReason } from '../../lib/error-text';

const transports: readonly ClientTransport[] = ['socket', 'http'];

/** What the last write or read said: main's error, where the entry was written, or where the extension went. */
type Status =
  | { kind: 'error'; error: AppErrorData }
  | { kind: 'written'; path: string; backupPath: string | null; client: string }
  | { kind: 'unchanged'; path: string }
  | { kind: 'extension'; path: string; opened: boolean; reason: string | null };

/** Installed clients first, each group in main's order (client names are product names, the same in every language). */
function installedFirst(clients: readonly McpClientInfo[]): McpClientInfo[] {
  return [...clients.filter((c) => c.installed), ...clients.filter((c) => !c.installed)];
}

/** The connect-a-client section. */
export function ConnectClient(): ReactNode {
  const t = useWords();
  const commands = useCommands();
  const [clients, setClients] = useState<McpClientInfo[] | null>(null);
  const [client, setClient] = useState<McpClient | null>(null);
  const [preview, setPreview] = useState<ClientConfigPreview | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
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
      else setStatus({ kind: 'error', error: r.error });
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
    relist((n) => n + 1);
  };

  const installExtension = async (): Promise<void> => {
    setBusy(true);
    setStatus(null);
    const r = await commands.installExtension();
    setBusy(false);
    setStatus(r.ok ? { kind: 'extension', ...r.value } : { kind: 'error', error: r.error });
  };

  const statusText = (): string => {
    if (status === null) return '';
    switch (status.kind) {
      case 'error':
        return errorReason(t.translator, status.error);
      case 'unchanged':
        return t('connect.alreadyHad', { path: status.path });
      case 'written':
        return status.backupPath === null ? t('connect.written', { path: status.path, client: status.client }) : t('connect.writtenWithBackup', { path: status.path, backup: status.backupPath, client: status.client });
      case 'extension':
        // The reason is the OS opener's own words, shown as it gave them.
        return status.opened ? t('connect.extensionOpened', { path: status.path }) : t('connect.extensionSaved', { path: status.path, reason: status.reason ?? '' });
    }
  };
  const failed = status?.kind === 'error' || (status?.kind === 'extension' && !status.opened);

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
      {clients === null ? null : (
        <div className="segmented client-choices" role="radiogroup" aria-label={t('connect.client')}>
          {clients.map((c) => (
            <label key={c.client} className={`segmented-option${client === c.client ? ' checked' : ''}`}>
              <input type="radio" name="mcp-client" checked={client === c.client} onChange={() => void showPreview(c.client)} />
              {c.label}
              {c.installed ? null : <span className="client-note muted">{t('connect.notFound')}</span>}
              {c.configured ? <span className="client-note">{t('connect.setUp')}</span> : null}
            </label>
          ))}
        </div>
      )}
      {client === 'claude' && transport === 'socket' ? (
        <p className="extension-offer">
          <button type="button" disabled={busy} onClick={() => void installExtension()}>
            {t('connect.installExtension')}
          </button>
          <span className="muted">{t('connect.orConfigFile')}</span>
        </p>
      ) : null}
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
      <p className={failed ? 'form-error' : 'muted'} role="status">
        {statusText()}
      </p>
    </section>
  );
}
