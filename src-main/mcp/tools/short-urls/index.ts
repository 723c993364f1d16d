/** The short-URLs domain: the tenant's short links, their clicks, and personal links per fan. */
import type { AnyToolSpec } from '../../tool';
import { createBulkUserShortUrlsTool } from './create-bulk-user-short-urls';
import { createShortUrlTool } from './create-short-url';
import { getShortUrlTool } from './get-short-url';
import { getShortUrlCampaignMetricsTool } from './get-short-url-campaign-metrics';
import { getShortUrlClicksTool } from './get-short-url-clicks';
import { getShortUrlMetricsTool } from './get-short-url-metrics';
import { listShortUrlDestinationsTool } from './list-short-url-destinations';
import { listShortUrlUserLinksTool } from './list-short-url-user-links';
import { listShortUrlsTool } from './list-short-urls';
import { updateShortUrlTool } from './update-short-url';

/** The short-URL tools, in `tools/list` order. */
export const shortUrlsTools: readonly AnyToolSpec[] = [
  listShortUrlsTool,
  getShortUrlTool,
  getShortUrlMetricsTool,
  getShortUrlCampaignMetricsTool,
  getShortUrlClicksTool,
  listShortUrlUserLinksTool,
  listShortUrlDestinationsTool,
  createShortUrlTool,
  updateShortUrlTool,
  createBulkUserShortUrlsTool,
];

export { shortUrlsGuides } from './guidance';
