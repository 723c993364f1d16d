/** The MCP panel: bridge status and socket, operation mode, tools by domain, sessions, audit log, client setup. */
import type { ReactNode } from 'react';
import { useAppState } from '../../app/app-context';
import { AuditLog } from './audit-log';
import { ConnectClient } from './connect-client';
import { OperationModeControl } from './operation-mode-control';
import { SessionsTable } from './sessions-table';
import { ToolsByDomain } from './tools-by-domain';

/** The MCP panel. */
export function McpPanel(): ReactNode {
  const bridge = useAppState((a) => a?.bridge ?? null);
  const stateText = bridge === null ? 'Unknown' : bridge.state === 'listening' ? 'Listening' : bridge.state === 'starting' ? 'Starting…' : bridge.state === 'stopped' ? 'Stopped' : 'Error';
  return (
    <div className="mcp-panel">
      <section className="panel-section" aria-labelledby="bridge-title">
        <h2 id="bridge-title">MCP bridge</h2>
        <dl className="facts">
          <dt>Status</dt>
          <dd>
            <span className={`status-dot ${bridge?.state ?? 'stopped'}`} aria-hidden="true" /> <span data-testid="bridge-state">{stateText}</span>
            {bridge?.error ? <span className="form-error"> — {bridge.error}</span> : null}
          </dd>
          <dt>Socket</dt>
          <dd className="mono" data-testid="bridge-socket">
            {bridge?.socketPath ?? '—'}
          </dd>
          <dt>Sessions</dt>
          <dd>{bridge?.sessionCount ?? 0}</dd>
        </dl>
        <OperationModeControl />
      </section>
      <ToolsByDomain />
      <SessionsTable />
      <AuditLog />
      <ConnectClient />
    </div>
  );
}
