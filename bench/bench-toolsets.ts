/**
 * Toolsets: what a model pays at connect, and for the seeds' example conversation end to end.
 *
 *   `mcp --mode M` (the default toolsets) and `mcp --mode M --toolsets all`, for each mode ──> tools/list bytes,
 *   each domain's share, the on-demand tool's
 *
 *   the seeds' conversation on `mcp` (default toolsets, Read only): list tenants → switch → list campaigns →
 *   list segments → reset ──> instructions + tools/list + every call's arguments and answer, in bytes
 *   the same conversation on Nevent AI's own server, estimated from its code (upstream-definitions.ts for its
 *   tools/list and instructions, its answers shaped from the same demo data as upstream-answers.ts does)
 *
 * UTF-8 bytes of compact JSON as a client receives it; tokens at a rough 4 bytes each.
 */
import type { OperationMode } from '../src-shared/session';
import { toolDomains } from '../src-shared/tool-domains';
import { definitionBytes } from '../src-main/mcp/tool-definitions';
import { allTools, toolDomainOf } from '../src-main/mcp/tools';
import type { BenchContext } from './context';
import { binPath, stdioClient } from './mcp-clients';
import type { BenchResult } from './result';
import { upstreamSeedAnswers, type SeedStep } from './upstream-answers';
import { upstreamInstructionsBytes, upstreamToolsListBytes } from './upstream-definitions';

/** A rough token count: about 4 bytes of JSON per token. */
const bytesPerToken = 4;
/** The default toolsets in Read only may take at most this many bytes at connect (≈ 3,000 tokens). */
export const defaultAtConnectTarget = 12_000;
/** The seed conversation may take at most this share of the same conversation on upstream's tools. */
export const seedConversationShareTarget = 0.5;
/** `tools/list` in FULL with every tool, as measured before toolsets existed (tools-list-by-mode, commit 5153a6a). */
const fullListBeforeToolsets = 37_066;
/** The tenant the seed conversation switches to (the owner's). */
const seedTenant = 'tn-acme-es';

const modes: readonly OperationMode[] = ['READ_ONLY', 'STANDARD', 'FULL'];
const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');
const tokens = (size: number): number => Math.round(size / bytesPerToken);

interface Listing {
  tools: Array<{ name: string; inputSchema: Record<string, unknown> }>;
  bytes: number;
  instructionsBytes: number;
}

/** `tools/list` (and the instructions) of `nevent-companion mcp` with these arguments. */
async function listing(ctx: BenchContext, args: string[]): Promise<Listing> {
  const mcp = await stdioClient(process.execPath, [binPath, 'mcp', ...args], ctx.mcpEnv);
  try {
    const { tools } = await mcp.client.listTools();
    return { tools: tools as Listing['tools'], bytes: bytes({ tools }), instructionsBytes: Buffer.byteLength(mcp.client.getInstructions() ?? '', 'utf8') };
  } finally {
    await mcp.close();
  }
}

/** Bytes of each domain's entries in a listing, and of the on-demand tool's. */
function shares(list: Listing): Record<string, number> {
  const out: Record<string, number> = {};
  for (const tool of list.tools) {
    const key = tool.name === 'nevent_enable_tools' ? 'onDemandTool' : (toolDomainOf(tool.name) ?? 'other');
    out[key] = (out[key] ?? 0) + bytes(tool);
  }
  return out;
}

/** The seeds' conversation on our bridge, default toolsets in Read only: bytes of each part. */
async function ourSeedConversation(ctx: BenchContext, steps: readonly SeedStep[]): Promise<{ instructions: number; toolsList: number; calls: Record<string, number>; answers: Record<string, unknown> }> {
  const mcp = await stdioClient(process.execPath, [binPath, 'mcp', '--mode', 'READ_ONLY'], ctx.mcpEnv);
  try {
    const instructions = Buffer.byteLength(mcp.client.getInstructions() ?? '', 'utf8');
    const { tools } = await mcp.client.listTools();
    const calls: Record<string, number> = {};
    const answers: Record<string, unknown> = {};
    for (const step of steps) {
      const result = await mcp.client.callTool({ name: step.tool, arguments: step.ours });
      if (result.isError === true) throw new Error(`${step.tool} failed: ${JSON.stringify(result.content).slice(0, 300)}`);
      const text = (result.content as { type: string; text?: string }[])[0]?.text ?? '';
      calls[step.tool] = bytes(step.ours) + Buffer.byteLength(text, 'utf8');
      answers[step.tool] = result.structuredContent;
    }
    return { instructions, toolsList: bytes({ tools }), calls, answers };
  } finally {
    await mcp.close();
  }
}

/** Measures the toolsets at connect in every mode, and the seed conversation against upstream's. */
export async function benchToolsets(ctx: BenchContext): Promise<BenchResult[]> {
  const details: Record<string, number | string> = {};
  const defaults: Partial<Record<OperationMode, Listing>> = {};
  const everything: Partial<Record<OperationMode, Listing>> = {};
  for (const mode of modes) {
    const chosen = await listing(ctx, ['--mode', mode]);
    const all = await listing(ctx, ['--mode', mode, '--toolsets', 'all']);
    defaults[mode] = chosen;
    everything[mode] = all;
    details[`default.${mode}.tools`] = chosen.tools.length;
    details[`default.${mode}.bytes`] = chosen.bytes;
    details[`default.${mode}.tokens`] = tokens(chosen.bytes);
    details[`all.${mode}.tools`] = all.tools.length;
    details[`all.${mode}.bytes`] = all.bytes;
    details[`all.${mode}.tokens`] = tokens(all.bytes);
    const byDomain = shares(all);
    for (const domain of toolDomains) details[`domain.${domain}.${mode}`] = byDomain[domain] ?? 0;
    details[`onDemandTool.${mode}`] = shares(chosen).onDemandTool ?? 0;
  }
  const readOnly = defaults.READ_ONLY as Listing;
  const full = everything.FULL as Listing;

  // The full toolset as the tool table defines it, listed as it was before toolsets: every entry, no on-demand tool.
  const sizes = [...definitionBytes(allTools).values()];
  const tableBytes = bytes({ tools: [] }) + sizes.reduce((sum, size) => sum + size, 0) + Math.max(0, sizes.length - 1);

  // The seeds' conversation, ours and upstream's (its tools/list estimated from our inputs under its names).
  const steps: SeedStep[] = [
    { tool: 'nevent_list_tenants', ours: {}, upstream: {} },
    { tool: 'nevent_switch_tenant', ours: { tenantId: seedTenant }, upstream: { tenant_id: seedTenant } },
    { tool: 'nevent_list_campaigns', ours: { tenant_id: seedTenant }, upstream: {} },
    { tool: 'nevent_list_segments', ours: { tenant_id: seedTenant }, upstream: {} },
    { tool: 'nevent_reset_tenant', ours: {}, upstream: {} },
  ];
  const ours = await ourSeedConversation(ctx, steps);
  const oursTotal = ours.instructions + ours.toolsList + Object.values(ours.calls).reduce((sum, size) => sum + size, 0);
  const upstreamList = upstreamToolsListBytes(new Map(full.tools.map((tool) => [tool.name, tool.inputSchema])));
  const upstream = await upstreamSeedAnswers({ apiUrl: ctx.demo.url, dataUrl: ctx.demo.dataUrl, homeToken: ctx.tokens.accessToken, tenantId: seedTenant }, steps, ours.answers);
  const upstreamTotal = upstreamInstructionsBytes + upstreamList.bytes + Object.values(upstream.compact).reduce((sum, size) => sum + size, 0);
  const upstreamPrettyTotal = upstreamInstructionsBytes + upstreamList.bytes + Object.values(upstream.pretty).reduce((sum, size) => sum + size, 0);
  const conversation: Record<string, number> = {
    oursInstructions: ours.instructions,
    oursToolsList: ours.toolsList,
    upstreamInstructions: upstreamInstructionsBytes,
    upstreamToolsList: upstreamList.bytes,
    upstreamTools: upstreamList.tools,
    upstreamEstimatedDescriptions: upstreamList.estimatedDescriptions,
    upstreamWithIndentedAnswers: upstreamPrettyTotal,
    oursTokens: tokens(oursTotal),
    upstreamTokens: tokens(upstreamTotal),
  };
  for (const step of steps) {
    conversation[`ours.${step.tool}`] = ours.calls[step.tool] ?? 0;
    conversation[`upstream.${step.tool}`] = upstream.compact[step.tool] ?? 0;
  }
  // Every turn re-sends the context so far; without prompt caching that is what a model is billed.
  const oursPerTurn = steps.reduce((sum, _step, i) => sum + ours.instructions + ours.toolsList + steps.slice(0, i + 1).reduce((s, st) => s + (ours.calls[st.tool] ?? 0), 0), 0);
  const upstreamPerTurn = steps.reduce((sum, _step, i) => sum + upstreamInstructionsBytes + upstreamList.bytes + steps.slice(0, i + 1).reduce((s, st) => s + (upstream.compact[st.tool] ?? 0), 0), 0);
  conversation.oursBilledOverTurns = oursPerTurn;
  conversation.upstreamBilledOverTurns = upstreamPerTurn;

  return [
    {
      id: 'toolsets-default',
      title: 'tools/list at connect: default toolsets, Read only',
      subject: `tools/list of nevent-companion mcp (default toolsets: tenants, audiences, campaigns, help) in READ_ONLY: ${readOnly.tools.length} tools, ${readOnly.bytes} bytes`,
      baseline: `every toolset on in READ_ONLY (what READ_ONLY listed before toolsets): ${(everything.READ_ONLY as Listing).tools.length} tools, ${(everything.READ_ONLY as Listing).bytes} bytes`,
      unit: 'bytes of tools/list',
      subjectValue: readOnly.bytes,
      baselineValue: (everything.READ_ONLY as Listing).bytes,
      ratio: readOnly.bytes / (everything.READ_ONLY as Listing).bytes,
      target: null,
      absoluteTarget: defaultAtConnectTarget,
      details,
      note: null,
    },
    {
      id: 'toolsets-everything',
      title: 'tools/list with every toolset on (FULL)',
      subject: `tools/list of nevent-companion mcp --toolsets all --mode FULL: ${full.tools.length} tools, ${full.bytes} bytes`,
      baseline: `the tool table's ${sizes.length} definitions listed as before toolsets (no on-demand tool): ${tableBytes} bytes`,
      unit: 'bytes of tools/list',
      subjectValue: full.bytes,
      baselineValue: tableBytes,
      ratio: full.bytes / tableBytes,
      target: 1,
      details: { tools: full.tools.length, bytes: full.bytes, tokens: tokens(full.bytes), beforeToolsetsBytes: fullListBeforeToolsets, listsOnDemandTool: full.tools.some((tool) => tool.name === 'nevent_enable_tools') },
      note: null,
    },
    {
      id: 'seed-conversation',
      title: 'The seeds’ conversation, end to end',
      subject: `list tenants → switch → list campaigns → list segments → reset on nevent-companion mcp (default toolsets, READ_ONLY): instructions, tools/list and every call, ${oursTotal} bytes`,
      baseline: `the same conversation on Nevent AI's own server (${upstreamList.tools} tools listed), estimated from its code: ${upstreamTotal} bytes`,
      unit: 'bytes in the model’s context',
      subjectValue: oursTotal,
      baselineValue: upstreamTotal,
      ratio: oursTotal / upstreamTotal,
      target: seedConversationShareTarget,
      details: conversation,
      note: null,
    },
  ];
}
