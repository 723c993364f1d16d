/**
 * `nevent_analytics_capabilities`: what analytics the tenant offers, as a summary (the real answer is
 * ~865 KB); `table` asks for one table's fields instead.
 */
import { z } from 'zod';
import { capabilityTable, capabilityTables } from '../../../../src-shared/api';
import { CoreError } from '../../../core/common/core-error';
import { defineTool } from '../../tool';
import { AnalyticsNameSchema } from '../tool-inputs';

const TableSummary = z.object({ name: z.string(), description: z.string().nullable(), timeField: z.string().nullable(), fieldCount: z.number().int() });
const Field = z.object({ name: z.string(), type: z.string().nullable(), description: z.string().nullable() });

/** `nevent_analytics_capabilities` tool. */
export const analyticsCapabilitiesTool = defineTool({
  name: 'nevent_analytics_capabilities',
  domain: 'analytics',
  title: 'Discover analytics capabilities',
  description: 'Lists the tenant\'s analytics tables (or one table\'s fields with table); start here before nevent_analytics_query.',
  access: 'read',
  tenantScoped: true,
  input: z.object({ table: AnalyticsNameSchema.optional().describe('One table to detail.') }),
  output: z.object({
    tables: z.array(TableSummary).optional(),
    count: z.number().int().optional(),
    table: TableSummary.extend({ tenantField: z.string().nullable(), fields: z.array(Field) }).optional(),
    features: z.record(z.string(), z.unknown()).optional(),
    hint: z.string().optional(),
    tenant_id: z.string(),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const capabilities = await tenant.analyticsCapabilities();
    if (args.table !== undefined) {
      const table = capabilityTable(capabilities.value, args.table);
      if (table === null) throw new CoreError('not_found', `the tenant has no analytics table "${args.table}"; nevent_analytics_capabilities without table lists them`, 'table');
      return { table, tenant_id: capabilities.tenantId };
    }
    const tables = capabilityTables(capabilities.value);
    const features = capabilities.value.features;
    return {
      tables,
      count: tables.length,
      ...(features !== null && typeof features === 'object' && !Array.isArray(features) ? { features: features as Record<string, unknown> } : {}),
      hint: 'Pass table for its fields (or use nevent_analytics_table_schema), then query it with nevent_analytics_query.',
      tenant_id: capabilities.tenantId,
    };
  },
});
