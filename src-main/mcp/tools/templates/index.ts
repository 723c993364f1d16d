/** The templates domain: email templates (create, update, clone, rename, preview, send test). */
import type { AnyToolSpec } from '../../tool';

/** The template tools, in `tools/list` order. */
export const templatesTools: readonly AnyToolSpec[] = [];

export { templatesGuides } from './guidance';
