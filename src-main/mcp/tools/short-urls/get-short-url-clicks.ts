/** `nevent_get_short_url_clicks`: the latest click events of one link, without personal data. */
import { z } from 'zod';
import { clickSummary, shortUrlClicks } from '../../../core/domains/short-urls';
import { defineTool } from '../../tool';
import { pageSizeInput } from '../list-page';
import { linkIdInput, listOutput } from './short-url-wire';

/** `nevent_get_short_url_clicks` tool. */
export const getShortUrlClicksTool = defineTool({
  name: 'nevent_get_short_url_clicks',
  domain: 'short-urls',
  title: 'Get short URL click events',
  description: 'The latest clicks of one link (time, country, device, browser, referer, UTMs; no IPs or user agents), to see who is clicking now.',
  access: 'read',
  tenantScoped: true,
  input: z.object({ id: linkIdInput, limit: pageSizeInput(1000, 100) }),
  output: listOutput('clicks'),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await shortUrlClicks(tenant, args.id, args.limit ?? 100);
    const summary = clickSummary(answer.value);
    return { clicks: summary.clicks, count: summary.clicks.length, by_country: summary.byCountry, by_device: summary.byDevice, by_referer: summary.byReferer, tenant_id: answer.tenantId };
  },
});
