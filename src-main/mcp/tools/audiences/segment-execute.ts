/** `nevent_segment_execute`: the contacts a segment definition selects, one page at a time (personal data). */
import { z } from 'zod';
import { SegmentDefinitionInputSchema } from '../../../../src-shared/api';
import { executeSegment } from '../../../core/domains/audiences';
import { defineTool } from '../../tool';

/** The largest page (upstream's cap): contacts are personal data and a model's context is small. */
export const maxContactsPage = 100;

/** `nevent_segment_execute` tool. */
export const segmentExecuteTool = defineTool({
  name: 'nevent_segment_execute',
  domain: 'audiences',
  title: 'Execute segment and get contacts',
  description: `Lists the contacts (fans) a segment definition matches, a page at a time (page_size ≤ ${maxContactsPage}). Contacts are personal data (names, emails, phones): fetch only what the user needs and do not repeat it beyond the task. For a count use nevent_segment_preview.`,
  access: 'read',
  tenantScoped: true,
  input: z.object({
    definition: SegmentDefinitionInputSchema,
    page: z.number().int().min(0).max(100_000).optional().describe('0-based, default 0.'),
    page_size: z.number().int().min(1).max(maxContactsPage).optional().describe('Default 20.'),
  }),
  output: z.object({
    total_fans: z.number().int(),
    fans: z.array(z.object({ fan_id: z.string() }).loose()),
    current_page: z.number().int(),
    total_pages: z.number().int().nullable(),
    has_more: z.boolean(),
    tenant_id: z.string(),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const pageSize = args.page_size ?? 20;
    const answer = await executeSegment(tenant, args.definition, args.page ?? 0, pageSize);
    const { totalFans, fans, currentPage, totalPages, hasMore } = answer.value;
    // Never more than asked, whatever the API sent.
    return { total_fans: totalFans, fans: fans.slice(0, pageSize), current_page: currentPage, total_pages: totalPages, has_more: hasMore, tenant_id: answer.tenantId };
  },
});
