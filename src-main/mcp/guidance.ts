/**
 * The in-session guidance `nevent_help` returns (markdown), written from the Nevent AI multi-tenant
 * seed and the AuthVital multi-tenancy seed, and the server `instructions` a client shows its model.
 */
import { missingCaseError } from '../../src-shared/errors';
import type { OperationMode } from '../../src-shared/session';

/** Help topics. */
export const helpTopics = ['tenants', 'segments', 'campaigns', 'errors', 'workflows'] as const;
/** A help topic. */
export type HelpTopic = (typeof helpTopics)[number];

const overview = `# Nevent tools: overview

Nevent uses a hierarchical tenant (organization) model. Every segment, campaign, analytics and
paid-media tool runs in one tenant and its answer carries \`tenant_id\`, the tenant it came from.

**Pass \`tenant_id\` on every such call.** The call then runs in that tenant, whatever any other
conversation does: your AI client may share one connection between several conversations, so the
connection's *active tenant* (what a call without \`tenant_id\` uses) can be moved by another one.

Start with \`nevent_list_tenants\`, pick a tenant, and pass its id as \`tenant_id\` from then on.
\`nevent_switch_tenant\` / \`nevent_reset_tenant\` move the active tenant and answer
\`switched_to_tenant_id\`: keep passing that id.

More help: \`nevent_help({ topic })\` with topic \`tenants\`, \`segments\`, \`campaigns\`, \`errors\` or
\`workflows\`.`;

const tenants = `# Tenants

## Who sees what

| Role | What it can see |
|------|-----------------|
| \`SUPERADMIN\` | All tenants in the system |
| \`OWNER\` | Their own tenant and all child tenants |
| \`ADMIN\` | Only their own tenant |

The role of the signed-in user (the token the session started with) decides which tenants
\`nevent_list_tenants\` returns. Tenants form a tree: \`parent_id\` and \`level\` place each one.

Each tenant also carries the membership \`status\`:

- \`ACTIVE\`: a member; can be switched to (\`switchable: true\`).
- \`INVITED\`: invited but not accepted yet; shown, not switchable.
- \`SUSPENDED\`: access suspended; shown, not switchable.

A user with exactly one tenant is simply in it: there is nothing to pick.

## Basic multi-tenant workflow

\`\`\`
1. nevent_list_tenants    → list accessible tenants (returns tenant ids)
2. nevent_switch_tenant   → set the active tenant for this session
3. nevent_reset_tenant    → restore the origin (home) tenant
\`\`\`

### Example conversation

\`\`\`
User: "List the available tenants"
→ nevent_list_tenants returns [tenant-abc, tenant-xyz, tenant-def]

User: "Switch to tenant-xyz"
→ nevent_switch_tenant({ tenantId: "tenant-xyz" })
→ Response: { active_tenant_id: "tenant-xyz" }

User: "List the campaigns"
→ nevent_list_campaigns queries in the context of tenant-xyz

User: "Go back to the original tenant"
→ nevent_reset_tenant()
→ Response: { active_tenant_id: "tenant-abc" }
\`\`\`

## What a switch does (\`nevent_switch_tenant\`)

1. Calls the Nevent tenant-switch endpoint with \`{ tenantId }\` (\`tenant_id\` is accepted too).
2. The API checks that the user may enter that tenant and returns a token scoped to it.
3. The analytics (data) client and the paid-media client start using the new token **at once**.
4. Cached capabilities and segmentation criteria are **cleared**: later calls fetch the new tenant's.
5. \`active_tenant_id\` comes from the new token's tenant claim. Check it in the answer before you go on.

If the call fails, **nothing changes**: same token, same tenant, same caches.

## Reset (\`nevent_reset_tenant\`)

Goes back to \`home_tenant_id\`, the tenant of the sign-in this session started with, with the same
rotation and cache clearing. If the original sign-in had no tenant, it fails with \`no_home_tenant\`
and nothing changes. Switch and reset work in every operation mode.

## Isolation: pass \`tenant_id\` on every call

- Every tenant-scoped tool accepts an optional \`tenant_id\`: the call **runs in that tenant** with a
  token scoped to it (obtained and checked like a switch, then reused), and the active tenant stays
  where it is. A tenant you cannot reach fails with \`tenant_forbidden\` or \`tenant_not_found\`;
  nothing falls back to another tenant.
- AI clients often carry several conversations over one connection, and the 2026-07-28 protocol has no
  sessions at all. The only thing that keeps conversations apart is the \`tenant_id\` each one passes.
  So after a switch or reset, pass its \`switched_to_tenant_id\` on every later call.
- A call without \`tenant_id\` runs in the connection's active tenant (switch, work, reset), which
  another conversation on the same connection may have moved. The desktop app keeps its own tenant.`;

const segments = `# Segments

Segment tools run in the tenant named by \`tenant_id\` (else the active tenant):

| Tool | What it does | Mode |
|------|--------------|------|
| \`nevent_list_segments\` | Lists segments (\`search\`, \`limit\`, \`cursor\`) | any |
| \`nevent_get_segment\` | One segment with its definition (\`segment_id\`, 24 hex) | any |
| \`nevent_segmentation_criteria\` | Criteria, value types and operators | any |
| \`nevent_segment_preview\` | Estimated fan count and sample fans for a definition | any |
| \`nevent_create_segment\` | Creates a segment (\`name\`, \`definition\`, \`description?\`) | STANDARD, FULL |
| \`nevent_update_segment\` | Changes a segment (\`segment_id\`, fields) | STANDARD, FULL |

To work on another tenant's segments, name it on each call:

\`\`\`
nevent_list_segments({ tenant_id: "tenant-xyz" })   → segments of tenant-xyz; the active tenant is unchanged
\`\`\`

## Definitions

\`\`\`json
{ "stanzas": [
    { "criteria": [ { "criterion_id": "country", "operator": "is", "value": ["ES", "PT"] } ] },
    { "criteria": [ { "criterion_id": "tickets_bought", "operator": "gte", "value": 2 },
                    { "criterion_id": "is_vip", "operator": "is_true" } ] }
] }
\`\`\`

Stanzas are **AND**-combined; the criteria inside one stanza are **OR**-combined. The example means
"(country is ES or PT) and (bought at least 2 tickets or is VIP)". Criterion ids differ per tenant:
take them from \`nevent_segmentation_criteria\`.

Operators by value type:

- ENTITY: \`is\`, \`is_not\` (value: a list of option values), \`is_set\`, \`is_not_set\` (no value)
- TEXT: \`eq\`, \`neq\`, \`contains\`, \`starts_with\`, \`ends_with\`
- NUMBER: \`eq\`, \`neq\`, \`gt\`, \`gte\`, \`lt\`, \`lte\`
- BOOLEAN: \`is_true\`, \`is_false\` (no value)
- DATE: \`before\`, \`after\` (an ISO date), \`between\` (\`[from, to]\`)

## Updating safely

Read the segment first with \`nevent_get_segment\` (same \`tenant_id\`). If someone changed it in the
meantime the update fails with \`conflict\` and nothing is overwritten: read it again, re-apply the
change, retry. A new \`definition\` replaces the old one entirely.`;

const campaigns = `# Campaigns, analytics and paid media

- \`nevent_list_campaigns\` lists the active tenant's campaigns; filter with \`status\` (DRAFT, SCHEDULED,
  SENDING, SENT, PAUSED, ARCHIVED), \`channel\` (EMAIL, SMS, PUSH, WHATSAPP) and \`limit\`.
- \`nevent_analytics_capabilities\` tells which analytics the active tenant has (cached per tenant).
- \`nevent_paid_ads_status({ provider })\` tells whether \`meta\`, \`google\` or \`tiktok\` ads are connected.

All of them run in the tenant you pass as \`tenant_id\` (else the active tenant) and report it as
\`tenant_id\`: \`nevent_list_campaigns({ tenant_id: "tenant-xyz" })\`.`;

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
| \`operation_not_permitted\` | A write tool in READ_ONLY mode | Ask the user to change the operation mode (\`--mode STANDARD\` or the app's settings) |
| \`validation_failed\` | An argument is missing or malformed (\`param\` names it) | Fix that argument |
| \`not_found\` | The segment (or other object) is not in that tenant | It may belong to another tenant: check the \`tenant_id\` you passed |
| \`conflict\` | The segment changed since you read it | Read it again and retry |
| \`authentication_failed\`, \`token_expired\`, \`refresh_failed\`, \`signed_out\` | The sign-in is no longer valid | Ask the user to sign in again in Nevent Companion |
| \`rate_limited\` | Too many requests | Wait and retry |
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

## Operation modes

- \`READ_ONLY\` (default): reads, switch and reset.
- \`STANDARD\`: also creates and updates segments.
- \`FULL\`: also destructive operations (none are exposed yet).`;

/** Returns the guidance for `topic`, or the overview when none is given. */
export function guidanceFor(topic: HelpTopic | undefined): string {
  if (topic === undefined) return overview;
  switch (topic) {
    case 'tenants':
      return tenants;
    case 'segments':
      return segments;
    case 'campaigns':
      return campaigns;
    case 'errors':
      return errors;
    case 'workflows':
      return workflows;
    default:
      return missingCaseError(topic);
  }
}

/** The `instructions` the server sends in `initialize`: the tenant workflow in a few lines, and the mode in effect. */
export function serverInstructions(mode: OperationMode): string {
  return [
    'Nevent Companion gives you Nevent tools for the user\'s organizations (tenants).',
    'Every segment, campaign, analytics and paid-media tool runs in one tenant and reports it as tenant_id in its answer.',
    'Pass tenant_id on every such call: the call runs in that tenant, so parallel conversations stay apart even when your client shares one connection between them. Without it a call runs in the connection\'s active tenant, which another conversation may have moved.',
    'Workflow: nevent_list_tenants (ids, roles, status) → pick a tenant → pass its id as tenant_id from then on. nevent_switch_tenant / nevent_reset_tenant move the active tenant and answer switched_to_tenant_id: keep passing it.',
    'Only ACTIVE memberships can be used; a tenant you cannot reach fails with tenant_forbidden or tenant_not_found.',
    `Operation mode when you connected: ${mode}. ${mode === 'READ_ONLY' ? 'Writes (create/update segment) fail with operation_not_permitted; reads, switch and reset work.' : 'Segment writes are allowed; name the tenant_id on every write.'} The user can change the mode at any time; a call the mode does not allow fails with operation_not_permitted and names the mode it needs.`,
    'Errors are {error:{type, code, message, param?}}. For more, call nevent_help({topic}) with tenants, segments, campaigns, errors or workflows.',
  ].join('\n');
}
