/** `nevent_help` guidance on the media library: uploading, listing and deleting images. */
import type { HelpGuide } from '../../tool';

const guidance = `# Media

| Tool | What it does | Mode |
|------|--------------|------|
| \`nevent_list_images\` | The tenant's images (URL, name, type, size), paged with \`limit\` / \`cursor\` (\`next_cursor\`) | any |
| \`nevent_upload_image\` | Uploads one image and answers its \`destinationUrl\` for templates and campaigns | STANDARD, FULL |
| \`nevent_delete_image\` | Deletes images by URL, once the user confirmed | FULL |

## Uploading

Give exactly one of:

- \`source\`: an \`https://\` (or \`http://\`) URL to fetch, a \`data:image/png;base64,…\` URL, or raw base64.
  URLs are fetched only from public addresses: one on the user's computer or local network is refused
  (\`operation_not_permitted\`) unless they allowed it;
- \`file_path\`: an absolute path of a file inside a folder the user named for uploads (in the app's
  Settings, or \`NEVENT_UPLOAD_DIRS\`). Any other path, including a symlink that
  leads out of those folders, is refused (\`operation_not_permitted\`) and nothing is read.

Images are PNG, JPEG, GIF or WEBP (checked by their content, not their name), at most 5 MB.
\`imageName\` names the file; the extension follows the real type.

## Deleting

The user confirms first: your client asks them when it can; otherwise, without \`confirmed: true\`, nothing is
deleted and the answer (\`confirmation_required\`) says which images would go. Templates and campaigns that
use a deleted image show it broken.`;

/** The media help topic. */
export const mediaGuides: readonly HelpGuide[] = [{ topic: 'media', guidance }];
