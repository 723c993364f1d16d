/**
 * `nevent_get_campaign`: one campaign as `GET /campaigns/{id}` answers it (Nevent AI reads the same record
 * from its own database; this endpoint is the HTTP one, which scheduling also reads).
 */
import { z } from 'zod';
import { compact } from '../../../core/domains/compact';
import { getCampaign } from '../../../core/domains/campaigns';
import { defineTool } from '../../tool';
import { RecordIdSchema } from '../tool-inputs';

/** An email body longer than this is cut in the answer (the context budget); its full length is said. */
const maxBodyCharacters = 4000;

/** `nevent_get_campaign` tool. */
export const getCampaignTool = defineTool({
  name: 'nevent_get_campaign',
  domain: 'campaigns',
  title: 'Get campaign details',
  description: 'Returns one campaign: status, channel, content (subject, sender, body, SMS text), segments, schedule and dates; for its figures use nevent_get_campaign_metrics.',
  access: 'read',
  tenantScoped: true,
  input: z.object({ campaign_id: RecordIdSchema.describe('From nevent_list_campaigns.') }),
  output: z.object({ campaign: z.object({ id: z.string() }).loose(), tenant_id: z.string() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await getCampaign(tenant, args.campaign_id);
    const campaign = compact(answer.value);
    const body = campaign.emailBody;
    if (typeof body === 'string' && body.length > maxBodyCharacters) {
      Object.assign(campaign, { emailBody: `${body.slice(0, maxBodyCharacters)}…`, emailBodyLength: body.length });
    }
    return { campaign, tenant_id: answer.tenantId };
  },
});
