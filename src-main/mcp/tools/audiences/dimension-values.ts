/** `nevent_dimension_values`: the values a segmentation criterion takes (events, cities, labels…). */
import { z } from 'zod';
import { dimensionValues } from '../../../core/domains/audiences';
import { defineTool } from '../../tool';

/** Values a model gets at most; `search` narrows a long list. */
const maxValues = 100;

/** `nevent_dimension_values` tool. */
export const dimensionValuesTool = defineTool({
  name: 'nevent_dimension_values',
  domain: 'audiences',
  title: 'Get dimension values',
  description: 'Lists the values an ENTITY criterion accepts (optionally searched), to put the right value in a segment definition.',
  access: 'read',
  tenantScoped: true,
  input: z.object({
    criterion_id: z.string().min(1).max(128),
    search: z.string().max(200).optional(),
  }),
  output: z.object({ values: z.array(z.object({ value: z.string(), label: z.string() })), count: z.number().int(), truncated: z.boolean(), tenant_id: z.string() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await dimensionValues(tenant, args.criterion_id, args.search);
    const values = answer.value.slice(0, maxValues);
    return { values, count: values.length, truncated: answer.value.length > maxValues, tenant_id: answer.tenantId };
  },
});
