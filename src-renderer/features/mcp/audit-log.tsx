/** The audit log with filters: every tool call, switch, reset, move and mode change, newest first. */
import { useState, type ReactNode } from 'react';
import type { AuditQuery } from '../../../src-shared/ipc';
import { useAudit, useCommands, useSessions, useTenants } from '../../app/app-context';
import { toolDomains, type ToolDomain } from '../../../src-shared/tool-domains';
import type { Formats } from '../../../src-shared/i18n/format';
import { useFormats } from '../../i18n/locale-provider';
import { useWords } from '../../i18n/use-words';
import { auditActionText, auditArgsText, auditClientText, auditResultText, auditTenantText } from '../../lib/audit-text';
import { errorReason } from '../../lib/error-text';
import { toolDomainText, toolNamesMatching } from '../../lib/tool-words';

/** An entry's time: the time of day for today's, the day and time for older ones (the tooltip has both). */
function auditTime(formats: Formats, at: string): string {
  const when = new Date(at);
  return when.toDateString() === new Date().toDateString() ? formats.time(when) : formats.dateTime(when);
}

/** The audit log section. */
export function AuditLog(): ReactNode {
  const t = useWords();
  const formats = useFormats();
  const commands = useCommands();
  const entries = useAudit((s) => s.entries);
  const loading = useAudit((s) => s.loading);
  const error = useAudit((s) => s.error);
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

  // The typed words, and the tools whose title in this language holds them (main matches those too).
  const setNameFilter = (typed: string): void => {
    const text = typed.trim();
    const nameIn = toolNamesMatching(t.translator, text);
    setFilter({ name: text || undefined, nameIn: nameIn.length === 0 ? undefined : nameIn });
  };

  return (
    <section className="panel-section" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <div className="filters" role="group" aria-label={t('audit.filters')}>
        <select aria-label={t('audit.filter.session')} value={query.sessionId ?? ''} onChange={(e) => setFilter({ sessionId: e.target.value || undefined })}>
          <option value="">{t('audit.filter.allSessions')}</option>
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.kind === 'desktop' ? t('audit.client.desktop') : (s.clientName ?? s.id.slice(0, 8))}
            </option>
          ))}
        </select>
        <select aria-label={t('audit.filter.kind')} value={query.kind ?? ''} onChange={(e) => setFilter({ kind: (e.target.value || undefined) as AuditQuery['kind'] })}>
          <option value="">{t('audit.filter.allKinds')}</option>
          <option value="tool">{t('audit.kind.tool')}</option>
          <option value="switch">{t('audit.kind.switch')}</option>
          <option value="reset">{t('audit.kind.reset')}</option>
          <option value="move">{t('audit.kind.move')}</option>
          <option value="mode">{t('audit.kind.mode')}</option>
        </select>
        <select aria-label={t('audit.filter.domain')} value={query.domain ?? ''} onChange={(e) => setFilter({ domain: (e.target.value || undefined) as ToolDomain | undefined })}>
          <option value="">{t('audit.filter.allDomains')}</option>
          {toolDomains.map((domain) => (
            <option key={domain} value={domain}>
              {toolDomainText(t.translator, domain)}
            </option>
          ))}
        </select>
        <select aria-label={t('audit.filter.result')} value={query.result ?? ''} onChange={(e) => setFilter({ result: (e.target.value || undefined) as AuditQuery['result'] })}>
          <option value="">{t('audit.filter.anyResult')}</option>
          <option value="ok">{t('audit.filter.succeeded')}</option>
          <option value="error">{t('audit.filter.failed')}</option>
        </select>
        <input
          type="search"
          aria-label={t('audit.filter.name')}
          placeholder={t('audit.filter.namePlaceholder')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setNameFilter(name);
          }}
          onBlur={() => {
            if ((query.name ?? '') !== name.trim()) setNameFilter(name);
          }}
        />
      </div>
      {error === null ? null : (
        <p className="form-error" role="alert">
          {t('audit.loadFailed', { reason: errorReason(t.translator, error) })}
        </p>
      )}
      <div className="table-scroll">
        <table className="data-table" aria-label={t('audit.table')}>
          <thead>
            <tr>
              <th scope="col">{t('audit.col.time')}</th>
              <th scope="col">{t('audit.col.client')}</th>
              <th scope="col">{t('audit.col.action')}</th>
              <th scope="col">{t('audit.col.tenant')}</th>
              <th scope="col">{t('audit.col.args')}</th>
              <th scope="col">{t('audit.col.result')}</th>
              <th scope="col" className="num">
                <abbr title={t('audit.col.durationLong')}>{t('audit.col.duration')}</abbr>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const desktop = sessions.find((s) => s.id === e.sessionId)?.kind === 'desktop';
              const args = auditArgsText(t.translator, e);
              return (
                <tr key={e.seq}>
                  <td className="mono small nowrap" title={formats.dateTime(e.at)}>
                    {auditTime(formats, e.at)}
                  </td>
                  <td>{auditClientText(t.translator, e, desktop)}</td>
                  <td>
                    <span className="audit-action">{auditActionText(t.translator, e)}</span>
                    {e.kind === 'tool' || e.kind === 'switch' || e.kind === 'reset' ? (
                      <span className="audit-tool small muted">
                        {e.domain === undefined ? null : <span className="audit-domain">{toolDomainText(t.translator, e.domain)} · </span>}
                        <span className="mono">{e.name}</span>
                      </span>
                    ) : null}
                  </td>
                  <td>{auditTenantText(t.translator, e, tenantName)}</td>
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
                    <span className={`badge ${e.result === 'ok' ? 'ok' : 'failed'}`}>{auditResultText(t.translator, e)}</span>
                  </td>
                  <td className="num mono small">{formats.number(Math.round(e.durationMs))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {entries.length === 0 ? <p className="muted empty-note">{loading ? t('common.loading') : filtered ? t('audit.noMatch') : t('audit.empty')}</p> : null}
      </div>
      {more ? (
        <button type="button" className="link" onClick={() => void commands.loadOlderAudit()}>
          {t('audit.older')}
        </button>
      ) : null}
    </section>
  );
}
