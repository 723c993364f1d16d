/**
 * Standalone `nevent-companion mcp` credentials: NEVENT_JWT_TOKEN (+ refresh) against a real demo API,
 * with the exact tokens checked absent from every output; and a clear failure when there are none.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApi } from '../../../src-main/demo-api';
import type { DemoApi } from '../../../src-main/demo-api';
import { binPath, ensureCliBuilt, repoRoot, spawnCliClient } from './cli-helpers';
import { ok } from './envelope-assert';
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

  it('exits non-zero with a clear message and nothing on stdout when there are no credentials', async () => {
    const child = spawn(process.execPath, [binPath, 'mcp'], {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', HOME: configDir, NEVENT_COMPANION_CONFIG_DIR: configDir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/No Nevent credentials found/);
    expect(stderr).toMatch(/mcp --demo/);
  });

  it('rejects an unknown operation mode, a malformed token, and a custom API URL without its data API; defaults to Nevent itself', async () => {
    const token = await hsToken({ tenantId: 'tenant-a' });
    for (const [args, env, pattern] of [
      [['mcp', '--demo', '--mode', 'YOLO'], {}, /unknown operation mode "YOLO"/],
      [['mcp'], { NEVENT_JWT_TOKEN: 'x.y.z' }, /token/],
      // A custom core API: the data API's host cannot be guessed, and the message says what to set.
      [['mcp'], { NEVENT_JWT_TOKEN: token, NEVENT_API_URL: 'https://api.example.invalid' }, /NEVENT_DATA_API_URL/],
      // Nothing configured: Nevent's own API (unreachable from this sandbox, so the host is named).
      [['mcp'], { NEVENT_JWT_TOKEN: token }, /api\.nevent\.es/],
    ] as const) {
      const child = spawn(process.execPath, [binPath, ...args], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', HOME: configDir, NEVENT_COMPANION_CONFIG_DIR: configDir, ...env } });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).not.toBe(0);
      expect(stderr).toMatch(pattern);
    }
  });
});
