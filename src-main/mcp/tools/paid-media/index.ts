/** The paid-media domain: the tenant's Meta, Google and TikTok ads accounts and their results. */
import type { AnyToolSpec } from '../../tool';
import { getPaidAdCreativeTool } from './get-paid-ad-creative';
import { getPaidAdGroupComparativeStatsTool } from './get-paid-ad-group-comparative-stats';
import { getPaidAdGroupInsightsTool } from './get-paid-ad-group-insights';
import { getPaidAdGroupTargetingTool } from './get-paid-ad-group-targeting';
import { getPaidCampaignInsightsTool } from './get-paid-campaign-insights';
import { listPaidAdGroupsTool } from './list-paid-ad-groups';
import { listPaidAdsTool } from './list-paid-ads';
import { listPaidCampaignsTool } from './list-paid-campaigns';
import { paidAdsHealthTool } from './paid-ads-health';
import { paidAdsStatusTool } from './paid-ads-status';
import { paidAttributionTool } from './paid-attribution';

/** The paid-media tools, in `tools/list` order. */
export const paidMediaTools: readonly AnyToolSpec[] = [
  paidAdsStatusTool,
  paidAdsHealthTool,
  listPaidCampaignsTool,
  getPaidCampaignInsightsTool,
  paidAttributionTool,
  listPaidAdGroupsTool,
  getPaidAdGroupInsightsTool,
  getPaidAdGroupComparativeStatsTool,
  getPaidAdGroupTargetingTool,
  listPaidAdsTool,
  getPaidAdCreativeTool,
];

export { paidMediaGuides } from './guidance';
