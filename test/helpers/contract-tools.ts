/**
 * The MCP tool names the bridge promises (Nevent AI's, docs/upstream-toolset.md), written out independently of the implementation so tests
 * that compare against it can fail when a tool is renamed or dropped.
 */
/**
 * Every tool but the paid-media reads beyond the status, the template and the short-URL tools, in
 * `tools/list` order: the serve flow (test/integration/serve/real-api-flows.test.ts) calls each of them.
 */
export const serveFlowToolNames = [
  'nevent_list_tenants',
  'nevent_get_active_tenant',
  'nevent_switch_tenant',
  'nevent_reset_tenant',
  'nevent_list_segments',
  'nevent_get_segment',
  'nevent_create_segment',
  'nevent_update_segment',
  'nevent_segment_preview',
  'nevent_segmentation_criteria',
  'nevent_segment_execute',
  'nevent_dimension_values',
  'nevent_list_campaigns',
  'nevent_get_campaign',
  'nevent_get_campaign_metrics',
  'nevent_list_campaign_recipients',
  'nevent_quote_campaign',
  'nevent_create_campaign',
  'nevent_schedule_campaign',
  'nevent_analytics_capabilities',
  'nevent_analytics_table_schema',
  'nevent_analytics_filter_values',
  'nevent_analytics_query',
  'nevent_campaign_report',
  'nevent_paid_ads_status',
  'nevent_list_images',
  'nevent_upload_image',
  'nevent_delete_image',
  'nevent_help',
] as const;

/** The paid-media reads beyond the status, the template and the short-URL tools (upstream's names). */
export const paidMediaTemplateShortUrlToolNames = [
  'nevent_paid_ads_health',
  'nevent_list_paid_campaigns',
  'nevent_get_paid_campaign_insights',
  'nevent_paid_attribution',
  'nevent_list_paid_ad_groups',
  'nevent_get_paid_ad_group_insights',
  'nevent_get_paid_ad_group_comparative_stats',
  'nevent_get_paid_ad_group_targeting',
  'nevent_list_paid_ads',
  'nevent_get_paid_ad_creative',
  'nevent_create_template',
  'nevent_update_template',
  'nevent_clone_template',
  'nevent_rename_template',
  'nevent_preview_template',
  'nevent_send_test_template',
  'nevent_list_short_urls',
  'nevent_get_short_url',
  'nevent_get_short_url_metrics',
  'nevent_get_short_url_campaign_metrics',
  'nevent_get_short_url_clicks',
  'nevent_list_short_url_user_links',
  'nevent_list_short_url_destinations',
  'nevent_create_short_url',
  'nevent_update_short_url',
  'nevent_create_bulk_user_short_urls',
] as const;

/** The paid-media domain comes after this tool in `tools/list`, then templates and short URLs. */
const paidMediaStatusAt = serveFlowToolNames.indexOf('nevent_paid_ads_status') + 1;

/** Every tool `tools/list` holds in FULL mode, in its order. */
export const contractToolNames = [...serveFlowToolNames.slice(0, paidMediaStatusAt), ...paidMediaTemplateShortUrlToolNames, ...serveFlowToolNames.slice(paidMediaStatusAt)] as const;
