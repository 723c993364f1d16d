/**
 * The bridge's tools grouped by domain (issue 12): each tool's class and whether the operation mode in
 * effect lets AI clients call it. The list is read once (it is fixed for a build); what is allowed is
 * computed from the pushed mode with the bridge's own rule, so it follows every mode change at once.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { McpToolInfo } from '../../../src-shared/ipc';
import { isToolAllowed, type ToolAccess } from '../../../src-shared/tool-access';
import { toolDomainLabels as domainLabels, toolDomains } from '../../../src-shared/tool-domains';
import { useAppState, useCommands } from '../../app/app-context';

const classLabels: Record<ToolAccess, string> = { read: 'Read', tenant: 'Tenant', write: 'Write', destructive: 'Delete' };

/** The Tools section of the MCP panel. */
export function ToolsByDomain(): ReactNode {
  const commands = useCommands();
  const mode = useAppState((a) => a?.operationMode ?? 'READ_ONLY');
  const [tools, setTools] = useState<McpToolInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void commands.listTools().then((r) => {
      if (!live) return;
      if (r.ok) setTools(r.value.tools);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [commands]);

  const allowedCount = tools?.filter((t) => isToolAllowed(mode, t.access)).length ?? 0;
  return (
    <section className="panel-section" aria-labelledby="tools-title">
      <h2 id="tools-title">Tools</h2>
      {error !== null ? <p className="form-error">{error}</p> : null}
      {tools === null ? null : (
        <>
          <p className="muted small" data-testid="tools-summary">
            {allowedCount} of {tools.length} tools allowed in {mode.replace('_', ' ').toLowerCase()} mode.
          </p>
          <div className="tool-domains">
            {toolDomains.map((domain) => {
              const inDomain = tools.filter((t) => t.domain === domain);
              if (inDomain.length === 0) return null;
              const allowed = inDomain.filter((t) => isToolAllowed(mode, t.access)).length;
              return (
                <details key={domain} className="tool-domain" data-testid={`tool-domain-${domain}`}>
                  <summary>
                    <strong>{domainLabels[domain]}</strong>{' '}
                    <span className={`badge ${allowed === inDomain.length ? 'ok' : allowed === 0 ? 'failed' : ''}`}>
                      {allowed}/{inDomain.length} allowed
                    </span>
                  </summary>
                  <ul className="tool-list" aria-label={`${domainLabels[domain]} tools`}>
                    {inDomain.map((tool) => {
                      const ok = isToolAllowed(mode, tool.access);
                      return (
                        <li key={tool.name} className={ok ? 'tool-row' : 'tool-row refused'} data-testid={`tool-${tool.name}`} data-allowed={ok}>
                          <span className="tool-title">{tool.title}</span> <span className="mono small muted">{tool.name}</span>
                          <span className={`badge class-${tool.access}`}>{classLabels[tool.access]}</span>
                          <span className="tool-allowed" title={ok ? `Allowed in ${mode}` : `Refused in ${mode}: needs a higher operation mode`}>
                            {ok ? 'Allowed' : 'Refused'}
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
