/** `nevent_paid_attribution`: tickets and revenue per paid campaign. */
import { z } from 'zod';
import { compact } from '../../../core/domains/compact';
import { paidAttribution } from '../../../core/domains/paid-media';
import { defineTool } from '../../tool';
import { listOutput, providerInput } from './paid-media-wire';

/** `nevent_paid_attribution` tool. */
export const paidAttributionTool = defineTool({
  name: 'nevent_paid_attribution',
  domain: 'paid-media',
  title: 'Get paid ads attribution',
  description: 'Tickets and revenue attributed to each paid campaign of a provider (by UTM) against its budget, to judge return on ad spend.',
  access: 'read',
  tenantScoped: true,
  input: z.object({ provider: providerInput }),
  output: listOutput('attribution'),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await paidAttribution(tenant, args.provider);
    return { attribution: answer.value.map(compact), count: answer.value.length, tenant_id: answer.tenantId };
  },
});
