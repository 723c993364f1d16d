/** `nevent_segment_preview`: how many fans a definition matches in the tenant a call runs in. */
import { z } from 'zod';
import { SegmentDefinitionInputSchema } from '../../../../src-shared/api';
import { defineTool } from '../../tool';
import { SampleFanOutSchema } from '../../wire';

/** `nevent_segment_preview` tool. */
export const segmentPreviewTool = defineTool({
  name: 'nevent_segment_preview',
  domain: 'audiences',
  title: 'Preview a segment definition',
  description: [
    'Estimates how many fans of the tenant a segment definition matches, with a few sample fans, without saving anything.',
    'Use it to check a definition before nevent_create_segment or nevent_update_segment. Criterion ids and operators come from nevent_segmentation_criteria.',
  ].join(' '),
  access: 'read',
  tenantScoped: true,
  input: z.object({
    definition: SegmentDefinitionInputSchema.describe('Stanzas (AND) of criteria (OR); an empty stanzas list means every fan.'),
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
