/** The campaigns domain: campaigns, their metrics and recipients, quotes, drafts and scheduling. */
import type { AnyToolSpec } from '../../tool';
import { createCampaignTool } from './create-campaign';
import { getCampaignTool } from './get-campaign';
import { getCampaignMetricsTool } from './get-campaign-metrics';
import { listCampaignRecipientsTool } from './list-campaign-recipients';
import { listCampaignsTool } from './list-campaigns';
import { quoteCampaignTool } from './quote-campaign';
import { scheduleCampaignTool } from './schedule-campaign';

/** The campaign tools, in `tools/list` order. */
export const campaignsTools: readonly AnyToolSpec[] = [listCampaignsTool, getCampaignTool, getCampaignMetricsTool, listCampaignRecipientsTool, quoteCampaignTool, createCampaignTool, scheduleCampaignTool];

export { campaignsGuides } from './guidance';
