/** `nevent_get_segment`: one segment of the active tenant, with its definition. */
import { z } from 'zod';
import { SegmentIdSchema } from '../../../src-shared/api';
import { defineTool } from '../tool';
import { SegmentOutSchema, segmentOut } from '../wire';

/** `nevent_get_segment` tool. */
export const getSegmentTool = defineTool({
  name: 'nevent_get_segment',
  title: 'Get a segment',
  description: [
    'Returns one segment of the active tenant with its full definition: stanzas are AND-combined, the criteria inside a stanza are OR-combined.',
    'segment_id is the id from nevent_list_segments. A segment of another tenant is not found here: switch to that tenant first.',
  ].join(' '),
  access: 'read',
  tenantScoped: true,
  input: z.object({
    segment_id: SegmentIdSchema.describe('The segment id (from nevent_list_segments).'),
  }),
  output: SegmentOutSchema,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { session }) {
    const found = await session.getSegment(args.segment_id);
    return segmentOut(found.value, found.tenantId);
  },
});
