/** `nevent_get_short_url_metrics`: click metrics of one link over a window of days. */
import { z } from 'zod';
import { shortUrlMetrics } from '../../../core/domains/short-urls';
import { defineTool } from '../../tool';
import { ObjectOutSchema, linkIdInput } from './short-url-wire';

/** `nevent_get_short_url_metrics` tool. */
export const getShortUrlMetricsTool = defineTool({
  name: 'nevent_get_short_url_metrics',
  domain: 'short-urls',
  title: 'Get short URL metrics',
  description: 'Clicks of one link over the last days (totals, unique visitors, per day, country, device, browser, referer), to say how it does.',
  access: 'read',
  tenantScoped: true,
  input: z.object({ id: linkIdInput, days: z.number().int().min(1).max(365).optional().describe('Default 30.') }),
  output: z.object({ metrics: ObjectOutSchema, tenant_id: z.string() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await shortUrlMetrics(tenant, args.id, args.days ?? 30);
    return { metrics: answer.value, tenant_id: answer.tenantId };
  },
});
