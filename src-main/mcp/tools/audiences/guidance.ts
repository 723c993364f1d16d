/** `nevent_help` guidance on audiences: the segment tools and the definition DSL. */
import type { HelpGuide } from '../../tool';

const guidance = `# Segments

Segment tools run in the tenant named by \`tenant_id\` (else the active tenant):

| Tool | What it does | Mode |
|------|--------------|------|
| \`nevent_list_segments\` | Lists segments (\`search\`, \`limit\`, \`cursor\`) | any |
| \`nevent_get_segment\` | One segment with its definition (\`segment_id\`, 24 hex) | any |
| \`nevent_segmentation_criteria\` | Criteria, value types and operators | any |
| \`nevent_segment_preview\` | Estimated fan count and sample fans for a definition | any |
| \`nevent_segment_execute\` | The contacts a definition matches, a page at a time (\`page\`, \`page_size\` ≤ 100) | any |
| \`nevent_dimension_values\` | The values an ENTITY criterion accepts (\`criterion_id\`, \`search\`) | any |
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

## Contacts are personal data

\`nevent_segment_execute\` returns names, emails and phones. Count with \`nevent_segment_preview\`;
fetch contacts only when the user needs them, a small page at a time, and do not repeat them beyond the
task.

## Updating safely

Read the segment first with \`nevent_get_segment\` (same \`tenant_id\`). If someone changed it in the
meantime the update fails with \`conflict\` and nothing is overwritten: read it again, re-apply the
change, retry. A new \`definition\` replaces the old one entirely.`;

/** The audience help topics (upstream's name: `segments`). */
export const audiencesGuides: readonly HelpGuide[] = [{ topic: 'segments', guidance }];
