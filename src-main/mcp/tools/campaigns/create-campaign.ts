/** `nevent_create_campaign`: a campaign draft (never sent: scheduling is `nevent_schedule_campaign`). */
import { z } from 'zod';
import { toCommunicationChannel, type CommunicationChannel } from '../../../../src-shared/api';
import { type TenantScopedOperations } from '../../../core/session/tenant-session';
import { CoreError } from '../../../core/common/core-error';
import { createCampaignDraft } from '../../../core/domains/campaigns';
import { defineTool } from '../../tool';
import { RecordIdSchema } from '../tool-inputs';
import { CampaignChannelInputSchema } from './campaign-channel';

const utm = z.string().max(100).optional();

/** The inputs a draft on `channel` cannot go without: its email's subject and body, its SMS/WhatsApp text. */
function missingText(channel: CommunicationChannel, args: { email_subject?: string | undefined; email_body?: string | undefined; template_id?: string | undefined; message?: string | undefined }): string[] {
  const all = channel === 'ALL_CHANNELS' || channel === 'OMNICHANNEL';
  const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';
  const missing: string[] = [];
  if (all || channel.includes('EMAIL')) {
    if (blank(args.email_subject)) missing.push('email_subject (the subject line)');
    if (blank(args.email_body) && blank(args.template_id)) missing.push('email_body (HTML, or a template_id)');
  }
  if ((all || channel.includes('SMS') || channel.includes('WHATSAPP')) && blank(args.message)) missing.push('message (the SMS / WhatsApp text)');
  return missing;
}

/** An existing campaign with this name, when the tenant's campaigns can be listed (never a reason to fail). */
async function existingNamed(tenant: Pick<TenantScopedOperations, 'listCampaigns'>, name: string): Promise<{ id: string; name: string; status?: unknown } | undefined> {
  const wanted = name.trim().toLowerCase();
  try {
    const { campaigns } = (await tenant.listCampaigns({ limit: 200, sort: 'createdAt', sortOrder: 'desc' })).value;
    const found = campaigns.find((campaign) => typeof campaign.name === 'string' && campaign.name.trim().toLowerCase() === wanted);
    return found === undefined ? undefined : { id: found.id, name: String(found.name), status: found.status };
  } catch {
    return undefined;
  }
}

/** `nevent_create_campaign` tool. */
export const createCampaignTool = defineTool({
  name: 'nevent_create_campaign',
  domain: 'campaigns',
  title: 'Create campaign draft',
  description: 'Creates a campaign as a DRAFT (nothing is sent); quote it first with nevent_quote_campaign, send it later with nevent_schedule_campaign.',
  access: 'write',
  tenantScoped: true,
  input: z.object({
    name: z.string().min(1).max(255),
    channel: CampaignChannelInputSchema,
    email_subject: z.string().max(998).optional(),
    email_body: z.string().max(500_000).optional().describe('HTML.'),
    preview_text: z.string().max(500).optional(),
    from_name: z.string().max(255).optional(),
    reply_to: z.email().max(254).optional(),
    message: z.string().max(5000).optional().describe('SMS / WhatsApp text.'),
    segment_ids: z.array(RecordIdSchema).max(20).optional(),
    template_id: RecordIdSchema.optional(),
    utm_source: utm,
    utm_medium: utm,
    utm_campaign: utm,
    utm_content: utm,
    utm_term: utm,
    utm_custom_params: z.record(z.string().max(100), z.string().max(200)).optional(),
  }),
  output: z.object({ campaign: z.object({ id: z.string() }).loose(), message: z.string(), warning: z.string().optional(), tenant_id: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async run(args, { tenant }) {
    const channel = toCommunicationChannel(args.channel);
    const missing = missingText(channel, args);
    if (missing.length > 0) {
      throw new CoreError('validation_failed', `A ${channel} draft needs its text, and ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing. Nothing was created.`, missing[0]?.split(' ')[0]);
    }
    const namesake = await existingNamed(tenant, args.name);
    const utmTracking = { source: args.utm_source, medium: args.utm_medium, campaign: args.utm_campaign, content: args.utm_content, term: args.utm_term, customParams: args.utm_custom_params };
    const hasUtm = Object.values(utmTracking).some((value) => value !== undefined);
    const answer = await createCampaignDraft(tenant, {
      name: args.name,
      channel,
      ...(args.email_subject === undefined ? {} : { emailSubject: args.email_subject }),
      ...(args.email_body === undefined ? {} : { emailBody: args.email_body }),
      ...(args.preview_text === undefined ? {} : { previewText: args.preview_text }),
      ...(args.from_name === undefined ? {} : { fromName: args.from_name }),
      ...(args.reply_to === undefined ? {} : { replyTo: args.reply_to }),
      ...(args.message === undefined ? {} : { message: args.message }),
      ...(args.segment_ids === undefined ? {} : { segmentIds: args.segment_ids }),
      ...(args.template_id === undefined ? {} : { templateId: args.template_id }),
      ...(hasUtm ? { utmTracking: Object.fromEntries(Object.entries(utmTracking).filter(([, value]) => value !== undefined)) } : {}),
    });
    const warning = namesake === undefined ? undefined : `A campaign named "${namesake.name}" already exists (${namesake.id}${typeof namesake.status === 'string' ? `, ${namesake.status}` : ''}): this made a second one with the same name. If that was not meant, tell the user; they can keep either.`;
    return { campaign: answer.value, message: `Draft campaign ${answer.value.id} created; nothing was sent. Schedule it with nevent_schedule_campaign when the user agrees.`, ...(warning === undefined ? {} : { warning }), tenant_id: answer.tenantId };
  },
});
