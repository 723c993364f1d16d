/** `nevent_upload_image`: puts one image in the tenant's media library, from data, a URL or a local file the person allowed. */
import { z } from 'zod';
import { imageFromBase64, imageFromFile, imageFromUrl } from '../../../core/domains/image-source';
import { uploadImage } from '../../../core/domains/media';
import { CoreError } from '../../../core/common/core-error';
import { defineTool } from '../../tool';

/** `nevent_upload_image` tool. */
export const uploadImageTool = defineTool({
  name: 'nevent_upload_image',
  domain: 'media',
  title: 'Upload image to media library',
  description: 'Uploads one PNG, JPEG, GIF or WEBP image (≤ 5 MB) from source (URL, data: URL or base64) or file_path (in a folder the user named) and returns its URL.',
  access: 'write',
  tenantScoped: true,
  input: z.object({
    source: z.string().min(1).max(7_100_000).optional(),
    file_path: z.string().min(1).max(4096).optional(),
    imageName: z.string().min(1).max(200).optional(),
    mimeType: z.string().max(100).optional().describe('Ignored: the type is read from the bytes.'),
  }),
  output: z.object({ destinationUrl: z.string(), mimeType: z.string(), sizeBytes: z.number().int(), tenant_id: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async run(args, { tenant, uploads }) {
    if ((args.source === undefined) === (args.file_path === undefined)) throw new CoreError('validation_failed', 'give exactly one of source and file_path', args.source === undefined ? 'source' : 'file_path');
    const image =
      args.file_path !== undefined
        ? await imageFromFile(args.file_path, uploads.folders, args.imageName)
        : /^https?:\/\//i.test(args.source ?? '')
          ? await imageFromUrl(args.source ?? '', args.imageName, { allowLocal: uploads.allowLocalUrls })
          : imageFromBase64(args.source ?? '', args.imageName);
    const answer = await uploadImage(tenant, image);
    return { destinationUrl: answer.value.destinationUrl, mimeType: image.mimeType, sizeBytes: image.bytes.length, tenant_id: answer.tenantId };
  },
});
