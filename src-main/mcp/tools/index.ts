/** Every MCP tool, in the order `tools/list` shows them (DESIGN §4). */
import type { AnyToolSpec } from '../tool';
import { analyticsCapabilitiesTool } from './analytics-capabilities';
import { createSegmentTool } from './create-segment';
import { getActiveTenantTool } from './get-active-tenant';
import { getSegmentTool } from './get-segment';
import { helpTool } from './help';
import { listCampaignsTool } from './list-campaigns';
import { listSegmentsTool } from './list-segments';
import { listTenantsTool } from './list-tenants';
import { paidAdsStatusTool } from './paid-ads-status';
import { resetTenantTool } from './reset-tenant';
import { segmentPreviewTool } from './segment-preview';
import { segmentationCriteriaTool } from './segmentation-criteria';
import { switchTenantTool } from './switch-tenant';
import { updateSegmentTool } from './update-segment';

/** All tools. */
export const allTools: readonly AnyToolSpec[] = [
  listTenantsTool,
  getActiveTenantTool,
  switchTenantTool,
  resetTenantTool,
  listSegmentsTool,
  getSegmentTool,
  createSegmentTool,
  updateSegmentTool,
  segmentPreviewTool,
  segmentationCriteriaTool,
  listCampaignsTool,
  analyticsCapabilitiesTool,
  paidAdsStatusTool,
  helpTool,
];
