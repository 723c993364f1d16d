/** Connected MCP sessions: client, tenant, last tool call, call count, and "move to tenant". */
import { isSwitchableStatus } from '../../../src-shared/api';
import { useState, type ReactNode } from 'react';
import type { TenantEntry } from '../../../src-shared/ipc';
import type { SessionSnapshot } from '../../../src-shared/session';
import type { TenantCatalog } from '../../lib/tenant-catalog';
import { TenantSwatch } from '../../components/tenant-swatch';
import type { AppErrorData } from '../../../src-shared/errors';
import { useCommands, useSessions, useTenants } from '../../app/app-context';
import { useFormats } from '../../i18n/locale-provider';
import { useWords } from '../../i18n/use-words';
import { errorReason } from '../../lib/error-text';
import { toolTitle, toolWords } from '../../lib/tool-words';

/** The sessions table (MCP sessions only; the desktop is the header). */
export function SessionsTable(): ReactNode {
  const t = useWords();
  const sessions = useSessions((s) => s.sessions);
  const mcp = sessions.filter((s) => s.kind === 'mcp');
  return (
    <section className="panel-section" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('sessions.title')}</h2>
      {mcp.length === 0 ? (
        <p className="muted">{t('sessions.empty')}</p>
      ) : (
        <table className="data-table" aria-label={t('sessions.table')}>
          <thead>
            <tr>
              <th scope="col">{t('sessions.col.client')}</th>
              <th scope="col">{t('sessions.col.tenant')}</th>
              <th scope="col">{t('sessions.col.lastCall')}</th>
              <th scope="col" className="num">
                {t('sessions.col.calls')}
              </th>
              <th scope="col">{t('sessions.col.move')}</th>
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
  const t = useWords();
  const formats = useFormats();
  const commands = useCommands();
  const catalog = useTenants((s) => s.catalog);
  const [target, setTarget] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const tenantName = (id: string | null): string => (id === null ? '—' : (catalog?.get(id)?.name ?? id));
  const client = `${session.clientName ?? t('sessions.unknownClient')}${session.clientVersion ? ` ${session.clientVersion}` : ''}`;
  // A select over 100,000 tenants would be unusable: offer the first 500 switchable ones.
  const options = catalog === null ? [] : firstSwitchable(catalog, 500, session.activeTenantId);
  return (
    <tr aria-label={t('sessions.row', { client })}>
      <td>
        <strong>{client}</strong>
        <div className="muted small mono">{session.id.slice(0, 12)}</div>
      </td>
      <td data-testid="session-tenant">
        <span className="session-tenant">
          {session.activeTenantId ? <TenantSwatch tenantId={session.activeTenantId} /> : null}
          <span>{tenantName(session.activeTenantId)}</span>
          {session.activeTenantId !== null && session.activeTenantId === session.homeTenantId ? <span className="badge home-badge">{t('badge.home')}</span> : null}
        </span>
        {session.switchingTo !== null ? <span className="muted small"> {t('sessions.switchingTo', { tenant: tenantName(session.switchingTo) })}</span> : null}
      </td>
      <td className="small">
        {session.lastToolCall === null ? (
          '—'
        ) : (
          <span title={toolTitle(t.translator, session.lastToolCall, toolWords(session.lastToolCall))} className="mono">
            {session.lastToolCall}
          </span>
        )}
      </td>
      <td className="num">{formats.number(session.callCount)}</td>
      <td>
        <span className="move-control">
          <select aria-label={t('sessions.moveLabel', { client })} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">{t('sessions.chooseTenant')}</option>
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
                setError(r.ok ? null : r.error);
                if (r.ok) setTarget('');
              })
            }
          >
            {t('sessions.move')}
          </button>
        </span>
        {error ? (
          <p className="form-error small" role="alert">
            {t('sessions.moveFailed', { reason: errorReason(t.translator, error) })}
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
