/** The MCP panel: bridge status and socket, operation mode, tools by domain, sessions, audit log, HTTP endpoint, client setup. */
import type { ReactNode } from 'react';
import { useAppState } from '../../app/app-context';
import { useFormats } from '../../i18n/locale-provider';
import { useWords } from '../../i18n/use-words';
import { AuditLog } from './audit-log';
import { ConnectClient } from './connect-client';
import { HttpEndpointSection } from './http-endpoint-section';
import { OperationModeControl } from './operation-mode-control';
import { SessionsTable } from './sessions-table';
import { ToolsByDomain } from './tools-by-domain';

/** The MCP panel. */
export function McpPanel(): ReactNode {
  const t = useWords();
  const formats = useFormats();
  const bridge = useAppState((a) => a?.bridge ?? null);
  const stateText = t('bridge.state', { state: bridge?.state ?? 'unknown' });
  return (
    <div className="mcp-panel">
      <section className="panel-section" aria-labelledby="bridge-title">
        <h2 id="bridge-title">{t('bridge.title')}</h2>
        <dl className="facts">
          <dt>{t('bridge.status')}</dt>
          <dd>
            <span className={`status-dot ${bridge?.state ?? 'stopped'}`} aria-hidden="true" /> <span data-testid="bridge-state">{stateText}</span>
            {bridge?.error ? <span className="form-error"> — {bridge.error}</span> : null}
          </dd>
          <dt>{t('bridge.socket')}</dt>
          <dd className="mono" data-testid="bridge-socket">
            {bridge?.socketPath ?? '—'}
          </dd>
          <dt>{t('bridge.sessions')}</dt>
          <dd>{formats.number(bridge?.sessionCount ?? 0)}</dd>
        </dl>
        <OperationModeControl />
      </section>
      <ToolsByDomain />
      <SessionsTable />
      <AuditLog />
      <HttpEndpointSection />
      <ConnectClient />
    </div>
  );
}
