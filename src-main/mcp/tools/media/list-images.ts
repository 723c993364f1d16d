/** `nevent_list_images`: the images in the tenant's media library (paged). */
import { z } from 'zod';
import { listImages } from '../../../core/domains/media';
import { defineTool } from '../../tool';
import { pageSizeInput } from '../list-page';

/** `nevent_list_images` tool. */
export const listImagesTool = defineTool({
  name: 'nevent_list_images',
  domain: 'media',
  title: 'List media library images',
  description: 'Lists the images in the tenant\'s media library (URL, name, type, size), to reuse one or pick ones to delete.',
  access: 'read',
  tenantScoped: true,
  input: z.object({
    limit: pageSizeInput(200, 50),
    offset: z.number().int().min(0).max(1_000_000).optional(),
  }),
  output: z.object({
    resources: z.array(z.object({ src: z.string(), name: z.string().nullable(), mimeType: z.string().nullable(), size: z.number().nullable() })),
    count: z.number().int(),
    total: z.number().int(),
    tenant_id: z.string(),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await listImages(tenant);
    const offset = args.offset ?? 0;
    const resources = answer.value.slice(offset, offset + (args.limit ?? 50));
    return { resources, count: resources.length, total: answer.value.length, tenant_id: answer.tenantId };
  },
});
