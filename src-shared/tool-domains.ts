/**
 * The domains the MCP toolset is grouped in: one folder per domain under
 * `src-main/mcp/tools/`, one group in the desktop's MCP panel, one `nevent_help` topic each.
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
