/** `nevent_list_short_url_destinations`: links grouped by where they lead, a page at a time. */
import { z } from 'zod';
import { ShortUrlOriginSchema } from '../../../../src-shared/api';
import { compact } from '../../../core/domains/compact';
import { shortUrlDestinations } from '../../../core/domains/short-urls';
import { defineTool } from '../../tool';
import { listOutput, pageFields } from './short-url-wire';

/** `nevent_list_short_url_destinations` tool. */
export const listShortUrlDestinationsTool = defineTool({
  name: 'nevent_list_short_url_destinations',
  domain: 'short-urls',
  title: 'List short URLs by destination',
  description: 'Groups the tenant\'s links by destination URL with total clicks and link counts; filter by origin or search, page with page/pageSize.',
  access: 'read',
  tenantScoped: true,
  input: z.object({
    origin: ShortUrlOriginSchema.optional().describe('ALL, MANUAL, CAMPAIGN or ASSISTANT.'),
    search: z.string().min(1).max(200).optional().describe('Text in the destination or title.'),
    page: z.number().int().min(0).max(100_000).optional().describe('Page number from 0.'),
    pageSize: z.number().int().min(1).max(100).optional().describe('1-100, default 20.'),
  }),
  output: listOutput('items'),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await shortUrlDestinations(tenant, { ...args, pageSize: args.pageSize ?? 20 });
    // `members` repeats `memberShortCodes` with ids: dropped to keep the page small.
    const items = answer.value.items.map(({ members: _members, ...destination }) => compact(destination));
    return { items, ...pageFields(answer.value), tenant_id: answer.tenantId };
  },
});
