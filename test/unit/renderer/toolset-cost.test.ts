/**
 * What the MCP panel says a choice of toolsets costs is what the bridge lists: the panel's sum over the
 * bridge's per-tool sizes (`mcp.tools`) equals the bytes of the real `tools/list` answer, for several
 * choices in every mode, the on-demand tool's description included.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mcpToolsHandlers } from '../../../src-main/app/handlers/mcp-tools-handlers';
import { fixedMode } from '../../../src-main/mcp/operation-mode';
import { fixedToolsets } from '../../../src-main/mcp/toolsets';
import { toolsetsCost } from '../../../src-renderer/lib/toolset-cost';
import type { OperationMode } from '../../../src-shared/session';
import { defaultToolDomains, toolDomains, type ToolDomain } from '../../../src-shared/tool-domains';
import { connect, type Harness } from '../mcp/harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const choices: ReadonlyArray<readonly ToolDomain[]> = [defaultToolDomains, toolDomains, [], ['paid-media', 'short-urls'], ['tenants']];

describe('the cost of a choice of toolsets', () => {
  it.each<OperationMode>(['READ_ONLY', 'STANDARD', 'FULL'])('in %s equals the bytes of the bridge’s tools/list, for every choice', async (mode) => {
    const list = await mcpToolsHandlers({ mode: fixedMode(mode) as never })['mcp.tools'](undefined);
    for (const chosen of choices) {
      h = await connect(mode, { toolsets: fixedToolsets(chosen) });
      const { tools } = await h.listTools();
      expect(toolsetsCost(list.tools, list.onDemandTool, chosen, mode), chosen.join(',') || 'none').toEqual({ bytes: Buffer.byteLength(JSON.stringify({ tools }), 'utf8'), listed: tools.length });
      await h.close();
      h = undefined;
    }
  });
});
