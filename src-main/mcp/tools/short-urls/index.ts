/** The short-URLs domain: short links, their clicks and metrics, and per-fan links. */
import type { AnyToolSpec } from '../../tool';

/** The short-URL tools, in `tools/list` order. */
export const shortUrlsTools: readonly AnyToolSpec[] = [];

export { shortUrlsGuides } from './guidance';
