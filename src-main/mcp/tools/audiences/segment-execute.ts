/** `nevent_segment_execute`: the contacts a segment definition selects, one page at a time (personal data). */
import { z } from 'zod';
import { definitionInput } from './definition-input';
import { executeSegment } from '../../../core/domains/audiences';
import { defineTool } from '../../tool';
import { pageNumberInput, pageSizeInput } from '../list-page';

/** The largest page (upstream's cap): contacts are personal data and a model's context is small. */
export const maxContactsPage = 100;

/** `nevent_segment_execute` tool. */
export const segmentExecuteTool = defineTool({
  name: 'nevent_segment_execute',
  domain: 'audiences',
  title: 'Execute segment and get contacts',
  description: 'Lists the contacts a definition matches, a page at a time, when the user needs the people (for a count use nevent_segment_preview); contacts are personal data: fetch only what the task needs.',
  access: 'read',
  tenantScoped: true,
  input: z.object({
    definition: definitionInput,
    page: pageNumberInput,
    page_size: pageSizeInput(maxContactsPage, 20),
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
