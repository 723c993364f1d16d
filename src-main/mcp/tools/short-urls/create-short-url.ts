/** `nevent_create_short_url`: a new short link to a destination. */
import { z } from 'zod';
import { ShortCodeSchema } from '../../../../src-shared/api';
import { createShortUrl } from '../../../core/domains/short-urls';
import { defineTool } from '../../tool';
import { flatRecordInput, httpUrlInput, isoDateTimeInput } from '../lean-inputs';
import { LinkOutSchema, linkOut } from './short-url-wire';

/** `nevent_create_short_url` tool. */
export const createShortUrlTool = defineTool({
  name: 'nevent_create_short_url',
  domain: 'short-urls',
  title: 'Create short URL',
  description: 'Shortens a URL into a new tenant link (optional title, expiry, tags, metadata, custom code), to share or track it.',
  access: 'write',
  tenantScoped: true,
  input: z.object({
    longUrl: httpUrlInput().describe('Destination URL (http/https).'),
    title: z.string().max(200).optional(),
    expiresAt: isoDateTimeInput().optional().describe('ISO date-time it stops working.'),
    tags: z.array(z.string().min(1).max(100)).max(50).optional(),
    metadata: flatRecordInput().optional().describe('Flat key/value pairs.'),
    customShortCode: ShortCodeSchema.optional().describe('6-8 letters or digits.'),
  }),
  output: z.object({ short_url: LinkOutSchema, tenant_id: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await createShortUrl(tenant, args);
    return { short_url: linkOut(answer.value), tenant_id: answer.tenantId };
  },
});
