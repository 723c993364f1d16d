/** `nevent_list_segments`: segments of the tenant a call runs in. */
import { z } from 'zod';
import { defineTool } from '../../tool';
import { SegmentSummaryOutSchema, segmentSummaryOut } from '../../wire';

/** `nevent_list_segments` tool. */
export const listSegmentsTool = defineTool({
  name: 'nevent_list_segments',
  domain: 'audiences',
  title: 'List segments',
  description: [
    'Lists the audience segments of the tenant (id, name, description, status, estimated_count, dates; no definitions: use nevent_get_segment for one segment\'s definition).',
    'search filters by name; pass next_cursor from a previous answer as cursor for the next page.',
  ].join(' '),
  access: 'read',
  tenantScoped: true,
  input: z.object({
    search: z.string().max(200).optional().describe('Case-insensitive text to look for in segment names.'),
    limit: z.number().int().min(1).max(200).optional().describe('Page size (1-200, default 50).'),
    cursor: z.string().max(512).optional().describe('next_cursor from the previous page.'),
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
