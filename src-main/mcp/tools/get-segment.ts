/** `nevent_get_segment`: one segment of the active tenant, with its definition. */
import { z } from 'zod';
import { ObjectIdSchema } from '../../../src-shared/api';
import { defineTool } from '../tool';
import { SegmentOutSchema, segmentOut } from '../wire';

/** `nevent_get_segment` tool. */
export const getSegmentTool = defineTool({
  name: 'nevent_get_segment',
  title: 'Get a segment',
  description: [
    'Returns one segment of the active tenant with its full definition: stanzas are AND-combined, the criteria inside a stanza are OR-combined.',
    'segment_id is the 24-hex id from nevent_list_segments. A segment of another tenant is not found here: switch to that tenant first.',
    'Keep version if you will update it (nevent_update_segment uses it to refuse stale writes).',
  ].join(' '),
  access: 'read',
  tenantScoped: true,
  input: z.object({
    segment_id: ObjectIdSchema.describe('The segment id (24 hexadecimal characters).'),
  }),
  output: SegmentOutSchema,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { session }) {
    const found = await session.getSegment(args.segment_id);
    return { ...segmentOut(found.value), tenant_id: found.tenantId };
  },
});
