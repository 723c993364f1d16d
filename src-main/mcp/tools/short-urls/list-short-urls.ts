/** `nevent_list_short_urls`: the tenant's short links, a page at a time. */
import { z } from 'zod';
import { listShortUrls } from '../../../core/domains/short-urls';
import { defineTool } from '../../tool';
import { pageFields, pageNumberInput, pageSizeInput } from '../list-page';
import { linkOut, listOutput } from './short-url-wire';

/** `nevent_list_short_urls` tool. */
export const listShortUrlsTool = defineTool({
  name: 'nevent_list_short_urls',
  domain: 'short-urls',
  title: 'List short URLs',
  description: 'Lists the tenant\'s short links (code, destination, clicks, parent/user link), to find one by state or text.',
  access: 'read',
  tenantScoped: true,
  input: z.object({
    isActive: z.boolean().optional().describe('Only active (true) or inactive (false) ones.'),
    search: z.string().min(1).max(200).optional().describe('Text in title, destination or code.'),
    page: pageNumberInput,
    pageSize: pageSizeInput(200, 20),
  }),
  output: listOutput('items'),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await listShortUrls(tenant, { ...args, page: args.page ?? 0, pageSize: args.pageSize ?? 20 });
    return { items: answer.value.items.map(linkOut), ...pageFields(answer.value), tenant_id: answer.tenantId };
  },
});
