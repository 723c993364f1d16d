/** The media domain: the tenant's image library (upload, list, delete). */
import type { AnyToolSpec } from '../../tool';

/** The media tools, in `tools/list` order. */
export const mediaTools: readonly AnyToolSpec[] = [];

export { mediaGuides } from './guidance';
