/**
 * The views the bridge shows inside AI clients that render MCP Apps (docs/mcp-apps.md): which tools link
 * each one, and where a host reads it. One table for the server (the links in `tools/list`, the `ui://`
 * resources) and for the views (which one a page is).
 *
 *   tool answer ──(host renders MCP Apps)──> the view its tool links ──tool calls through the host──> the bridge
 */

/**
 * What linking a view may add to one tool's definition in `tools/list`, in UTF-8 bytes of its JSON: a model
 * reads the definitions on every turn, the view's HTML only the host reads.
 */
export const viewLinkBudgetBytes = 80;

/** Every view, by id. */
export const appViewIds = ['tenants', 'segment', 'campaign', 'report'] as const;

/** A view's id. */
export type AppViewId = (typeof appViewIds)[number];

/** What the server needs of a view: where hosts read it, what it is called, and the tools whose answers it shows. */
export interface AppViewSpec {
  id: AppViewId;
  /** Short on purpose: every linked tool's definition carries it on every turn of a conversation. */
  uri: `ui://nevent/${AppViewId}`;
  /** The resource's name and description (English: hosts show them beside the server's other names). */
  name: string;
  description: string;
  /** The tools whose answers the view shows; their definitions link it. */
  tools: readonly string[];
}

/** The four views. */
export const appViews: readonly AppViewSpec[] = [
  {
    id: 'tenants',
    uri: 'ui://nevent/tenants',
    name: 'Nevent tenants',
    description: 'The tenants the user can reach, as a searchable tree; choosing one switches this conversation to it.',
    tools: ['nevent_list_tenants', 'nevent_switch_tenant'],
  },
  {
    id: 'segment',
    uri: 'ui://nevent/segment',
    name: 'Nevent segment',
    description: 'A segment definition in words, its estimated size and a sample of fans; where the mode allows, a value can be adjusted and saved.',
    tools: ['nevent_get_segment', 'nevent_segment_preview', 'nevent_create_segment'],
  },
  {
    id: 'campaign',
    uri: 'ui://nevent/campaign',
    name: 'Nevent campaign confirmation',
    description: 'A campaign quote or draft: audience, cost, channel and time; the user schedules it with a click.',
    tools: ['nevent_quote_campaign', 'nevent_create_campaign', 'nevent_schedule_campaign'],
  },
  {
    id: 'report',
    uri: 'ui://nevent/report',
    name: 'Nevent campaign report',
    description: 'Campaign figures as a small chart and a table.',
    tools: ['nevent_campaign_report', 'nevent_get_campaign_metrics'],
  },
];

/** The view a tool's answers show in, if any. */
export function appViewOfTool(toolName: string): AppViewSpec | undefined {
  return appViews.find((view) => view.tools.includes(toolName));
}

/** The view a page is, from the id the server wrote into it; undefined for anything else. */
export function appViewById(id: string): AppViewSpec | undefined {
  return appViews.find((view) => view.id === id);
}

/**
 * The key of a linked tool's result `_meta` that tells its view the connection's operation mode, so the
 * view offers only what the mode allows (the model never reads `_meta`).
 */
export const operationModeMetaKey = 'es.nevent/operation-mode';
