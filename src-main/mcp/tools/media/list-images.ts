/** `nevent_list_images`: the images in the tenant's media library (the API lists them whole; paged here). */
import { z } from 'zod';
import { listImages } from '../../../core/domains/media';
import { defineTool } from '../../tool';
import { listPageInput, pageOfWholeList } from '../list-page';

/** `nevent_list_images` tool. */
export const listImagesTool = defineTool({
  name: 'nevent_list_images',
  domain: 'media',
  title: 'List media library images',
  description: 'Lists the images in the tenant\'s media library (URL, name, type, size), to reuse one or pick ones to delete.',
  access: 'read',
  tenantScoped: true,
  input: z.object(listPageInput),
  output: z.object({
    resources: z.array(z.object({ src: z.string(), name: z.string().nullable(), mimeType: z.string().nullable(), size: z.number().nullable() })),
    count: z.number().int(),
    total: z.number().int().nullable(),
    next_cursor: z.string().nullable(),
    tenant_id: z.string(),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await pageOfWholeList(tenant, { listing: 'images', query: '', idOf: (image) => image.src }, args, () => listImages(tenant));
    const { items, total, nextCursor } = answer.value;
    return { resources: items, count: items.length, total, next_cursor: nextCursor, tenant_id: answer.tenantId };
  },
});
