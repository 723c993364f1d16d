/**
 * What a choice of toolsets costs an AI conversation at connect, from the bridge's own measures (`mcp.tools`:
 * each tool's bytes in `tools/list`, and the on-demand tool's): the bytes of the `tools/list` answer the
 * bridge gives in `mode` with `chosen` on — the tools of the chosen groups the mode allows, plus
 * `nevent_enable_tools` (naming each group that is off) while any group is off.
 */
import type { McpToolInfo, OnDemandToolCost } from '../../src-shared/ipc';
import type { OperationMode } from '../../src-shared/session';
import { isToolAllowed } from '../../src-shared/tool-access';
import { toolDomains, type ToolDomain } from '../../src-shared/tool-domains';

/** The empty answer `{"tools":[]}`. */
const emptyListBytes = 12;

/** The bytes `domain` adds when on in `mode` (its listed tools' entries), and how many tools it lists. */
export function domainCost(tools: readonly McpToolInfo[], domain: ToolDomain, mode: OperationMode): { bytes: number; listed: number } {
  const listed = tools.filter((tool) => tool.domain === domain && isToolAllowed(mode, tool.access));
  return { bytes: listed.reduce((sum, tool) => sum + tool.listBytes, 0), listed: listed.length };
}

/** The whole `tools/list` at connect with `chosen` on in `mode`: bytes and tools. */
export function toolsetsCost(tools: readonly McpToolInfo[], onDemand: OnDemandToolCost, chosen: readonly ToolDomain[], mode: OperationMode): { bytes: number; listed: number } {
  const present = toolDomains.filter((domain) => tools.some((tool) => tool.domain === domain));
  const off = present.filter((domain) => !chosen.includes(domain));
  const parts = present.filter((domain) => chosen.includes(domain)).map((domain) => domainCost(tools, domain, mode));
  const entries = parts.reduce((sum, part) => sum + part.bytes, 0) + (off.length === 0 ? 0 : onDemand.baseBytes + off.reduce((sum, domain) => sum + onDemand.lineBytes[domain], 0));
  const listed = parts.reduce((sum, part) => sum + part.listed, 0) + (off.length === 0 ? 0 : 1);
  // Entries are separated by commas inside the array.
  return { bytes: emptyListBytes + entries + Math.max(0, listed - 1), listed };
}
