/**
 * tools/list by operation mode: what a model pays on every turn for the tool definitions, in each mode.
 * Only the tools the mode allows are listed (src-main/mcp/tool-listing.ts), so READ_ONLY (the default)
 * no longer carries the write and delete tools it would refuse. `tools/list` of `nevent-companion mcp
 * --mode M --toolsets all` (every toolset on: the mode is what this row measures), UTF-8 bytes of its compact JSON, for each mode; READ_ONLY against FULL (every tool).
 */
import type { OperationMode } from '../src-shared/session';
import type { BenchContext } from './context';
import { binPath, stdioClient } from './mcp-clients';
import type { BenchResult } from './result';

const modes: readonly OperationMode[] = ['READ_ONLY', 'STANDARD', 'FULL'];

/** The share of FULL's bytes READ_ONLY may take at most: the write and delete tools were about 30 % of them. */
export const readOnlyShareTarget = 0.8;

const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** Lists the tools in each mode and measures them. */
export async function benchToolsByMode(ctx: BenchContext): Promise<BenchResult> {
  const measured: Record<string, { tools: number; bytes: number }> = {};
  for (const mode of modes) {
    const mcp = await stdioClient(process.execPath, [binPath, 'mcp', '--mode', mode, '--toolsets', 'all'], ctx.mcpEnv);
    try {
      const { tools } = await mcp.client.listTools();
      measured[mode] = { tools: tools.length, bytes: bytes({ tools }) };
    } finally {
      await mcp.close();
    }
  }
  const readOnly = measured.READ_ONLY ?? { tools: 0, bytes: 0 };
  const full = measured.FULL ?? { tools: 0, bytes: 1 };
  const standard = measured.STANDARD ?? { tools: 0, bytes: 0 };
  return {
    id: 'tools-list-by-mode',
    title: 'tools/list bytes per operation mode',
    subject: `tools/list in READ_ONLY (the default): ${readOnly.tools} tools, ${readOnly.bytes} bytes`,
    baseline: `tools/list in FULL (every tool): ${full.tools} tools, ${full.bytes} bytes`,
    unit: 'bytes of tools/list',
    subjectValue: readOnly.bytes,
    baselineValue: full.bytes,
    ratio: readOnly.bytes / full.bytes,
    target: readOnlyShareTarget,
    details: {
      readOnlyTools: readOnly.tools,
      readOnlyBytes: readOnly.bytes,
      standardTools: standard.tools,
      standardBytes: standard.bytes,
      fullTools: full.tools,
      fullBytes: full.bytes,
      readOnlyTokens: Math.round(readOnly.bytes / 4),
      fullTokens: Math.round(full.bytes / 4),
    },
    note: null,
  };
}
