/** `nevent_get_short_url`: one short link. */
import { z } from 'zod';
import { getShortUrl } from '../../../core/domains/short-urls';
import { defineTool } from '../../tool';
import { LinkOutSchema, linkIdInput, linkOut } from './short-url-wire';

/** `nevent_get_short_url` tool. */
export const getShortUrlTool = defineTool({
  name: 'nevent_get_short_url',
  domain: 'short-urls',
  title: 'Get short URL details',
  description: 'Reads one short link by id when its full record is needed: destination, code, clicks, expiry, tags and metadata.',
  access: 'read',
  tenantScoped: true,
  input: z.object({ id: linkIdInput }),
  output: z.object({ short_url: LinkOutSchema, tenant_id: z.string() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await getShortUrl(tenant, args.id);
    return { short_url: linkOut(answer.value), tenant_id: answer.tenantId };
  },
});
