/** The general `nevent_help` guidance: the overview (no topic), errors, and workflows that chain tools across domains. */
import { modeChangeHint } from '../../mode-words';
import type { HelpGuide } from '../../tool';

/** What `nevent_help` answers without a topic. */
export const overviewGuidance = `# Nevent tools: overview

Nevent uses a hierarchical tenant (organization) model. Every segment, campaign, analytics and
paid-media tool runs in one tenant and its answer carries \`tenant_id\`, the tenant it came from.

**Pass \`tenant_id\` on every such call.** The call then runs in that tenant, whatever any other
conversation does: your AI client may share one connection between several conversations, so the
connection's *active tenant* (what a call without \`tenant_id\` uses) can be moved by another one.

Start with \`nevent_list_tenants\`, pick a tenant, and pass its id as \`tenant_id\` from then on.
\`nevent_switch_tenant\` / \`nevent_reset_tenant\` move the active tenant and answer
\`switched_to_tenant_id\`: keep passing that id.

**Operation mode.** Only the tools the current mode allows are listed: Read only (the default) lists
reads, quotes, switch and reset; Standard adds creates, updates, uploads and test emails; Full adds
scheduling campaigns and deleting images. ${modeChangeHint} A tool that is not listed answers
\`operation_not_permitted\` naming the mode it needs.

**Groups of tools.** The tools come in groups (tenants, audiences, campaigns, analytics, paid-media,
templates, short-urls, media, help), and a conversation lists only the groups the user chose (by default
tenants, audiences, campaigns and help). \`nevent_enable_tools\` lists the groups that are off and turns
one on for this conversation: its tools are listed right after, and can be called by name at once. A
tool of a group that is off answers \`toolset_not_enabled\` naming the group.

**Not offered here.** Nevent AI's own server also has five tools that read Nevent's database, which has no
public HTTP endpoint, so this bridge cannot offer them: \`nevent_get_campaign_insights\` (AI insights and
anomalies of a campaign: use \`nevent_get_campaign_metrics\` and \`nevent_campaign_report\`),
\`nevent_list_templates\` and \`nevent_get_template\` (template ids come from the user or a campaign;
\`nevent_preview_template\` renders one), \`nevent_get_sending_profile\` and
\`nevent_get_suppressions_summary\` (see topic \`deliverability\`). \`nevent_list_campaigns\` and
\`nevent_get_campaign\` are offered, over the HTTP API.`;

const errors = `# Errors

A failing tool answers \`isError: true\` with \`{ "error": { "type", "code", "message", "param"? } }\`.
\`type\` is one of \`invalid_request\`, \`authentication_error\`, \`api_error\`, \`rate_limit_error\`,
\`not_found\`; \`code\` says exactly what happened:

| code | meaning | what to do |
|------|---------|------------|
| \`tenant_not_found\` | That tenant does not exist, or the account may not use it (the answer does not say which) | Pick an ACTIVE tenant from \`nevent_list_tenants\` |
| \`invalid_request\` with \`param: tenant_id\` | That is not a tenant id: names are not ids (the answer gives the id a name stands for) | Pass the id it names, or one from \`nevent_list_tenants\` |
| \`no_home_tenant\` | Reset without a home tenant (the sign-in had no tenant) | Switch to a tenant explicitly |
| \`operation_not_permitted\` | The tool needs Standard or Full mode (the message says which), or a local file is outside the folders named for uploads | Tell the user; only they can change the mode (MCP panel → Operation mode) |
| \`toolset_not_enabled\` | The tool's group is off in this conversation (\`param: domain\`; the message names the group) | Call \`nevent_enable_tools({ domain })\`, then the tool again |
| \`confirmation_required\` | A tool that sends or deletes, called without \`confirmed: true\`; nothing was done | Put the message to the user; call again with \`confirmed: true\` only if they agree |
| \`cancelled\` | The user declined or did not answer when the client asked them to confirm; nothing was done | Do not retry unless they ask again |
| \`validation_failed\` | An argument is missing or malformed (\`param\` names it) | Fix that argument |
| \`not_found\` | The segment (or other object) is not in that tenant | It may belong to another tenant: check the \`tenant_id\` you passed |
| \`conflict\` | The segment changed since you read it, a campaign to schedule is no DRAFT, or a list changed between the pages of a walk (\`param: cursor\`) | Read it again and retry (a campaign: create a new draft; a list: list again without cursor) |
| \`authentication_failed\`, \`token_expired\`, \`refresh_failed\`, \`signed_out\` | The sign-in is no longer valid | Ask the user to sign in again in Nevent Companion |
| \`rate_limit_exceeded\` | Too many requests (to the API, or too many calls at once on this connection); \`param\` is the seconds to wait | Wait for answers, then retry |
| \`api_unavailable\`, \`timeout\`, \`api_error\` | The Nevent API did not answer properly | Retry later |

After any error of a switch or reset **nothing changed**: the session is still in the tenant it was
in (\`nevent_get_active_tenant\` confirms it).`;

const workflows = `# Workflows

## Work in another organization

\`\`\`
1. nevent_list_tenants                         → find the tenant id (status ACTIVE)
2. ... segment / campaign tools with tenant_id → each runs in that tenant; answers carry tenant_id
\`\`\`

(Or switch first: \`nevent_switch_tenant({ tenantId })\`, then keep passing its
\`switched_to_tenant_id\` as \`tenant_id\`; \`nevent_reset_tenant()\` goes back home.)

## Compare several organizations

Call the same tool once per tenant, each with its own \`tenant_id\`; no switching is needed. Every
result says which tenant it came from.

## Build a segment

\`\`\`
1. nevent_segmentation_criteria({ tenant_id })            → criterion ids, value types, operators
2. nevent_segment_preview({ definition, tenant_id })      → estimated_fan_count, sample_fans
3. nevent_create_segment({ name, definition, tenant_id }) (mode STANDARD or FULL)
\`\`\`

## Edit a segment

\`\`\`
1. nevent_get_segment({ segment_id, tenant_id })          → the current definition
2. nevent_segment_preview({ definition, tenant_id })      → check the new audience
3. nevent_update_segment({ segment_id, definition, tenant_id })
\`\`\`

Passing \`tenant_id\` on every tenant-scoped call keeps this conversation in its organization even when
another conversation on the same connection switches.

## Send a campaign to a segment

\`\`\`
1. nevent_list_segments({ search, tenant_id })                   → the segment id
2. nevent_segment_preview({ definition, tenant_id })             → how many fans it holds
3. nevent_quote_campaign({ channel, segment_ids, tenant_id })    → recipients, cost, affordable?
4. nevent_create_campaign({ name, channel, segment_ids, email_subject, email_body, tenant_id })
                                                                 → a DRAFT (STANDARD or FULL)
5. nevent_schedule_campaign({ campaign_id, scheduled_time, tenant_id })
                                                                 → confirmation_required: what would be sent, to how many, when
6. ask the user; only if they agree: the same call with confirmed: true (FULL)
\`\`\`

Never pass \`confirmed: true\` before the user agreed to exactly that sentence.

## How did a campaign do?

\`\`\`
1. nevent_list_campaigns({ status: "EXECUTED", tenant_id })      → the campaign id
2. nevent_get_campaign_metrics({ campaign_id, tenant_id })       → sent, opens, clicks, revenue
3. nevent_campaign_report({ year, month, tenant_id })            → the whole month, per campaign and day
\`\`\`

## Answer a question from analytics

\`\`\`
1. nevent_analytics_capabilities({ tenant_id })                  → the tables
2. nevent_analytics_capabilities({ table, tenant_id })           → that table's fields
3. nevent_analytics_filter_values({ collection, filters, tenant_id }) → values that exist
4. nevent_analytics_query({ ..., dryRun: true })                 → check it, then run it without dryRun
\`\`\`

## Put an image in a campaign

\`\`\`
1. nevent_upload_image({ source: "https://…/poster.png", tenant_id })  → destinationUrl
2. use destinationUrl in email_body of nevent_create_campaign
\`\`\`

## Operation modes

- Read only (default): reads, quotes, switch and reset.
- Standard: also creates and updates (segments, campaign drafts, templates, short URLs, image uploads)
  and test emails.
- Full: also the DELETE class (schedule a campaign, delete images).

Only the tools the mode allows are listed; a client that re-reads the list after
\`notifications/tools/list_changed\` sees the others appear when the user changes the mode.
${modeChangeHint}

Tools that send or delete (scheduling, a test email, deleting images) ask the user first: through your
client when it can ask them (elicitation), otherwise they answer \`confirmation_required\` and run only
when called again with \`confirmed: true\`.`;

const deliverability = `# Deliverability

Nevent AI's deliverability tools, \`nevent_get_sending_profile\` (send rate, warm-up, throttle, validated
sending domains) and \`nevent_get_suppressions_summary\` (suppressed and unsubscribed addresses by
reason), read Nevent's own database, which has no public HTTP endpoint: this bridge cannot offer them.
The user sees them in Nevent, or through Nevent AI's own server.

What you can answer here:

- One campaign's delivery: \`nevent_get_campaign_metrics\` (sent, delivered, bounces, complaints,
  unsubscribes and their rates).
- Who bounced or unsubscribed: \`nevent_list_campaign_recipients({ campaign_id, status: "BOUNCES" })\`
  (or \`"UNSUBSCRIBES"\`); recipients are personal data, page only as far as needed.
- A month across campaigns: \`nevent_campaign_report({ year, month })\`; trends over time:
  \`nevent_analytics_query\` on the \`campaigns\` table.
- How a template lands in a real inbox: \`nevent_preview_template\`, then \`nevent_send_test_template\`
  (Standard mode; the user confirms the recipients first).`;

/** The general help topics: errors and the workflows that chain tools. */
export const helpGuides: readonly HelpGuide[] = [
  { topic: 'errors', guidance: errors },
  { topic: 'workflows', guidance: workflows },
  { topic: 'deliverability', guidance: deliverability },
];
