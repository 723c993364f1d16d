/** `nevent_delete_image` (DELETE class): removes images from the tenant's media library for good. */
import { z } from 'zod';
import { deleteImages } from '../../../core/domains/media';
import { defineTool } from '../../tool';

/** `nevent_delete_image` tool. */
export const deleteImageTool = defineTool({
  name: 'nevent_delete_image',
  domain: 'media',
  title: 'Delete images from media library',
  description: 'Deletes images (by URL from nevent_list_images) from the media library; templates and campaigns using them then show broken images.',
  access: 'destructive',
  tenantScoped: true,
  input: z.object({ urls: z.array(z.string().min(1).max(2048)).min(1).max(50) }),
  output: z.object({ deleted: z.number().int(), urls: z.array(z.string()), tenant_id: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  confirmation: (args) => {
    const shown = args.urls.slice(0, 5).join(', ');
    const more = args.urls.length > 5 ? ` and ${args.urls.length - 5} more` : '';
    return `This would permanently delete ${args.urls.length} image${args.urls.length === 1 ? '' : 's'} from the media library (${shown}${more}); templates and campaigns that use ${args.urls.length === 1 ? 'it' : 'them'} would show a broken image.`;
  },
  async run(args, { tenant }) {
    const answer = await deleteImages(tenant, args.urls);
    return { deleted: answer.value.deleted, urls: args.urls, tenant_id: answer.tenantId };
  },
});
