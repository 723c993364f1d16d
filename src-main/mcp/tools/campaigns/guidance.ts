/** `nevent_help` guidance on campaigns: reading them, their figures and recipients, quoting, drafting and scheduling. */
import type { HelpGuide } from '../../tool';

const guidance = `# Campaigns

| Tool | What it does | Mode |
|------|--------------|------|
| \`nevent_list_campaigns\` | Campaigns (\`status\`, \`channel\`, dates, \`limit\`, sort) from the tenant's analytics, with how many there are (\`total\`) and \`has_more\` | any |
| \`nevent_get_campaign\` | One campaign: status, channel, subject, sender, body or SMS text, segments, schedule | any |
| \`nevent_get_campaign_metrics\` | One campaign's figures: sent, delivered, opens, clicks, rates, purchases, revenue | any |
| \`nevent_list_campaign_recipients\` | Who it went to and what each did (paged; \`status\`, \`search\`, \`segment_id\`) | any |
| \`nevent_quote_campaign\` | Cost in credits, recipients and eligible audience of a send, before anything is created | any |
| \`nevent_create_campaign\` | A DRAFT with its content and segments (never sent) | STANDARD, FULL |
| \`nevent_schedule_campaign\` | Sends a DRAFT at a future time to real people, once the user confirmed | FULL |

- \`nevent_list_campaigns\` filters on statuses EXECUTED (sent), DRAFT, SCHEDULED, PAUSED, STOPPED and
  channels EMAIL, SMS, WHATSAPP; any other value is refused (\`invalid_request\`) naming the valid ones.
- A draft needs its text: an email its \`email_subject\` and \`email_body\` (or \`template_id\`), an SMS or
  WhatsApp its \`message\`. A draft named like an existing campaign is made, with a \`warning\` naming it.
- Drafts and quotes take channels EMAIL, SMS, WHATSAPP, or the
  API's values (EMAIL_ONLY, SMS_ONLY, WHATSAPP_ONLY, PUSH_ONLY, EMAIL_AND_SMS, …, ALL_CHANNELS,
  OMNICHANNEL); EMAIL/SMS/WHATSAPP are sent as EMAIL_ONLY/SMS_ONLY/WHATSAPP_ONLY.
- Recipients are personal data: page through them only as far as the user needs.
- Scheduling is irreversible once sent, so the user confirms first: your client asks them when it can
  (what it would send, to how many, and when); otherwise the call does nothing and answers
  \`confirmation_required\` with that sentence: put it to the user, and call again with \`confirmed: true\`
  only after they agree. Only a DRAFT can be scheduled
  (else \`conflict\`); \`scheduled_time\` is ISO 8601 with an offset, in the future.
- Every tool runs in the tenant you pass as \`tenant_id\`; another tenant's campaign id is \`not_found\`.`;

/** The campaigns help topic. */
export const campaignsGuides: readonly HelpGuide[] = [{ topic: 'campaigns', guidance }];
