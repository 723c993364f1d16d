/** `nevent_list_short_url_user_links`: the personal links made from a parent link, a page at a time. */
import { z } from 'zod';
import { shortUrlUserLinks } from '../../../core/domains/short-urls';
import { defineTool } from '../../tool';
import { listPageInput, pageOfWholeList } from '../list-page';
import { listOutput, parentShortCodeInput } from './short-url-wire';

const userLinkFields = ['id', 'shortCode', 'shortUrl', 'userId', 'clickCount', 'lastClickedAt', 'isActive'] as const;

/** `nevent_list_short_url_user_links` tool. */
export const listShortUrlUserLinksTool = defineTool({
  name: 'nevent_list_short_url_user_links',
  domain: 'short-urls',
  title: 'List short URL user links',
  description: 'Lists the per-user links of a parent link (user id, code, URL, clicks), to see which fans clicked.',
  access: 'read',
  tenantScoped: true,
  input: z.object({ parentShortCode: parentShortCodeInput, ...listPageInput }),
  output: listOutput('links'),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await pageOfWholeList(tenant, { listing: 'user-links', query: args.parentShortCode, idOf: (link) => link.id }, args, () => shortUrlUserLinks(tenant, args.parentShortCode));
    const page = answer.value;
    const links = page.items.map((link) => ({ ...Object.fromEntries(userLinkFields.filter((key) => link[key] !== undefined && link[key] !== null).map((key) => [key, link[key]])), id: link.id }));
    return { links, count: links.length, total: page.total, next_cursor: page.nextCursor, tenant_id: answer.tenantId };
  },
});
