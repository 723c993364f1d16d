/**
 * The MCP tool names DESIGN §4 promises, written out independently of the implementation so tests
 * that compare against it can fail when a tool is renamed or dropped.
 */
export const contractToolNames = [
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
