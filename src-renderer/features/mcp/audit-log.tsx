/** The audit log with filters: every tool call, switch, reset, move and mode change, newest first. */
import { useState, type ReactNode } from 'react';
import type { AuditQuery } from '../../../src-shared/ipc';
import { useAudit, useCommands, useSessions, useTenants } from '../../app/app-context';
import { toolDomainLabels, toolDomains, type ToolDomain } from '../../../src-shared/tool-domains';
import { auditActionText, auditArgsText, auditClientText, auditResultText, auditTenantText } from '../../lib/audit-text';

/** The audit log section. */
export function AuditLog(): ReactNode {
  const commands = useCommands();
  const entries = useAudit((s) => s.entries);
  const loading = useAudit((s) => s.loading);
  const more = useAudit((s) => s.nextBeforeSeq !== null);
  const query = useAudit((s) => s.query);
  const sessions = useSessions((s) => s.sessions);
  const catalog = useTenants((s) => s.catalog);
  const [name, setName] = useState(query.name ?? '');
  const filtered = Object.keys(query).some((key) => key !== 'limit');
  const tenantName = (id: string): string => catalog?.get(id)?.name ?? id;

  const setFilter = (patch: Partial<AuditQuery>): void => {
    const next: AuditQuery = { ...query, ...patch };
    for (const key of Object.keys(next) as (keyof AuditQuery)[]) if (next[key] === undefined || next[key] === '') delete next[key];
    void commands.loadAudit(next);
  };

  return (
    <section className="panel-section" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <div className="filters" role="group" aria-label="Audit filters">
        <select aria-label="Filter by session" value={query.sessionId ?? ''} onChange={(e) => setFilter({ sessionId: e.target.value || undefined })}>
          <option value="">All sessions</option>
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.kind === 'desktop' ? 'Desktop' : (s.clientName ?? s.id.slice(0, 8))}
            </option>
          ))}
        </select>
        <select aria-label="Filter by kind" value={query.kind ?? ''} onChange={(e) => setFilter({ kind: (e.target.value || undefined) as AuditQuery['kind'] })}>
          <option value="">All kinds</option>
          <option value="tool">Tool calls</option>
          <option value="switch">Switches</option>
          <option value="reset">Resets</option>
          <option value="move">Moves</option>
          <option value="mode">Mode changes</option>
        </select>
        <select aria-label="Filter by domain" value={query.domain ?? ''} onChange={(e) => setFilter({ domain: (e.target.value || undefined) as ToolDomain | undefined })}>
          <option value="">All domains</option>
          {toolDomains.map((domain) => (
            <option key={domain} value={domain}>
              {toolDomainLabels[domain]}
            </option>
          ))}
        </select>
        <select aria-label="Filter by result" value={query.result ?? ''} onChange={(e) => setFilter({ result: (e.target.value || undefined) as AuditQuery['result'] })}>
          <option value="">Any result</option>
          <option value="ok">Succeeded</option>
          <option value="error">Failed</option>
        </select>
        <input
          type="search"
          aria-label="Filter by tool name"
          placeholder="Action or tool"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setFilter({ name: name.trim() || undefined });
          }}
          onBlur={() => {
            if ((query.name ?? '') !== name.trim()) setFilter({ name: name.trim() || undefined });
          }}
        />
      </div>
      <div className="table-scroll">
        <table className="data-table" aria-label="Audit entries">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Client</th>
              <th scope="col">Action</th>
              <th scope="col">Tenant</th>
              <th scope="col">Arguments</th>
              <th scope="col">Result</th>
              <th scope="col" className="num">
                ms
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const desktop = sessions.find((s) => s.id === e.sessionId)?.kind === 'desktop';
              const args = auditArgsText(e);
              return (
                <tr key={e.seq}>
                  <td className="mono small nowrap">{new Date(e.at).toLocaleTimeString()}</td>
                  <td>{auditClientText(e, desktop)}</td>
                  <td>
                    <span className="audit-action">{auditActionText(e)}</span>
                    {e.kind === 'tool' || e.kind === 'switch' || e.kind === 'reset' ? (
                      <span className="audit-tool small muted">
                        {e.domain === undefined ? null : <span className="audit-domain">{toolDomainLabels[e.domain]} · </span>}
                        <span className="mono">{e.name}</span>
                      </span>
                    ) : null}
                  </td>
                  <td>{auditTenantText(e, tenantName)}</td>
                  <td>
                    {args.length === 0 ? (
                      '—'
                    ) : (
                      <div className="audit-args">
                        {args.map((arg) => (
                          <span key={arg.key} className="arg-chip mono small">
                            {arg.value === null ? arg.key : `${arg.key}: ${arg.value}`}
                          </span>
                        ))}
                      </div>
                    )}
                  </td>
                  <td>
                    <span className={`badge ${e.result === 'ok' ? 'ok' : 'failed'}`}>{auditResultText(e)}</span>
                  </td>
                  <td className="num mono small">{Math.round(e.durationMs)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {entries.length === 0 ? <p className="muted empty-note">{loading ? 'Loading…' : filtered ? 'No entries match these filters.' : 'No tool calls yet. Each call an AI client makes through Nevent Companion appears here, live.'}</p> : null}
      </div>
      {more ? (
        <button type="button" className="link" onClick={() => void commands.loadOlderAudit()}>
          Show older entries
        </button>
      ) : null}
    </section>
  );
}
