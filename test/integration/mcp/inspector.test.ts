/**
 * A second, independent MCP client: the MCP Inspector in CLI mode drives `nevent-companion mcp --demo`
 * over stdio, as a user checking their setup would. Its own CLI package is invoked directly because
 * the umbrella package's launcher resolves an older `commander` hoisted by other dev dependencies.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractToolNames } from '../../helpers/contract-tools';
import { binPath, ensureCliBuilt, repoRoot } from './cli-helpers';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const inspectorCli = join(dirname(require.resolve('@modelcontextprotocol/inspector-cli/package.json')), 'build', 'cli.js');

/** Each Inspector run starts two Node processes and the demo API; on a loaded machine that takes a while. */
const inspectTimeoutMs = 60_000;
/** A test outlives the run it waits for, so a slow run fails with the run's own message, not a test timeout. */
const testTimeoutMs = inspectTimeoutMs + 30_000;

async function inspect(args: string[]): Promise<unknown> {
  const { stdout } = await run(process.execPath, [inspectorCli, '--cli', process.execPath, binPath, 'mcp', '--demo', ...args], {
    cwd: repoRoot,
    timeout: inspectTimeoutMs,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout);
}

describe('MCP Inspector (CLI mode) against `mcp --demo`', () => {
  beforeAll(ensureCliBuilt, 60_000);

  it('lists every Nevent tool (FULL mode) with its input schema', async () => {
    const listed = (await inspect(['--mode', 'FULL', '--toolsets', 'all', '--method', 'tools/list'])) as { tools: { name: string; inputSchema: { type: string } }[] };
    const names = listed.tools.map((tool) => tool.name).sort();
    expect(names).toEqual([...contractToolNames].sort());
    for (const tool of listed.tools) expect(tool.inputSchema.type).toBe('object');
  }, testTimeoutMs);

  it('calls a tool and gets structured content for the demo user’s tenant', async () => {
    const result = (await inspect(['--demo-user', 'admin', '--method', 'tools/call', '--tool-name', 'nevent_get_active_tenant'])) as {
      isError?: boolean;
      structuredContent: { active_tenant_id: string; home_tenant_id: string; role: string };
    };
    expect(result.isError).not.toBe(true);
    expect(result.structuredContent.role).toBe('ADMIN');
    expect(result.structuredContent.active_tenant_id).toBe(result.structuredContent.home_tenant_id);
  }, testTimeoutMs);

  it('passes tool arguments through and reports refusals in the error envelope', async () => {
    const result = (await inspect(['--method', 'tools/call', '--tool-name', 'nevent_switch_tenant', '--tool-arg', 'tenantId=tn-does-not-exist'])) as {
      isError?: boolean;
      content: { type: string; text: string }[];
    };
    expect(result.isError).toBe(true);
    const envelope = JSON.parse(result.content[0]?.text ?? '{}') as { error: { type: string; code: string } };
    expect(envelope.error.type).toBe('not_found');
    expect(envelope.error.code).toBe('tenant_not_found');
  }, testTimeoutMs);
});
