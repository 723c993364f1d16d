/** `nevent_analytics_capabilities`: what analytics the tenant a call runs in offers. */
import { z } from 'zod';
import { defineTool } from '../../tool';

/** `nevent_analytics_capabilities` tool. */
export const analyticsCapabilitiesTool = defineTool({
  name: 'nevent_analytics_capabilities',
  domain: 'analytics',
  title: 'Analytics capabilities',
  description: [
    'Returns the analytics capabilities of the tenant (enabled features, channels, metrics) from the data API.',
    'Cached per tenant.',
  ].join(' '),
  access: 'read',
  tenantScoped: true,
  input: z.object({}),
  output: z.object({ capabilities: z.record(z.string(), z.unknown()), tenant_id: z.string() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(_args, { tenant }) {
    const capabilities = await tenant.analyticsCapabilities();
    return { capabilities: capabilities.value, tenant_id: capabilities.tenantId };
  },
});
