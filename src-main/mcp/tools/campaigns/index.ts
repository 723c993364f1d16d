/** The campaigns domain: campaigns, their metrics and recipients, quotes, drafts and scheduling. */
import type { AnyToolSpec } from '../../tool';
import { listCampaignsTool } from './list-campaigns';

/** The campaign tools, in `tools/list` order. */
export const campaignsTools: readonly AnyToolSpec[] = [listCampaignsTool];

export { campaignsGuides } from './guidance';
