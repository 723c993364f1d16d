/** `nevent_segment_preview`: how many fans a definition matches in the tenant a call runs in. */
import { z } from 'zod';
import { definitionInput } from './definition-input';
import { defineTool } from '../../tool';
import { SampleFanOutSchema } from '../../wire';

/** `nevent_segment_preview` tool. */
export const segmentPreviewTool = defineTool({
  name: 'nevent_segment_preview',
  domain: 'audiences',
  title: 'Preview a segment definition',
  description: 'Counts the fans a definition matches, with a few samples, without saving anything; use it to check a definition before creating or updating a segment.',
  access: 'read',
  tenantScoped: true,
  input: z.object({
    definition: definitionInput,
  }),
  output: z.object({
    estimated_fan_count: z.number().int(),
    sample_fans: z.array(SampleFanOutSchema),
    tenant_id: z.string(),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const preview = await tenant.previewSegment(args.definition);
    return {
      estimated_fan_count: preview.value.estimated_fan_count,
      sample_fans: preview.value.sample_fans,
      tenant_id: preview.tenantId,
    };
  },
});
