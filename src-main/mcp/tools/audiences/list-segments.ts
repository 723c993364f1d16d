/** `nevent_list_segments`: segments of the tenant a call runs in. */
import { z } from 'zod';
import { defineTool } from '../../tool';
import { cursorInput, pageSizeInput } from '../list-page';
import { SegmentSummaryOutSchema, segmentSummaryOut } from '../../wire';

/** `nevent_list_segments` tool. */
export const listSegmentsTool = defineTool({
  name: 'nevent_list_segments',
  domain: 'audiences',
  title: 'List segments',
  description: 'Lists the tenant\'s audience segments (id, name, size, status, no definitions) to find one to target or inspect with nevent_get_segment.',
  access: 'read',
  tenantScoped: true,
  input: z.object({
    search: z.string().max(200).optional().describe('Text in segment names.'),
    limit: pageSizeInput(200, 50),
    cursor: cursorInput,
  }),
  output: z.object({
    segments: z.array(SegmentSummaryOutSchema),
    count: z.number().int(),
    next_cursor: z.string().nullable(),
    tenant_id: z.string(),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const query: { search?: string; limit?: number; cursor?: string } = { limit: args.limit ?? 50 };
    if (args.search !== undefined) query.search = args.search;
    if (args.cursor !== undefined) query.cursor = args.cursor;
    const page = await tenant.listSegments(query);
    return {
      segments: page.value.segments.map(segmentSummaryOut),
      count: page.value.segments.length,
      next_cursor: page.value.nextCursor,
      tenant_id: page.tenantId,
    };
  },
});
