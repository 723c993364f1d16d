/** `nevent_analytics_query`: a query over one analytics table of the tenant, or its dry run. */
import { z } from 'zod';
import { queryAnalytics } from '../../../core/domains/analytics';
import { advertisedInBrief } from '../../lean-schema';
import { defineTool } from '../../tool';
import { AnalyticsNameSchema, FilterValueSchema } from '../tool-inputs';

const Range = z.object({ start: z.string().max(40), end: z.string().max(40), granularity: z.string().max(20).optional() });
const Filter = z.object({ field: AnalyticsNameSchema, operator: z.string().max(32), value: FilterValueSchema.optional() });
const Sort = z.object({ field: AnalyticsNameSchema, order: z.enum(['asc', 'desc']) });
const Dimension = z.object({ field: AnalyticsNameSchema, alias: z.string().max(128).optional() });
const Metric = z.object({ field: AnalyticsNameSchema, operation: z.string().max(32), alias: z.string().max(128).optional() });
const Period = z.object({ start: z.string().max(40), end: z.string().max(40) });

/** Where the inputs advertised in brief are explained. */
const seeHelp = 'See nevent_help analytics.';

/** Rows a model gets at most per answer (the query may total more: `total_rows` says how many). */
const maxRows = 1000;

/** `nevent_analytics_query` tool (upstream's input names, camelCase as upstream's). */
export const analyticsQueryTool = defineTool({
  name: 'nevent_analytics_query',
  domain: 'analytics',
  title: 'Query analytics data',
  description: 'Aggregates or lists rows of one analytics table (tickets, revenue, campaigns…); dryRun: true checks a query without running it.',
  access: 'read',
  tenantScoped: true,
  // Upstream's names, all of them; the rarely used ones are advertised in brief and explained in nevent_help.
  input: z.object({
    collection: AnalyticsNameSchema.describe('Table name.'),
    dimensions: z.array(Dimension).max(20).optional(),
    metrics: z.array(Metric).max(20).optional().describe('operation: sum, count, avg, min, max, count_distinct…'),
    timeRange: Range.optional(),
    filters: z.array(Filter).max(30).optional().describe('operator: eq, neq, gt, gte, lt, lte, in, nin, contains, between, is_null…'),
    having: advertisedInBrief(z.array(Filter).max(10).optional().describe('Filters on metric aliases.')),
    sort: advertisedInBrief(z.union([Sort, z.array(Sort).min(1).max(5)]).optional().describe('{field, order: asc|desc} or a list of them.')),
    limit: z.number().int().min(1).max(maxRows).optional().describe('Default 100.'),
    distinct: z.boolean().optional(),
    timeGranularity: z.string().max(20).optional(),
    groupBy: z.array(z.string().max(32)).max(5).optional(),
    compareDimensions: advertisedInBrief(z.object({ active: z.boolean(), dimensions: z.array(z.object({ field: AnalyticsNameSchema, value: FilterValueSchema, name: z.string().max(128) })).max(10) }).optional().describe(seeHelp)),
    comparePeriods: advertisedInBrief(z.object({ active: z.boolean(), current: Period, previous: Period }).optional().describe(seeHelp)),
    ctes: advertisedInBrief(z.array(z.object({ name: AnalyticsNameSchema, collection: AnalyticsNameSchema }).loose()).max(5).optional().describe(seeHelp)),
    sourceTable: AnalyticsNameSchema.optional(),
    dryRun: z.boolean().optional(),
  }),
  output: z.object({
    rows: z.array(z.record(z.string(), z.unknown())),
    total_rows: z.number(),
    execution_time_ms: z.number().nullable(),
    metadata: z.record(z.string(), z.unknown()),
    dry_run: z.boolean(),
    tenant_id: z.string(),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const { dryRun, limit, ...query } = args;
    const answer = await queryAnalytics(tenant, { ...query, limit: limit ?? 100 }, dryRun === true);
    const { rows, totalRows, executionTimeMs, metadata } = answer.value;
    return { rows: rows.slice(0, maxRows), total_rows: totalRows, execution_time_ms: executionTimeMs, metadata, dry_run: dryRun === true, tenant_id: answer.tenantId };
  },
});
