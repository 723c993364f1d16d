/** `nevent_analytics_table_schema`: the columns of one analytics table. */
import { z } from 'zod';
import { analyticsTableSchema } from '../../../core/domains/analytics';
import { defineTool } from '../../tool';
import { AnalyticsNameSchema } from '../tool-inputs';

/** `nevent_analytics_table_schema` tool. */
export const analyticsTableSchemaTool = defineTool({
  name: 'nevent_analytics_table_schema',
  domain: 'analytics',
  title: 'Get analytics table schema',
  description: 'Lists the columns and types of one analytics table, to write a nevent_analytics_query.',
  access: 'read',
  tenantScoped: true,
  input: z.object({ table: AnalyticsNameSchema.describe('Table name from nevent_analytics_capabilities.') }),
  output: z.object({
    table: z.string(),
    columns: z.array(z.object({ name: z.string(), type: z.string().nullable(), description: z.string().nullable() })),
    tenant_id: z.string(),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await analyticsTableSchema(tenant, args.table);
    return { ...answer.value, tenant_id: answer.tenantId };
  },
});
