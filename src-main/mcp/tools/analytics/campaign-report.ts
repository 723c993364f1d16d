/** `nevent_campaign_report`: the tenant's campaign results of one month, as the data API reports them. */
import { z } from 'zod';
import { campaignReport } from '../../../core/domains/analytics';
import { defineTool } from '../../tool';

/** `nevent_campaign_report` tool (upstream's newest contract: a month of the tenant). */
export const campaignReportTool = defineTool({
  name: 'nevent_campaign_report',
  domain: 'analytics',
  title: 'Generate campaign analytics report',
  description: 'Reports the campaigns of one month, per campaign and per day; for a single campaign use nevent_get_campaign_metrics.',
  access: 'read',
  tenantScoped: true,
  input: z.object({
    year: z.number().int().min(2000).max(2100),
    month: z.number().int().min(1).max(12),
  }),
  output: z.object({
    queries: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
    errors: z.array(z.object({ query: z.string().nullable(), message: z.string() })),
    tenant_id: z.string(),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await campaignReport(tenant, args.year, args.month);
    return { ...answer.value, tenant_id: answer.tenantId };
  },
});
