/** `nevent_create_bulk_user_short_urls`: one personal link per user from a parent link. */
import { z } from 'zod';
import { createBulkUserLinks } from '../../../core/domains/short-urls';
import { defineTool } from '../../tool';
import { listOutput, parentShortCodeInput } from './short-url-wire';

/** `nevent_create_bulk_user_short_urls` tool. */
export const createBulkUserShortUrlsTool = defineTool({
  name: 'nevent_create_bulk_user_short_urls',
  domain: 'short-urls',
  title: 'Create bulk user short URLs',
  description: 'Makes a personal link per user id from a parent link, so clicks count per fan; users who already have one are skipped.',
  access: 'write',
  tenantScoped: true,
  input: z.object({
    parentShortCode: parentShortCodeInput,
    userIds: z.array(z.string().min(1).max(64)).min(1).max(1000).describe('Fan/user ids, 1-1000.'),
  }),
  output: listOutput('links'),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await createBulkUserLinks(tenant, args.parentShortCode, args.userIds);
    const { totalRequested, totalCreated, createdLinks } = answer.value;
    const links = createdLinks.map((link) => ({ userId: link.userId ?? null, shortCode: link.shortCode ?? null, shortUrl: link.shortUrl ?? null }));
    return { parentShortCode: args.parentShortCode, totalRequested, totalCreated, links, tenant_id: answer.tenantId };
  },
});
