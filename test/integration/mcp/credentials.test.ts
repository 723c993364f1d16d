/**
 * Standalone `nevent-companion mcp` credentials: NEVENT_JWT_TOKEN (+ refresh) against a real demo API,
 * with the exact tokens checked absent from every output; and a clear failure when there are none
 * (the first tool call's error: `mcp` answers initialize before its sign-in ends).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApi } from '../../../src-main/demo-api';
import type { DemoApi } from '../../../src-main/demo-api';
import { JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';
import { binPath, ensureCliBuilt, repoRoot, spawnCliBridge, spawnCliClient } from './cli-helpers';
import { failure, ok } from './envelope-assert';
import { hsToken } from '../../helpers/tokens';

let demo: DemoApi;
let configDir: string;
beforeAll(async () => {
  await ensureCliBuilt();
  demo = await startDemoApi({ port: 0 });
  configDir = mkdtempSync(join(tmpdir(), 'nc-mcp-cred-'));
}, 120_000);
afterAll(async () => {
  await demo.close();
  rmSync(configDir, { recursive: true, force: true });
});

describe('standalone credentials', () => {
  it('uses NEVENT_JWT_TOKEN + NEVENT_REFRESH_TOKEN with NEVENT_API_URL, and never shows them', async () => {
    const response = await fetch(`${demo.url}/auth/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@demo.nevent.local', password: 'demo' }) });
    const tokens = (await response.json()) as { access_token: string; refresh_token: string };
    const c = await spawnCliClient(['mcp', '--data-api-url', demo.dataUrl], {
      NEVENT_JWT_TOKEN: tokens.access_token,
      NEVENT_REFRESH_TOKEN: tokens.refresh_token,
      NEVENT_API_URL: demo.url,
      NEVENT_COMPANION_CONFIG_DIR: configDir,
    });
    try {
      const listed = ok(await c.call('nevent_list_tenants'));
      expect(listed).toMatchObject({ count: 1, home_tenant_id: 'tn-globex-de', active_tenant_id: 'tn-globex-de', role: 'ADMIN' });
      const results = JSON.stringify([listed, ok(await c.call('nevent_list_segments')), ok(await c.call('nevent_segmentation_criteria'))]);
      for (const secret of [tokens.access_token, tokens.refresh_token]) {
        expect(results).not.toContain(secret);
        expect(c.stderr()).not.toContain(secret);
      }
      expect(c.stderr()).toMatch(/credentials: environment/);
    } finally {
      await c.close();
    }
  });

  // `mcp` answers initialize before its sign-in ends: a sign-in that fails is the first tool
  // call's error (and every later one's), said on stderr as well, and the exit code once the client leaves.
  it('with no credentials: answers initialize, every tool call says so (authentication_error), nothing else on stdout, exit 1', async () => {
    const c = await spawnCliBridge(['mcp'], { HOME: configDir, NEVENT_COMPANION_CONFIG_DIR: configDir });
    const error = failure(await c.call('nevent_list_tenants'));
    expect(error.type).toBe('authentication_error');
    expect(error.message).toMatch(/No Nevent credentials found/);
    expect(error.message).toMatch(/mcp --demo/);
    expect(failure(await c.call('nevent_list_segments')).message).toMatch(/No Nevent credentials found/);
    await c.close();
    expect(await c.exited).toBe(1);
    for (const line of c.stdoutLines()) expect(JSONRPCMessageSchema.safeParse(JSON.parse(line)).success, line.slice(0, 200)).toBe(true);
    expect(c.stderr()).toMatch(/nevent-companion mcp: No Nevent credentials found/);
  });

  it('rejects an unknown operation mode at start; a malformed token, a custom API URL without its data API and an unreachable Nevent are the first tool call\'s error', async () => {
    const child = spawn(process.execPath, [binPath, 'mcp', '--demo', '--mode', 'YOLO'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', HOME: configDir, NEVENT_COMPANION_CONFIG_DIR: configDir } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await new Promise<number | null>((resolve) => child.once('exit', resolve))).toBe(2);
    expect(stderr).toMatch(/unknown operation mode "YOLO"/);

    const token = await hsToken({ tenantId: 'tenant-a' });
    for (const [env, pattern] of [
      [{ NEVENT_JWT_TOKEN: 'x.y.z' }, /token/],
      // A custom core API: the data API's host cannot be guessed, and the message says what to set.
      [{ NEVENT_JWT_TOKEN: token, NEVENT_API_URL: 'https://api.example.invalid' }, /NEVENT_DATA_API_URL/],
      // Nothing configured: Nevent's own API (unreachable from this sandbox, so the host is named).
      [{ NEVENT_JWT_TOKEN: token }, /api\.nevent\.es/],
    ] as const) {
      const c = await spawnCliBridge(['mcp'], { HOME: configDir, NEVENT_COMPANION_CONFIG_DIR: configDir, ...env });
      const error = failure(await c.call('nevent_list_segments'));
      expect(error.type).toBe('authentication_error');
      expect(error.message).toMatch(pattern);
      expect(c.stderr()).toContain(`nevent-companion mcp: ${error.message}`);
      await c.close();
      expect(await c.exited).toBe(1);
    }
  });
});
