/**
 * `nevent-companion mcp --demo` driven with raw JSON-RPC lines: stdout must carry nothing but JSON-RPC
 * messages (one per line), and no token may appear in any result or on stderr, even across switches,
 * errors, garbage input and a refused write.
 */
import { spawn } from 'node:child_process';
import { JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';
import { beforeAll, expect, it } from 'vitest';
import { binPath, ensureCliBuilt, repoRoot, tokenPattern } from './cli-helpers';

beforeAll(async () => {
  await ensureCliBuilt();
}, 120_000);

it('writes only JSON-RPC to stdout and never a token anywhere', async () => {
  const child = spawn(process.execPath, [binPath, 'mcp', '--demo', '--demo-user', 'superadmin'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NEVENT_OPERATION_MODE: 'READ_ONLY' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const responses = new Map<number, Record<string, unknown>>();
  const waitFor = async (id: number): Promise<Record<string, unknown>> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      for (const line of stdout.split('\n')) {
        if (line.trim() === '') continue;
        const message = JSON.parse(line) as { id?: number };
        if (typeof message.id === 'number') responses.set(message.id, message as Record<string, unknown>);
      }
      const found = responses.get(id);
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`no response to ${id}; stderr: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  let id = 0;
  const send = (method: string, params?: unknown): number => {
    id += 1;
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) })}\n`);
    return id;
  };
  const call = (name: string, args: Record<string, unknown> = {}) => waitFor(send('tools/call', { name, arguments: args }));

  await waitFor(send('initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } }));
  child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
  await waitFor(send('tools/list'));
  await call('nevent_list_tenants');
  await call('nevent_switch_tenant', { tenantId: 'tn-globex-uk' });
  await call('nevent_list_segments');
  await call('nevent_segmentation_criteria');
  await call('nevent_analytics_capabilities');
  await call('nevent_paid_ads_status', { provider: 'google' });
  await call('nevent_switch_tenant', { tenantId: 'tn-missing' });
  await call('nevent_create_segment', { name: 'x', definition: { stanzas: [] } });
  await call('nevent_list_campaigns', { tenant_id: 'tn-acme' });
  const reset = await call('nevent_reset_tenant');
  expect(JSON.stringify(reset)).toContain('tn-nevent');
  child.stdin.write('garbage that is not json\n');
  await waitFor(send('ping'));
  child.stdin.end();
  expect(await exited).toBe(0);

  const lines = stdout.split('\n').filter((line) => line !== '');
  expect(lines.length).toBeGreaterThanOrEqual(14);
  for (const line of lines) {
    expect(JSONRPCMessageSchema.safeParse(JSON.parse(line)).success, line.slice(0, 200)).toBe(true);
  }
  expect(stdout.endsWith('\n')).toBe(true);
  expect(stdout).not.toMatch(tokenPattern);
  expect(stderr).not.toMatch(tokenPattern);
  expect(stderr).toMatch(/ready on stdio/);
});
