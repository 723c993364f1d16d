/**
 * What Nevent AI's own server (`nevent-dev/mcp-nevent`, v1.8.0's 59 tools) puts in a model's context before
 * the first word: its `tools/list` and its server instructions, estimated from its code for the seed
 * conversation row (bench-toolsets.ts), as upstream-answers.ts estimates its answers.
 *
 * Measured from its code, not copied: for every tool, the UTF-8 bytes its description takes inside the JSON
 * of `tools/list` (escapes included), read from the registration in the file and commit below, and its title
 * and hints from its own v1.8.0 tool audit. Two registrations are in no stored version; their descriptions
 * are estimated as the shortest of their file (marked). Upstream lists every tool in every mode (its mode
 * check runs when a tool is called), so all 59 are listed.
 *
 *   entry = { name, description (its measured bytes), inputSchema, annotations: { title, three hints } }
 *
 * Its inputs are taken from ours where we have the tool (the same inputs under the same names, without our
 * `tenant_id` and `confirmed`), plus the `$schema` key its SDK (v1) adds to every input schema; ours leave out
 * the sizes, patterns and long descriptions upstream's schemas carry, so the estimate errs low, in upstream's
 * favour. The five database tools we do not offer get their inputs' names and types only.
 */

/** Where each group of descriptions was read (file under src/tools/ of nevent-dev/mcp-nevent, and the commit). */
export const upstreamDefinitionSources: Readonly<Record<string, string>> = {
  analytics: 'analytics.ts @559c1b9a',
  'campaign-actions': 'campaign-actions.ts @b1873e57',
  'campaign-metrics': 'campaign-metrics.ts @524dc4b9',
  campaigns: 'campaigns.ts (the database tools, stored version 58122304004)',
  deliverability: 'deliverability.ts @04c4ee93',
  help: 'help.ts @524dc4b9',
  media: 'media.ts @de1a294f',
  'paid-media': 'paid-media.ts @1b5e2a62',
  segments: 'segments.ts @3342e537',
  'short-urls': 'short-urls.ts @df17dc7d',
  templates: 'templates.ts @6ebff69c',
  tenants: 'tenants.ts @b3d8fb33',
};

/** UTF-8 bytes of upstream's server instructions (src/server-instructions.ts @788ef4a6, as trimmed). */
export const upstreamInstructionsBytes = 3449;

/** One upstream tool: its title and hints (readOnly, destructive, openWorld as T/F), and its description's bytes. */
export interface UpstreamTool {
  name: string;
  title: string;
  hints: string;
  descriptionBytes: number;
  /** The group in `upstreamDefinitionSources` it was read from. */
  file: string;
  /** Set when the description was not read but estimated: how. */
  estimated?: string;
}

/** v1.8.0's 59 tools, in its audit's order. */
export const upstreamTools: readonly UpstreamTool[] = [
  { name: 'nevent_analytics_query', title: 'Query analytics data', hints: 'TFF', descriptionBytes: 584, file: 'analytics' },
  { name: 'nevent_analytics_capabilities', title: 'Discover analytics capabilities', hints: 'TFF', descriptionBytes: 136, file: 'analytics' },
  { name: 'nevent_analytics_table_schema', title: 'Get analytics table schema', hints: 'TFF', descriptionBytes: 106, file: 'analytics' },
  { name: 'nevent_analytics_filter_values', title: 'Get analytics filter values', hints: 'TFF', descriptionBytes: 121, file: 'analytics' },
  { name: 'nevent_campaign_report', title: 'Generate campaign analytics report', hints: 'TFF', descriptionBytes: 263, file: 'analytics' },
  { name: 'nevent_segmentation_criteria', title: 'List segmentation criteria', hints: 'TFF', descriptionBytes: 98, file: 'analytics' },
  { name: 'nevent_segment_preview', title: 'Preview segment audience', hints: 'TFF', descriptionBytes: 817, file: 'analytics' },
  { name: 'nevent_segment_execute', title: 'Execute segment and get contacts', hints: 'TFF', descriptionBytes: 76, file: 'analytics' },
  { name: 'nevent_dimension_values', title: 'Get dimension values', hints: 'TFF', descriptionBytes: 120, file: 'analytics' },
  { name: 'nevent_create_campaign', title: 'Create campaign draft', hints: 'FFF', descriptionBytes: 139, file: 'campaign-actions' },
  { name: 'nevent_schedule_campaign', title: 'Schedule campaign for delivery', hints: 'FTT', descriptionBytes: 109, file: 'campaign-actions' },
  { name: 'nevent_quote_campaign', title: 'Quote campaign cost and audience', hints: 'TFF', descriptionBytes: 109, file: 'campaign-actions', estimated: 'the shortest description of its file' },
  { name: 'nevent_get_campaign_metrics', title: 'Get campaign metrics', hints: 'TFF', descriptionBytes: 897, file: 'campaign-metrics' },
  { name: 'nevent_list_campaign_recipients', title: 'List campaign recipients', hints: 'TFF', descriptionBytes: 716, file: 'campaign-metrics' },
  { name: 'nevent_list_campaigns', title: 'List campaigns', hints: 'TFF', descriptionBytes: 448, file: 'campaigns' },
  { name: 'nevent_get_campaign', title: 'Get campaign details', hints: 'TFF', descriptionBytes: 420, file: 'campaigns' },
  { name: 'nevent_get_campaign_insights', title: 'Get campaign AI insights', hints: 'TFF', descriptionBytes: 357, file: 'campaigns' },
  { name: 'nevent_get_sending_profile', title: 'Get sending profile', hints: 'TFF', descriptionBytes: 413, file: 'deliverability' },
  { name: 'nevent_get_suppressions_summary', title: 'Get suppressions summary', hints: 'TFF', descriptionBytes: 394, file: 'deliverability' },
  { name: 'nevent_help', title: 'Get Nevent MCP help', hints: 'TFF', descriptionBytes: 393, file: 'help' },
  { name: 'nevent_upload_image', title: 'Upload image to media library', hints: 'FFT', descriptionBytes: 454, file: 'media' },
  { name: 'nevent_list_images', title: 'List media library images', hints: 'TFF', descriptionBytes: 262, file: 'media' },
  { name: 'nevent_delete_image', title: 'Delete images from media library', hints: 'FTT', descriptionBytes: 369, file: 'media' },
  { name: 'nevent_paid_ads_status', title: 'Check paid ads connection status', hints: 'TFF', descriptionBytes: 261, file: 'paid-media' },
  { name: 'nevent_paid_ads_health', title: 'Get paid ads health signals', hints: 'TFF', descriptionBytes: 478, file: 'paid-media' },
  { name: 'nevent_list_paid_campaigns', title: 'List paid campaigns', hints: 'TFF', descriptionBytes: 254, file: 'paid-media' },
  { name: 'nevent_get_paid_campaign_insights', title: 'Get paid campaign insights', hints: 'TFF', descriptionBytes: 421, file: 'paid-media' },
  { name: 'nevent_paid_attribution', title: 'Get paid ads attribution', hints: 'TFF', descriptionBytes: 358, file: 'paid-media' },
  { name: 'nevent_list_paid_ad_groups', title: 'List paid ad groups', hints: 'TFF', descriptionBytes: 319, file: 'paid-media' },
  { name: 'nevent_get_paid_ad_group_insights', title: 'Get paid ad group insights', hints: 'TFF', descriptionBytes: 424, file: 'paid-media' },
  { name: 'nevent_get_paid_ad_group_comparative_stats', title: 'Get paid ad group comparative stats', hints: 'TFF', descriptionBytes: 466, file: 'paid-media' },
  { name: 'nevent_get_paid_ad_group_targeting', title: 'Get paid ad group targeting', hints: 'TFF', descriptionBytes: 466, file: 'paid-media' },
  { name: 'nevent_list_paid_ads', title: 'List paid ads', hints: 'TFF', descriptionBytes: 368, file: 'paid-media' },
  { name: 'nevent_get_paid_ad_creative', title: 'Get paid ad creative', hints: 'TFF', descriptionBytes: 497, file: 'paid-media' },
  { name: 'nevent_list_segments', title: 'List segments', hints: 'TFF', descriptionBytes: 369, file: 'segments' },
  { name: 'nevent_get_segment', title: 'Get segment details', hints: 'TFF', descriptionBytes: 360, file: 'segments' },
  { name: 'nevent_create_segment', title: 'Create segment', hints: 'FFF', descriptionBytes: 866, file: 'segments' },
  { name: 'nevent_update_segment', title: 'Update segment', hints: 'FTF', descriptionBytes: 307, file: 'segments' },
  { name: 'nevent_list_short_urls', title: 'List short URLs', hints: 'TFF', descriptionBytes: 587, file: 'short-urls' },
  { name: 'nevent_get_short_url', title: 'Get short URL details', hints: 'TFF', descriptionBytes: 442, file: 'short-urls' },
  { name: 'nevent_get_short_url_metrics', title: 'Get short URL metrics', hints: 'TFF', descriptionBytes: 500, file: 'short-urls' },
  { name: 'nevent_get_short_url_campaign_metrics', title: 'Get short URL campaign metrics', hints: 'TFF', descriptionBytes: 674, file: 'short-urls' },
  { name: 'nevent_get_short_url_clicks', title: 'Get short URL click events', hints: 'TFF', descriptionBytes: 445, file: 'short-urls' },
  { name: 'nevent_list_short_url_user_links', title: 'List short URL user links', hints: 'TFF', descriptionBytes: 475, file: 'short-urls' },
  { name: 'nevent_create_short_url', title: 'Create short URL', hints: 'FFT', descriptionBytes: 599, file: 'short-urls' },
  { name: 'nevent_update_short_url', title: 'Update short URL', hints: 'FTT', descriptionBytes: 586, file: 'short-urls' },
  { name: 'nevent_create_bulk_user_short_urls', title: 'Create bulk user short URLs', hints: 'FFT', descriptionBytes: 941, file: 'short-urls' },
  { name: 'nevent_list_short_url_destinations', title: 'List short URLs by destination', hints: 'TFF', descriptionBytes: 442, file: 'short-urls', estimated: 'the shortest read-tool description of its file' },
  { name: 'nevent_list_templates', title: 'List email templates', hints: 'TFF', descriptionBytes: 309, file: 'templates' },
  { name: 'nevent_get_template', title: 'Get email template', hints: 'TFF', descriptionBytes: 375, file: 'templates' },
  { name: 'nevent_create_template', title: 'Create email template', hints: 'FFF', descriptionBytes: 295, file: 'templates' },
  { name: 'nevent_update_template', title: 'Update email template', hints: 'FTF', descriptionBytes: 304, file: 'templates' },
  { name: 'nevent_clone_template', title: 'Clone email template', hints: 'FFF', descriptionBytes: 336, file: 'templates' },
  { name: 'nevent_rename_template', title: 'Rename email template', hints: 'FTF', descriptionBytes: 349, file: 'templates' },
  { name: 'nevent_preview_template', title: 'Preview template rendering', hints: 'TFF', descriptionBytes: 386, file: 'templates' },
  { name: 'nevent_send_test_template', title: 'Send test email', hints: 'FTT', descriptionBytes: 345, file: 'templates' },
  { name: 'nevent_list_tenants', title: 'List accessible tenants', hints: 'TFF', descriptionBytes: 258, file: 'tenants' },
  { name: 'nevent_switch_tenant', title: 'Switch active tenant', hints: 'FFF', descriptionBytes: 528, file: 'tenants' },
  { name: 'nevent_reset_tenant', title: 'Reset to home tenant', hints: 'FTF', descriptionBytes: 396, file: 'tenants' },
];

type JsonSchema = Record<string, unknown>;

/** Inputs of the database tools this bridge does not offer (names and types from upstream's schemas; no descriptions). */
const inputsWeLack: Readonly<Record<string, JsonSchema>> = {
  nevent_get_campaign_insights: { type: 'object', properties: { campaign_id: { type: 'string' } }, required: ['campaign_id'] },
  nevent_list_templates: {
    type: 'object',
    properties: { tags: { type: 'array', items: { type: 'string' } }, content_nature: { type: 'string' }, limit: { type: 'integer' }, sort: { type: 'string', enum: ['createdAt', 'modifiedAt', 'name'] }, sort_order: { type: 'string', enum: ['asc', 'desc'] } },
  },
  nevent_get_template: { type: 'object', properties: { template_id: { type: 'string' } }, required: ['template_id'] },
  nevent_get_sending_profile: { type: 'object', properties: {} },
  nevent_get_suppressions_summary: { type: 'object', properties: {} },
};

/** The key upstream's SDK (v1) adds to every input schema. */
const sdkSchemaKey = { $schema: 'http://json-schema.org/draft-07/schema#' };

/** Our input schema as upstream's would be: without the inputs only we add. */
function withoutOurInputs(schema: JsonSchema): JsonSchema {
  const properties = { ...((schema.properties as Record<string, unknown> | undefined) ?? {}) };
  delete properties.tenant_id;
  delete properties.confirmed;
  const required = ((schema.required as string[] | undefined) ?? []).filter((name) => name in properties);
  return { ...schema, properties, ...(required.length === 0 ? { required: undefined } : { required }) };
}

const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * Estimated UTF-8 bytes of upstream's `tools/list` answer (compact JSON, `{"tools":[…]}`), from our own listing
 * of every tool (`ours`: name → its input schema as we list it).
 */
export function upstreamToolsListBytes(ours: ReadonlyMap<string, JsonSchema>): { bytes: number; tools: number; estimatedDescriptions: number } {
  const entries = upstreamTools.map((tool) => {
    const input = ours.get(tool.name);
    const inputSchema = { ...(input === undefined ? (inputsWeLack[tool.name] ?? { type: 'object', properties: {} }) : withoutOurInputs(input)), ...sdkSchemaKey };
    const [readOnlyHint, destructiveHint, openWorldHint] = [...tool.hints].map((flag) => flag === 'T');
    // The description as bytes of plain ASCII: the measured length already counts JSON escapes and UTF-8.
    return { name: tool.name, description: 'x'.repeat(tool.descriptionBytes), inputSchema, annotations: { title: tool.title, readOnlyHint, destructiveHint, openWorldHint } };
  });
  return { bytes: bytes({ tools: entries }), tools: entries.length, estimatedDescriptions: upstreamTools.filter((tool) => tool.estimated !== undefined).length };
}
