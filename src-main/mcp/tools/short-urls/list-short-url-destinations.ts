/** `nevent_list_short_url_destinations`: links grouped by where they lead, a page at a time. */
import { z } from 'zod';
import { ShortUrlOriginSchema } from '../../../../src-shared/api';
import { compact } from '../../../core/domains/compact';
import { shortUrlDestinations } from '../../../core/domains/short-urls';
import { defineTool } from '../../tool';
import { pageFields, pageNumberInput, pageSizeInput } from '../list-page';
import { listOutput } from './short-url-wire';

/** `nevent_list_short_url_destinations` tool. */
export const listShortUrlDestinationsTool = defineTool({
  name: 'nevent_list_short_url_destinations',
  domain: 'short-urls',
  title: 'List short URLs by destination',
  description: 'Groups the tenant\'s links by destination URL with clicks and link counts, to see where traffic goes.',
  access: 'read',
  tenantScoped: true,
  input: z.object({
    origin: ShortUrlOriginSchema.optional(),
    search: z.string().min(1).max(200).optional().describe('Text in the destination or title.'),
    page: pageNumberInput,
    pageSize: pageSizeInput(100, 20),
  }),
  output: listOutput('items'),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await shortUrlDestinations(tenant, { ...args, page: args.page ?? 0, pageSize: args.pageSize ?? 20 });
    // `members` repeats `memberShortCodes` with ids: dropped to keep the page small.
    const items = answer.value.items.map(({ members: _members, ...destination }) => compact(destination));
    return { items, ...pageFields(answer.value), tenant_id: answer.tenantId };
  },
});
