/** `nevent_segmentation_criteria`: the criteria a segment definition can use in the tenant a call runs in. */
import { z } from 'zod';
import { defineTool } from '../../tool';
import { CriterionOutSchema, criterionOut } from '../../wire';

/** `nevent_segmentation_criteria` tool. */
export const segmentationCriteriaTool = defineTool({
  name: 'nevent_segmentation_criteria',
  domain: 'audiences',
  title: 'List segmentation criteria',
  description: 'Lists the criteria a segment definition can use (criterion_id, type, operators, options); call it before writing a definition.',
  access: 'read',
  tenantScoped: true,
  input: z.object({}),
  output: z.object({ criteria: z.array(CriterionOutSchema), tenant_id: z.string() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(_args, { tenant }) {
    const criteria = await tenant.segmentationCriteria();
    return { criteria: criteria.value.map(criterionOut), tenant_id: criteria.tenantId };
  },
});
