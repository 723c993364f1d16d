/** The paid-media domain: the tenant's Meta, Google and TikTok ads accounts and their results. */
import type { AnyToolSpec } from '../../tool';
import { paidAdsStatusTool } from './paid-ads-status';

/** The paid-media tools, in `tools/list` order. */
export const paidMediaTools: readonly AnyToolSpec[] = [paidAdsStatusTool];

export { paidMediaGuides } from './guidance';
