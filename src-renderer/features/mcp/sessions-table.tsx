/** Connected MCP sessions: client, tenant, last tool call, call count, and "move to tenant". */
import { isSwitchableStatus } from '../../../src-shared/api';
import { useState, type ReactNode } from 'react';
import type { TenantEntry } from '../../../src-shared/ipc';
import type { SessionSnapshot } from '../../../src-shared/session';
import type { TenantCatalog } from '../../lib/tenant-catalog';
import { TenantSwatch } from '../../components/tenant-swatch';
import { useCommands, useSessions, useTenants } from '../../app/app-context';

/** The sessions table (MCP sessions only; the desktop is the header). */
export function SessionsTable(): ReactNode {
  const sessions = useSessions((s) => s.sessions);
  const mcp = sessions.filter((s) => s.kind === 'mcp');
  return (
    <section className="panel-section" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Connected sessions</h2>
      {mcp.length === 0 ? (
        <p className="muted">No AI client is connected. Use “Connect a client” below, then start a conversation in it.</p>
      ) : (
        <table className="data-table" aria-label="MCP sessions">
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Tenant</th>
              <th scope="col">Last tool call</th>
              <th scope="col" className="num">
                Calls
              </th>
              <th scope="col">Move to</th>
            </tr>
          </thead>
          <tbody>
            {mcp.map((s) => (
              <SessionRow key={s.id} session={s} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function SessionRow(props: { session: SessionSnapshot }): ReactNode {
  const { session } = props;
  const commands = useCommands();
  const catalog = useTenants((s) => s.catalog);
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  const tenantName = (id: string | null): string => (id === null ? '—' : (catalog?.get(id)?.name ?? id));
  const client = `${session.clientName ?? 'Unknown client'}${session.clientVersion ? ` ${session.clientVersion}` : ''}`;
  // A select over 100,000 tenants would be unusable: offer the first 500 switchable ones.
  const options = catalog === null ? [] : firstSwitchable(catalog, 500, session.activeTenantId);
  return (
    <tr aria-label={`Session ${client}`}>
      <td>
        <strong>{client}</strong>
        <div className="muted small mono">{session.id.slice(0, 12)}</div>
      </td>
      <td data-testid="session-tenant">
        <span className="session-tenant">
          {session.activeTenantId ? <TenantSwatch tenantId={session.activeTenantId} /> : null}
          <span>{tenantName(session.activeTenantId)}</span>
          {session.activeTenantId !== null && session.activeTenantId === session.homeTenantId ? <span className="badge home-badge">Home</span> : null}
        </span>
        {session.switchingTo !== null ? <span className="muted small"> (switching to {tenantName(session.switchingTo)}…)</span> : null}
      </td>
      <td className="mono small">{session.lastToolCall ?? '—'}</td>
      <td className="num">{session.callCount}</td>
      <td>
        <span className="move-control">
          <select aria-label={`Move ${client} to tenant`} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">Choose a tenant…</option>
            {options.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={target === '' || session.switchingTo !== null}
            onClick={() =>
              void commands.moveSession(session.id, target).then((r) => {
                setError(r.ok ? null : r.error.message);
                if (r.ok) setTarget('');
              })
            }
          >
            Move
          </button>
        </span>
        {error ? (
          <p className="form-error small" role="alert">
            {error}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

/** Up to `limit` switchable tenants other than `except`, in list order (stops as soon as it has them). */
function firstSwitchable(catalog: TenantCatalog, limit: number, except: string | null): TenantEntry[] {
  const out: TenantEntry[] = [];
  for (let i = 0; i < catalog.size && out.length < limit; i++) {
    const t = catalog.at(i);
    if (isSwitchableStatus(t.status) && t.id !== except) out.push(t);
  }
  return out;
}
