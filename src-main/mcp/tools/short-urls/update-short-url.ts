/** `nevent_update_short_url`: changes a link (title, expiry, active, tags, metadata, destination). */
import { z } from 'zod';
import { updateShortUrl } from '../../../core/domains/short-urls';
import { CoreError } from '../../../core/common/core-error';
import { defineTool } from '../../tool';
import { flatRecordInput, httpUrlInput, isoDateTimeInput } from '../lean-inputs';
import { LinkOutSchema, linkIdInput, linkOut } from './short-url-wire';

/** `nevent_update_short_url` tool. */
export const updateShortUrlTool = defineTool({
  name: 'nevent_update_short_url',
  domain: 'short-urls',
  title: 'Update short URL',
  description: 'Edits a link to redirect, retitle, expire or stop it; tags and metadata replace the old ones, expiresAt null removes the expiry, isActive false stops it.',
  access: 'write',
  tenantScoped: true,
  input: z.object({
    id: linkIdInput,
    title: z.string().max(200).optional(),
    expiresAt: isoDateTimeInput().nullable().optional(),
    isActive: z.boolean().optional(),
    tags: z.array(z.string().min(1).max(100)).max(50).optional(),
    metadata: flatRecordInput().optional(),
    longUrl: httpUrlInput().optional(),
  }),
  output: z.object({ short_url: LinkOutSchema, tenant_id: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async run({ id, ...fields }, { tenant }) {
    if (Object.values(fields).every((value) => value === undefined)) throw new CoreError('invalid_request', 'nothing to change: give at least one of title, expiresAt, isActive, tags, metadata, longUrl');
    const answer = await updateShortUrl(tenant, id, fields);
    return { short_url: linkOut(answer.value), tenant_id: answer.tenantId };
  },
});
