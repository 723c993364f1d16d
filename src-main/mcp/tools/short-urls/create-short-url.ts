/** `nevent_create_short_url`: a new short link to a destination. */
import { z } from 'zod';
import { ShortCodeSchema } from '../../../../src-shared/api';
import { createShortUrl } from '../../../core/domains/short-urls';
import { defineTool } from '../../tool';
import { LinkOutSchema, linkOut } from './short-url-wire';

/** An http(s) URL as a link destination. */
export const destinationUrl = z.url({ protocol: /^https?$/ }).max(2048);

/** `nevent_create_short_url` tool. */
export const createShortUrlTool = defineTool({
  name: 'nevent_create_short_url',
  domain: 'short-urls',
  title: 'Create short URL',
  description: 'Shortens a URL into a new tenant link (optional title, expiry, tags, metadata, custom 6-8 character code).',
  access: 'write',
  tenantScoped: true,
  input: z.object({
    longUrl: destinationUrl.describe('Destination (http or https).'),
    title: z.string().max(200).optional(),
    expiresAt: z.iso.datetime({ offset: true }).optional().describe('ISO date-time the link stops working.'),
    tags: z.array(z.string().min(1).max(100)).max(50).optional(),
    metadata: z.record(z.string().max(100), z.union([z.string().max(1000), z.number(), z.boolean()])).optional().describe('Flat key/value pairs, e.g. a campaignId.'),
    customShortCode: ShortCodeSchema.optional().describe('6-8 letters or digits.'),
  }),
  output: z.object({ short_url: LinkOutSchema, tenant_id: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await createShortUrl(tenant, args);
    return { short_url: linkOut(answer.value), tenant_id: answer.tenantId };
  },
});
