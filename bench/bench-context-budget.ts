/**
 * context budget: what a model pays for the toolset. `tools/list` of
 * `nevent-companion mcp` in FULL mode (every tool listed) measured in UTF-8 bytes of its JSON — total,
 * per tool, the five largest — against the budget of 700 bytes per tool on average; the bytes (and rough
 * tokens, 4 bytes each) of a typical answer per domain, the JSON text a client puts in the model's
 * context, against the demo; and for the same data, what Nevent AI's own tools would answer
 * (upstream-answers.ts).
 */
import { toolDefinitionBudgetBytes } from '../src-main/mcp/lean-schema';
import type { BenchContext } from './context';
import { binPath, stdioClient } from './mcp-clients';
import type { BenchResult } from './result';
import { upstreamAnswerBytes } from './upstream-answers';

/** The budget a tool definition keeps to on average in `tools/list` (docs/toolsets.md): what a model pays per tool. */
export const perToolBudgetBytes = toolDefinitionBudgetBytes;

/** A rough token count: about 4 bytes of JSON per token. */
const bytesPerToken = 4;

const tenant_id = 'tn-acme-es';
/** A typical call per domain (tools another branch has not added yet are skipped). */
const typicalCalls: [domain: string, tool: string, args: Record<string, unknown>][] = [
  ['tenants', 'nevent_list_tenants', {}],
  ['audiences', 'nevent_list_segments', { tenant_id }],
  ['audiences-contacts', 'nevent_segment_execute', { tenant_id, definition: { stanzas: [] }, page_size: 20 }],
  ['campaigns', 'nevent_list_campaigns', { tenant_id, limit: 20 }],
  ['campaign-metrics', 'nevent_get_campaign_metrics', { tenant_id }],
  ['analytics', 'nevent_analytics_capabilities', { tenant_id }],
  ['analytics-query', 'nevent_analytics_query', { tenant_id, collection: 'campaigns', dimensions: [{ field: 'channel' }], metrics: [{ field: 'sent', operation: 'sum', alias: 'sent' }] }],
  ['paid-media', 'nevent_paid_ads_status', { tenant_id, provider: 'meta' }],
  ['paid-media-campaigns', 'nevent_list_paid_campaigns', { tenant_id, provider: 'meta' }],
  ['templates', 'nevent_preview_template', { tenant_id, sample_user_email: 'nobody@demo.nevent.local' }],
  ['short-urls', 'nevent_list_short_urls', { tenant_id }],
  ['media', 'nevent_list_images', { tenant_id }],
  ['help', 'nevent_help', {}],
];

const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** Measures `tools/list` and one typical answer per domain. */
export async function benchContextBudget(ctx: BenchContext): Promise<BenchResult> {
  const mcp = await stdioClient(process.execPath, [binPath, 'mcp'], { ...ctx.mcpEnv, NEVENT_OPERATION_MODE: 'FULL' });
  try {
    const { tools } = await mcp.client.listTools();
    const total = bytes({ tools });
    const perTool = tools.map((tool) => ({ name: tool.name, size: bytes(tool) })).sort((a, b) => b.size - a.size);
    const largest = perTool[0] ?? { name: '(none)', size: 0 };
    const average = total / tools.length;
    const listed = new Set(tools.map((t) => t.name));
    const answers: Record<string, number> = {};
    let campaignId: string | undefined;
    for (const [domain, tool, args] of typicalCalls) {
      if (!listed.has(tool)) continue;
      let callArgs = args;
      if (tool === 'nevent_get_campaign_metrics') {
        const list = await mcp.call('nevent_list_campaigns', { tenant_id, status: 'EXECUTED', limit: 1 });
        campaignId = (list.campaigns as { id: string }[])[0]?.id;
        callArgs = { ...args, campaign_id: campaignId };
      }
      if (tool === 'nevent_preview_template') {
        // Templates are not listed over the API: preview one made for the run.
        const made = await mcp.call('nevent_create_template', { tenant_id, name: 'Bench', format: 'html', html_body: '<p>Hello {{first_name}}, see you at {{venue}}.</p>' });
        callArgs = { ...args, template_id: (made.template as { id: string }).id };
      }
      const result = await mcp.client.callTool({ name: tool, arguments: callArgs });
      const text = (result.content as { type: string; text?: string }[])[0]?.text ?? '';
      const size = Buffer.byteLength(text, 'utf8');
      answers[`answerBytes.${domain}`] = size;
      answers[`answerTokens.${domain}`] = Math.round(size / bytesPerToken);
    }
    const upstream = await upstreamAnswerBytes({ apiUrl: ctx.demo.url, dataUrl: ctx.demo.dataUrl, homeToken: ctx.tokens.accessToken, tenantId: tenant_id }, campaignId);
    for (const [domain, size] of Object.entries(upstream)) answers[`upstreamBytes.${domain}`] = size;
    return {
      id: 'context-budget',
      title: 'Context budget: tools/list bytes per tool',
      subject: `tools/list of nevent-companion mcp in FULL mode: ${tools.length} tools, ${total} bytes of JSON (UTF-8)`,
      baseline: `the budget of ${perToolBudgetBytes} bytes per tool on average`,
      unit: 'bytes per tool (mean)',
      subjectValue: average,
      baselineValue: perToolBudgetBytes,
      ratio: average / perToolBudgetBytes,
      target: 1,
      details: {
        tools: tools.length,
        totalBytes: total,
        totalTokens: Math.round(total / bytesPerToken),
        largestTool: largest.name,
        largestToolBytes: largest.size,
        largestTools: perTool.slice(0, 5).map((tool) => `${tool.name} ${tool.size}`).join(', '),
        ...answers,
      },
      note: null,
    };
  } finally {
    await mcp.close();
  }
}
