/** The `channel` input of the campaign tools: the API's values or the EMAIL / SMS / WHATSAPP aliases (mapped before sending). */
import { z } from 'zod';
import { campaignChannelInputs } from '../../../../src-shared/api';

/** A campaign channel as a tool takes it. */
export const CampaignChannelInputSchema = z.enum(campaignChannelInputs);
