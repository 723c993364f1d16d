/**
 * The bridge's tools grouped by domain: each tool's class and whether the operation mode in
 * effect lets AI clients call it. The list is read once (it is fixed for a build); what is allowed is
 * computed from the pushed mode with the bridge's own rule, so it follows every mode change at once.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { McpToolInfo } from '../../../src-shared/ipc';
import type { AppErrorData } from '../../../src-shared/errors';
import { modeText } from '../../../src-shared/i18n/words';
import { isToolAllowed } from '../../../src-shared/tool-access';
import { toolDomains } from '../../../src-shared/tool-domains';
import { useAppState, useCommands } from '../../app/app-context';
import { useWords } from '../../i18n/use-words';
import { errorReason } from '../../lib/error-text';
import { toolAccessText, toolDomainText, toolTitle } from '../../lib/tool-words';

/** The Tools section of the MCP panel. */
export function ToolsByDomain(): ReactNode {
  const t = useWords();
  const commands = useCommands();
  const mode = useAppState((a) => a?.operationMode ?? 'READ_ONLY');
  const [tools, setTools] = useState<McpToolInfo[] | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  useEffect(() => {
    let live = true;
    void commands.listTools().then((r) => {
      if (!live) return;
      if (r.ok) setTools(r.value.tools);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [commands]);

  const allowedCount = tools?.filter((t) => isToolAllowed(mode, t.access)).length ?? 0;
  return (
    <section className="panel-section" aria-labelledby="tools-title">
      <h2 id="tools-title">{t('tools.title')}</h2>
      {error !== null ? <p className="form-error">{t('tools.loadFailed', { reason: errorReason(t.translator, error) })}</p> : null}
      {tools === null ? null : (
        <>
          <p className="muted small" data-testid="tools-summary">
            {t('tools.summary', { allowed: allowedCount, total: tools.length, mode: modeText(t.translator, mode).toLocaleLowerCase(t.translator.locale) })}
          </p>
          <div className="tool-domains">
            {toolDomains.map((domain) => {
              const inDomain = tools.filter((t) => t.domain === domain);
              if (inDomain.length === 0) return null;
              const allowed = inDomain.filter((t) => isToolAllowed(mode, t.access)).length;
              return (
                <details key={domain} className="tool-domain" data-testid={`tool-domain-${domain}`}>
                  <summary>
                    <strong>{toolDomainText(t.translator, domain)}</strong>{' '}
                    <span className={`badge ${allowed === inDomain.length ? 'ok' : allowed === 0 ? 'failed' : ''}`}>{t('tools.domainAllowed', { allowed, total: inDomain.length })}</span>
                  </summary>
                  <ul className="tool-list" aria-label={t('tools.domainList', { domain: toolDomainText(t.translator, domain) })}>
                    {inDomain.map((tool) => {
                      const ok = isToolAllowed(mode, tool.access);
                      return (
                        <li key={tool.name} className={ok ? 'tool-row' : 'tool-row refused'} data-testid={`tool-${tool.name}`} data-allowed={ok}>
                          <span className="tool-title">{toolTitle(t.translator, tool.name, tool.title)}</span> <span className="mono small muted">{tool.name}</span>
                          <span className={`badge class-${tool.access}`}>{toolAccessText(t.translator, tool.access)}</span>
                          <span className="tool-allowed" title={ok ? t('tools.allowedIn', { mode: modeText(t.translator, mode) }) : t('tools.refusedIn', { mode: modeText(t.translator, mode) })}>
                            {ok ? t('tools.allowed') : t('tools.refused')}
                          </span>
                        </li>
                      );
                    })}
                  </ul>
                </details>
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}
