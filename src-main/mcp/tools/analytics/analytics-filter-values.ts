/** `nevent_analytics_filter_values`: the values a field of an analytics table takes, to filter on. */
import { z } from 'zod';
import { analyticsFilterValues } from '../../../core/domains/analytics';
import { defineTool } from '../../tool';
import { AnalyticsNameSchema, FilterValueSchema } from '../tool-inputs';

/** Values per field a model gets at most (long tails are cut; `truncated` says so). */
const maxValuesPerField = 200;

/** `nevent_analytics_filter_values` tool. */
export const analyticsFilterValuesTool = defineTool({
  name: 'nevent_analytics_filter_values',
  domain: 'analytics',
  title: 'Get analytics filter values',
  description: 'Lists the distinct values of fields of an analytics table, to build filters on values that exist.',
  access: 'read',
  tenantScoped: true,
  input: z.object({
    collection: AnalyticsNameSchema.describe('Table name.'),
    filters: z.array(z.object({ field: AnalyticsNameSchema, operator: z.string().max(32).optional(), value: FilterValueSchema.optional() })).max(20).describe('Fields to list values of; [] lets the API choose.'),
  }),
  output: z.object({
    results: z.array(z.object({ collection: z.string().nullable(), values: z.record(z.string(), z.array(z.unknown())) })),
    truncated: z.boolean(),
    tenant_id: z.string(),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await analyticsFilterValues(tenant, args.collection, args.filters);
    let truncated = false;
    const results = answer.value.map((result) => ({
      collection: result.collection,
      values: Object.fromEntries(
        Object.entries(result.values).map(([field, values]) => {
          if (values.length > maxValuesPerField) truncated = true;
          return [field, values.slice(0, maxValuesPerField)];
        }),
      ),
    }));
    return { results, truncated, tenant_id: answer.tenantId };
  },
});
