/**
 * `nevent_enable_tools`: the one tool that reaches every domain a conversation does not list. Its
 * description lists the domains that are off, one line each, so a model sees what exists without a call;
 * called with a domain it turns that domain on for this conversation (the server then announces
 * `tools/list_changed`) and answers the tools it now lists, so a client that never re-reads the list can
 * still call them by name. The operation mode applies on top: a domain's write tools stay unlisted in
 * Read only mode, and the answer says which mode they need.
 */
import { z } from 'zod';
import { defaultToolDomains, toolDomainNamed, toolDomains, type ToolDomain } from '../../src-shared/tool-domains';
import { modeNames } from './mode-words';
import { fixedMode, isToolAllowed, leastModeFor, type OperationModeSource } from './operation-mode';
import { CoreError } from '../core/common/core-error';
import { defineTool, type AnyToolSpec } from './tool';
import { definitionBytes } from './tool-definitions';
import { enableToolsName, everyToolset, OnDemandToolsets, SessionToolsets } from './toolsets';
import { toolsetSummaries } from './tools/summaries';

/** What the tool reads: this conversation's toolsets, the server's tool table and the mode in effect. */
export interface EnableToolsDeps {
  toolsets: SessionToolsets;
  tools: readonly AnyToolSpec[];
  mode: OperationModeSource;
}

const ToolRefSchema = z.object({ name: z.string(), title: z.string() });
const OffDomainSchema = z.object({ domain: z.string(), about: z.string().optional() });

/** The description as listed now: what the tool does, then the domains that are off, one line each. */
export function enableToolsDescription(off: readonly ToolDomain[]): string {
  const lines = off.map((domain) => `- ${domain}: ${toolsetSummaries[domain]}`);
  return ['Turns on a group of Nevent tools for this conversation; they are listed right after. Off now:', ...lines].join('\n');
}

/** The `nevent_enable_tools` tool of one conversation. */
export function enableToolsTool({ toolsets, tools, mode }: EnableToolsDeps): AnyToolSpec {
  const offDomains = () => toolsets.off().map((domain) => ({ domain, about: toolsetSummaries[domain] }));
  return defineTool({
    name: enableToolsName,
    // A meta tool: not part of any toolset (the listing filter shows it while any domain is off).
    domain: 'help',
    title: 'Turn on Nevent tools',
    description: enableToolsDescription(toolsets.off()),
    access: 'read',
    tenantScoped: false,
    input: z.object({ domain: z.string().max(64).optional().describe('A domain listed above; omit to list them.') }),
    output: z.object({
      enabled: z.string().nullable(),
      already_on: z.boolean(),
      listed: z.array(ToolRefSchema),
      needs_other_mode: z.array(z.object({ name: z.string(), mode: z.string() })),
      off: z.array(OffDomainSchema),
      message: z.string(),
    }),
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    async run(args) {
      if (args.domain === undefined) {
        const off = offDomains();
        return {
          enabled: null,
          already_on: false,
          listed: [],
          needs_other_mode: [],
          off,
          message: off.length === 0 ? 'Every group of tools is already on.' : 'Call nevent_enable_tools again with one of these domains to turn its tools on.',
        };
      }
      const domain = toolDomainNamed(args.domain);
      if (domain === null || !toolsets.domains.includes(domain)) {
        throw new CoreError('validation_failed', `"${args.domain.slice(0, 40)}" is not a group of tools here; use one of ${toolsets.domains.join(', ')}.`, 'domain');
      }
      const alreadyOn = !toolsets.enable(domain);
      const current = mode.get();
      const inDomain = tools.filter((tool) => tool.domain === domain && tool.name !== enableToolsName);
      const listed = inDomain.filter((tool) => isToolAllowed(current, tool.access)).map((tool) => ({ name: tool.name, title: tool.title }));
      const needsOtherMode = inDomain.filter((tool) => !isToolAllowed(current, tool.access)).map((tool) => ({ name: tool.name, mode: modeNames[leastModeFor(tool.access)] }));
      const also = needsOtherMode.length === 0 ? '' : ` ${needsOtherMode.length} more need another operation mode (only the user changes it).`;
      return {
        enabled: domain,
        already_on: alreadyOn,
        listed,
        needs_other_mode: needsOtherMode,
        // Named only: what each is about is in this tool's description.
        off: toolsets.off().map((name) => ({ domain: name })),
        message: `${alreadyOn ? 'The' : 'Turned on the'} ${domain} tools for this conversation: call them by name (${listed.length} listed in ${modeNames[current]} mode).${also}`,
      };
    },
  });
}

/**
 * What the on-demand tool costs in `tools/list`: its entry with no domain named (`baseBytes`), and the
 * line each domain that is off adds to its description (the desktop shows the total a choice costs).
 */
export function onDemandToolCost(tools: readonly AnyToolSpec[]): { name: string; baseBytes: number; lineBytes: Record<ToolDomain, number> } {
  const session = {};
  const nothingOff = new SessionToolsets(everyToolset(), new OnDemandToolsets(), () => session, tools);
  const spec = enableToolsTool({ toolsets: nothingOff, tools, mode: fixedMode('READ_ONLY') });
  const baseBytes = definitionBytes([spec]).get(spec.name) ?? 0;
  // As JSON text, as tools/list carries it (the line break is escaped).
  const jsonBytes = (off: readonly ToolDomain[]): number => Buffer.byteLength(JSON.stringify(enableToolsDescription(off)), 'utf8');
  const lineBytes = Object.fromEntries(toolDomains.map((domain) => [domain, jsonBytes([domain]) - jsonBytes([])])) as Record<ToolDomain, number>;
  return { name: spec.name, baseBytes, lineBytes };
}

/**
 * The tools a server can list, for what is published ahead of any connection (the MCP Bundle's manifest,
 * the registry's server.json): the table, then `nevent_enable_tools` as a conversation with the default
 * toolsets lists it (it is absent only while every domain is on).
 */
export function advertisedTools(tools: readonly AnyToolSpec[]): Array<Pick<AnyToolSpec, 'name' | 'description'>> {
  const offByDefault = toolDomains.filter((domain) => !defaultToolDomains.includes(domain));
  return [...tools.map(({ name, description }) => ({ name, description })), { name: enableToolsName, description: enableToolsDescription(offByDefault) }];
}
