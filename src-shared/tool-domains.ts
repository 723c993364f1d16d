/**
 * The domains the MCP toolset is grouped in: one folder per domain under `src-main/mcp/tools/`, one
 * group in the desktop's MCP panel, one `nevent_help` topic each, and one toolset a person turns on or
 * off ("Tools the AI sees", `--toolsets`, `NEVENT_TOOLSETS`; docs/toolsets.md).
 */

/** Every tool domain, in the order `tools/list` and the MCP panel show them. */
export const toolDomains = ['tenants', 'audiences', 'campaigns', 'analytics', 'paid-media', 'templates', 'short-urls', 'media', 'help'] as const;

/** A tool domain. */
export type ToolDomain = (typeof toolDomains)[number];

/** Each domain as the desktop names it ("Paid media"). */
export const toolDomainLabels: Readonly<Record<ToolDomain, string>> = {
  tenants: 'Tenants',
  audiences: 'Audiences',
  campaigns: 'Campaigns',
  analytics: 'Analytics',
  'paid-media': 'Paid media',
  templates: 'Templates',
  'short-urls': 'Short URLs',
  media: 'Media',
  help: 'Help',
};

/**
 * The toolsets AI clients see until the person chooses: the seeds' conversation (list tenants → switch →
 * list campaigns → list segments → reset), Nevent AI's own workflows "build a segment", "compare tenants"
 * and "email campaign performance", and help — about 10 KB of tool definitions in Read only mode instead of
 * 26 KB. Analytics, paid media, templates, short URLs and media are one `nevent_enable_tools` call away
 * (why these four: docs/toolsets.md).
 */
export const defaultToolDomains: readonly ToolDomain[] = ['tenants', 'audiences', 'campaigns', 'help'];

/** Domains in `toolDomains` order, without repeats. */
export function orderedDomains(domains: Iterable<ToolDomain>): ToolDomain[] {
  const chosen = new Set(domains);
  return toolDomains.filter((domain) => chosen.has(domain));
}

/** The domain a name stands for, read liberally (`Paid_Media`, `paid media`, `short-urls`); null for none. */
export function toolDomainNamed(name: string): ToolDomain | null {
  const key = name.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return (toolDomains as readonly string[]).includes(key) ? (key as ToolDomain) : null;
}

/** A toolset list as `--toolsets` and `NEVENT_TOOLSETS` take it, read once (CLI, app start). */
export type ToolsetsParse = { ok: true; domains: ToolDomain[] } | { ok: false; message: string };

/** Words a toolset list may use besides domain names. */
const toolsetWords = 'all, default, none';

/**
 * Reads a comma-separated toolset list: domain names, `all` (every domain), `default` (the default set,
 * to add to: `default,analytics`) or `none` (only the on-demand tool; every domain one call away). A name
 * that is not a domain fails the whole list, naming it and the valid names: a typo never silently hides tools.
 */
export function parseToolsets(text: string): ToolsetsParse {
  const words = text.split(',').map((word) => word.trim()).filter((word) => word !== '');
  if (words.length === 0) return { ok: false, message: `name at least one toolset (${toolDomains.join(', ')}) or ${toolsetWords}` };
  const chosen = new Set<ToolDomain>();
  for (const word of words) {
    const lower = word.toLowerCase();
    if (lower === 'all') for (const domain of toolDomains) chosen.add(domain);
    else if (lower === 'default') for (const domain of defaultToolDomains) chosen.add(domain);
    else if (lower !== 'none') {
      const domain = toolDomainNamed(word);
      if (domain === null) return { ok: false, message: `"${word.slice(0, 40)}" is not a toolset; use ${toolDomains.join(', ')}, or ${toolsetWords}` };
      chosen.add(domain);
    }
  }
  return { ok: true, domains: orderedDomains(chosen) };
}
