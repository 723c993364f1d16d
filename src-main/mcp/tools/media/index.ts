/** The media domain: the tenant's image library (upload, list, delete). */
import type { AnyToolSpec } from '../../tool';
import { deleteImageTool } from './delete-image';
import { listImagesTool } from './list-images';
import { uploadImageTool } from './upload-image';

/** The media tools, in `tools/list` order. */
export const mediaTools: readonly AnyToolSpec[] = [listImagesTool, uploadImageTool, deleteImageTool];

export { mediaGuides } from './guidance';
