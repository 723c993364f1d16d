/** The templates domain: email templates (create, update, clone, rename, preview, send test). */
import type { AnyToolSpec } from '../../tool';
import { cloneTemplateTool } from './clone-template';
import { createTemplateTool } from './create-template';
import { previewTemplateTool } from './preview-template';
import { renameTemplateTool } from './rename-template';
import { sendTestTemplateTool } from './send-test-template';
import { updateTemplateTool } from './update-template';

/** The template tools, in `tools/list` order. */
export const templatesTools: readonly AnyToolSpec[] = [createTemplateTool, updateTemplateTool, cloneTemplateTool, renameTemplateTool, previewTemplateTool, sendTestTemplateTool];

export { templatesGuides } from './guidance';
