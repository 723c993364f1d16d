/** `nevent_paid_ads_health`: sync and throttle signals of a provider connection. */
import { z } from 'zod';
import { paidAdsHealth } from '../../../core/domains/paid-media';
import { defineTool } from '../../tool';
import { ObjectOutSchema, providerInput } from './paid-media-wire';

/** `nevent_paid_ads_health` tool. */
export const paidAdsHealthTool = defineTool({
  name: 'nevent_paid_ads_health',
  domain: 'paid-media',
  title: 'Get paid ads health signals',
  description: 'Last successful sync, throttling and pilot status of a provider connection; use it when paid-media numbers look stale.',
  access: 'read',
  tenantScoped: true,
  input: z.object({ provider: providerInput }),
  output: z.object({ health: ObjectOutSchema, tenant_id: z.string() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, { tenant }) {
    const answer = await paidAdsHealth(tenant, args.provider);
    return { health: answer.value, tenant_id: answer.tenantId };
  },
});
