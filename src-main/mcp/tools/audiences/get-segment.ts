/** `nevent_get_segment`: one segment of the tenant a call runs in, with its definition. */
import { z } from 'zod';
import { SegmentIdSchema } from '../../../../src-shared/api';
import { defineTool } from '../../tool';
import { SegmentOutSchema, segmentOut } from '../../wire';

/** `nevent_get_segment` tool. */
export const getSegmentTool = defineTool({
  name: 'nevent_get_segment',
  domain: 'audiences',
  title: 'Get a segment',
  description: 'Returns one segment with its definition (stanzas AND, criteria in a stanza OR), to explain it or before nevent_update_segment.',
  access: 'read',
  tenantScoped: true,
  input: z.object({
    segment_id: SegmentIdSchema.describe('From nevent_list_segments.'),
  }),
  output: SegmentOutSchema,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const found = await tenant.getSegment(args.segment_id);
    return segmentOut(found.value, found.tenantId);
  },
});
