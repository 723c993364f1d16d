/** `nevent_help` guidance on analytics: discovering tables, querying them, monthly reports. */
import type { HelpGuide } from '../../tool';

const guidance = `# Analytics

The data API holds the tenant's analytics tables (campaigns, and per tenant more: tickets, purchases…).
Every tool here runs in the tenant you pass as \`tenant_id\` and reports it back.

| Tool | What it does |
|------|--------------|
| \`nevent_analytics_capabilities\` | The tables (name, description, time field, field count); \`{ table }\` for one table's fields |
| \`nevent_analytics_table_schema\` | One table's columns with their types |
| \`nevent_analytics_filter_values\` | The distinct values of fields, to filter on values that exist |
| \`nevent_analytics_query\` | Aggregates or lists rows; \`dryRun: true\` checks the query and estimates its cost |
| \`nevent_campaign_report\` | The campaigns of one month (\`year\`, \`month\`): per campaign and per day |

## Writing a query

\`\`\`json
{ "collection": "campaigns",
  "dimensions": [{ "field": "channel" }],
  "metrics": [{ "field": "sent", "operation": "sum", "alias": "sent" }, { "field": "campaign_id", "operation": "count", "alias": "n" }],
  "filters": [{ "field": "status", "operator": "eq", "value": "EXECUTED" }],
  "timeRange": { "start": "2026-01-01", "end": "2026-03-31" },
  "sort": { "field": "sent", "order": "desc" }, "limit": 20 }
\`\`\`

- Operations: sum, count, avg, min, max, count_distinct (median, percentile… where the API has them).
- Filter operators: eq, neq, gt, gte, lt, lte, in, nin, contains, starts_with, ends_with, between,
  is_null, is_not_null. BOOLEAN fields use \`eq\` with true/false (is_true/is_false are segment operators).
- \`limit\` is at most 1000 (default 100); \`total_rows\` says how many the query had.
- Unsure a query is right or cheap? Send it with \`dryRun: true\` first: no rows, only metadata.

## Less common inputs

\`tools/list\` shows these by type only; their shapes (the bridge checks each one):

- \`sort\`: \`{ "field": "sent", "order": "desc" }\` or a list of up to 5 of them (the first wins).
- \`having\`: filters applied after aggregation, on metric aliases: \`[{ "field": "sent", "operator": "gt", "value": 1000 }]\`.
- \`comparePeriods\`: the same query over two periods,
  \`{ "active": true, "current": { "start": "2026-03-01", "end": "2026-03-31" }, "previous": { "start": "2026-02-01", "end": "2026-02-28" } }\`.
- \`compareDimensions\`: groups side by side, up to 10,
  \`{ "active": true, "dimensions": [{ "field": "channel", "value": "EMAIL", "name": "Email" }, { "field": "channel", "value": "SMS", "name": "SMS" }] }\`.
- \`ctes\` (up to 5 \`{ "name": …, "collection": …, … }\`, other keys sent as given), \`sourceTable\`,
  \`timeGranularity\`, \`groupBy\` (up to 5 fields) and \`distinct\` go to the data API as given: try them with \`dryRun: true\`.`;

/** The analytics help topic. */
export const analyticsGuides: readonly HelpGuide[] = [{ topic: 'analytics', guidance }];
