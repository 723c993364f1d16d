/** The general `nevent_help` guidance: the overview (no topic), errors, and workflows that chain tools across domains. */
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
\`switched_to_tenant_id\`: keep passing that id.`;

const errors = `# Errors

A failing tool answers \`isError: true\` with \`{ "error": { "type", "code", "message", "param"? } }\`.
\`type\` is one of \`invalid_request\`, \`authentication_error\`, \`api_error\`, \`rate_limit_error\`,
\`not_found\`; \`code\` says exactly what happened:

| code | meaning | what to do |
|------|---------|------------|
| \`tenant_forbidden\` | The user may not enter that tenant (or the membership is INVITED / SUSPENDED) | Pick an ACTIVE tenant from \`nevent_list_tenants\` |
| \`tenant_not_found\` | No such tenant | Check the id with \`nevent_list_tenants\` |
| \`invalid_request\` with \`param: tenant_id\` | That \`tenant_id\` is not a tenant id | Take ids from \`nevent_list_tenants\` |
| \`no_home_tenant\` | Reset without a home tenant (the sign-in had no tenant) | Switch to a tenant explicitly |
| \`operation_not_permitted\` | A write tool in READ_ONLY mode (or a DELETE-class one below FULL), or a local file outside the folders named for uploads | Ask the user to change the operation mode (\`--mode STANDARD\` or the app's settings) |
| \`confirmation_required\` | A DELETE-class tool called without \`confirmed: true\`; nothing was done | Put the message to the user; call again with \`confirmed: true\` only if they agree |
| \`validation_failed\` | An argument is missing or malformed (\`param\` names it) | Fix that argument |
| \`not_found\` | The segment (or other object) is not in that tenant | It may belong to another tenant: check the \`tenant_id\` you passed |
| \`conflict\` | The segment changed since you read it, or a campaign to schedule is no DRAFT | Read it again and retry (a campaign: create a new draft) |
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

- \`READ_ONLY\` (default): reads, quotes, switch and reset.
- \`STANDARD\`: also creates and updates (segments, campaign drafts, image uploads).
- \`FULL\`: also DELETE-class tools (schedule a campaign, delete images), each only with
  \`confirmed: true\`.`;

/** The general help topics: errors and the workflows that chain tools. */
export const helpGuides: readonly HelpGuide[] = [
  { topic: 'errors', guidance: errors },
  { topic: 'workflows', guidance: workflows },
];
