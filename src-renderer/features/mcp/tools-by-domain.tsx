/**
 * "Tools the AI sees": the bridge's tools grouped by domain, one switch per group. AI conversations start
 * with the groups switched on (the model can turn on any other for its own conversation), so each group
 * says what it adds to every conversation, in the mode in effect, and the total says what a conversation
 * pays at connect (docs/toolsets.md). Each group also lists its tools with their class and whether the mode
 * lets AI clients call them.
 *
 * The tool list and its sizes are read once (fixed for a build); the mode and the chosen groups are main's,
 * pushed; a choice shows at once and main's answer takes over (a refusal shows main's choice again).
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { McpToolList } from '../../../src-shared/ipc';
import type { AppErrorData } from '../../../src-shared/errors';
import { modeText } from '../../../src-shared/i18n/words';
import { isToolAllowed } from '../../../src-shared/tool-access';
import { defaultToolDomains, orderedDomains, toolDomains, type ToolDomain } from '../../../src-shared/tool-domains';
import { useAppState, useCommands, useUi } from '../../app/app-context';
import { useFormats } from '../../i18n/locale-provider';
import { useWords } from '../../i18n/use-words';
import { errorReason } from '../../lib/error-text';
import { toolAccessText, toolDomainText, toolTitle } from '../../lib/tool-words';
import { domainCost, toolsetsCost } from '../../lib/toolset-cost';

/** A rough token count: about 4 bytes of JSON per token (said as "about"). */
const bytesPerToken = 4;

const sameDomains = (a: readonly ToolDomain[], b: readonly ToolDomain[]): boolean => a.length === b.length && a.every((domain, i) => domain === b[i]);

/** The Tools section of the MCP panel. */
export function ToolsByDomain(): ReactNode {
  const t = useWords();
  const formats = useFormats();
  const commands = useCommands();
  const mode = useAppState((a) => a?.operationMode ?? 'READ_ONLY');
  const saved = useUi((s) => s.settings?.toolsets ?? null);
  const [list, setList] = useState<McpToolList | null>(null);
  const [loadError, setLoadError] = useState<AppErrorData | null>(null);
  const [pending, setPending] = useState<readonly ToolDomain[] | null>(null);
  const [saveError, setSaveError] = useState<AppErrorData | null>(null);
  const idBase = useId();
  useEffect(() => {
    let live = true;
    void commands.listTools().then((r) => {
      if (!live) return;
      if (r.ok) setList(r.value);
      else setLoadError(r.error);
    });
    return () => {
      live = false;
    };
  }, [commands]);

  const chosen = pending ?? saved ?? defaultToolDomains;
  const choose = (next: readonly ToolDomain[]): void => {
    const ordered = orderedDomains(next);
    setPending(ordered);
    void commands.setToolsets(ordered).then((r) => {
      setPending(null);
      setSaveError(r.ok ? null : r.error);
    });
  };
  const kilobytes = (bytes: number): string => formats.number(bytes / 1000, { maximumFractionDigits: 1 });
  const modeName = modeText(t.translator, mode).toLocaleLowerCase(t.translator.locale);

  const tools = list?.tools ?? [];
  const allowedCount = tools.filter((tool) => isToolAllowed(mode, tool.access)).length;
  const atConnect = list === null ? null : toolsetsCost(list.tools, list.onDemandTool, chosen, mode);
  return (
    <section className="panel-section" aria-labelledby="tools-title">
      <h2 id="tools-title">{t('toolsets.title')}</h2>
      <p className="muted small">{t('toolsets.intro')}</p>
      {loadError !== null ? <p className="form-error">{t('tools.loadFailed', { reason: errorReason(t.translator, loadError) })}</p> : null}
      {list === null || atConnect === null ? null : (
        <>
          <p data-testid="toolsets-total">
            {t('toolsets.total', { tools: atConnect.listed, size: kilobytes(atConnect.bytes), tokens: formats.number(Math.round(atConnect.bytes / bytesPerToken / 100) * 100), mode: modeName })}
          </p>
          <p className="muted small" data-testid="tools-summary">
            {t('tools.summary', { allowed: allowedCount, total: tools.length, mode: modeName })}
          </p>
          <div className="toolset-actions" role="group" aria-label={t('toolsets.quick')}>
            <button type="button" disabled={sameDomains(chosen, defaultToolDomains)} onClick={() => choose(defaultToolDomains)}>
              {t('toolsets.useDefault')}
            </button>
            <button type="button" disabled={sameDomains(chosen, toolDomains)} onClick={() => choose(toolDomains)}>
              {t('toolsets.useAll')}
            </button>
          </div>
          <p className="form-error" role="alert">
            {saveError === null ? '' : t('toolsets.failed', { reason: errorReason(t.translator, saveError) })}
          </p>
          <ul className="tool-domains">
            {toolDomains.map((domain) => {
              const inDomain = tools.filter((tool) => tool.domain === domain);
              if (inDomain.length === 0) return null;
              const on = chosen.includes(domain);
              const cost = domainCost(tools, domain, mode);
              const allowed = inDomain.filter((tool) => isToolAllowed(mode, tool.access)).length;
              const name = toolDomainText(t.translator, domain);
              const switchId = `${idBase}-${domain}`;
              return (
                <li key={domain} className={on ? 'toolset' : 'toolset off'} data-testid={`toolset-${domain}`}>
                  <div className="toolset-head">
                    <input
                      type="checkbox"
                      id={switchId}
                      checked={on}
                      aria-describedby={`${switchId}-cost`}
                      onChange={(event) => choose(event.target.checked ? [...chosen, domain] : chosen.filter((d) => d !== domain))}
                    />
                    <label htmlFor={switchId}>
                      <strong>{name}</strong>
                    </label>
                    <span id={`${switchId}-cost`} className="toolset-cost small" data-testid={`toolset-cost-${domain}`}>
                      {t('toolsets.adds', { size: kilobytes(cost.bytes), listed: cost.listed })}
                    </span>
                  </div>
                  <details className="tool-domain" data-testid={`tool-domain-${domain}`}>
                    <summary>
                      {t('toolsets.tools', { total: inDomain.length })}{' '}
                      <span className={`badge ${allowed === inDomain.length ? 'ok' : allowed === 0 ? 'failed' : ''}`}>{t('tools.domainAllowed', { allowed, total: inDomain.length })}</span>
                    </summary>
                    <ul className="tool-list" aria-label={t('tools.domainList', { domain: name })}>
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
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
