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
  'nevent_list_campaigns',
  'nevent_analytics_capabilities',
  'nevent_paid_ads_status',
  'nevent_help',
] as const;
