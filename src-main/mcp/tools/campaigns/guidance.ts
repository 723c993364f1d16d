/** `nevent_help` guidance on campaigns: reading them, their figures and recipients, quoting, drafting and scheduling. */
import type { HelpGuide } from '../../tool';

const guidance = `# Campaigns

| Tool | What it does | Mode |
|------|--------------|------|
| \`nevent_list_campaigns\` | Campaigns (\`status\`, \`channel\`, dates, \`limit\`, sort) from the tenant's analytics | any |
| \`nevent_get_campaign_metrics\` | One campaign's figures: sent, delivered, opens, clicks, rates, purchases, revenue | any |
| \`nevent_list_campaign_recipients\` | Who it went to and what each did (paged; \`status\`, \`search\`, \`segment_id\`) | any |
| \`nevent_quote_campaign\` | Cost in credits, recipients and eligible audience of a send, before anything is created | any |
| \`nevent_create_campaign\` | A DRAFT with its content and segments (never sent) | STANDARD, FULL |
| \`nevent_schedule_campaign\` | Sends a DRAFT at a future time to real people: needs \`confirmed: true\` | FULL |

- Statuses: EXECUTED (sent), DRAFT, SCHEDULED, PAUSED, STOPPED. Channels: EMAIL, SMS, WHATSAPP, or the
  API's values (EMAIL_ONLY, SMS_ONLY, WHATSAPP_ONLY, PUSH_ONLY, EMAIL_AND_SMS, …, ALL_CHANNELS,
  OMNICHANNEL); EMAIL/SMS/WHATSAPP are sent as EMAIL_ONLY/SMS_ONLY/WHATSAPP_ONLY.
- Recipients are personal data: page through them only as far as the user needs.
- Scheduling is irreversible once sent. Called without \`confirmed: true\` it does nothing and answers
  \`confirmation_required\` with what it would send, to how many, and when: put that sentence to the
  user, and call again with \`confirmed: true\` only after they agree. Only a DRAFT can be scheduled
  (else \`conflict\`); \`scheduled_time\` is ISO 8601 with an offset, in the future.
- Every tool runs in the tenant you pass as \`tenant_id\`; another tenant's campaign id is \`not_found\`.`;

/** The campaigns help topic. */
export const campaignsGuides: readonly HelpGuide[] = [{ topic: 'campaigns', guidance }];
