import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { decodeProtectedHeader } from 'jose';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { normalizeAccessibleTenants, normalizeTokenResponse } from '../../../src-shared/api';
import { ensureCliBuilt } from '../mcp/cli-helpers';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const children: ChildProcessWithoutNullStreams[] = [];

// Through the shared build lock, and only when stale: rebuilding unconditionally here rewrote the bundle
// while other test files were spawning it, and a CLI started on a half-written bundle died before its
// MCP handshake ("Connection closed" in inspector.test.ts on a loaded machine).
beforeAll(ensureCliBuilt, 120_000);
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function startCli(args: string[]): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, ['bin/nevent-companion.mjs', 'demo-api', ...args], { cwd: root });
  children.push(child);
  return child;
}

function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => reject(new Error('no output within 15 s')), 15_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing`)));
  });
}

/** The first `n` lines of stdout. */
function firstLines(child: ChildProcessWithoutNullStreams, n: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const seen: string[] = [];
    const timer = setTimeout(() => reject(new Error(`fewer than ${n} lines within 15 s: ${JSON.stringify(seen)}`)), 15_000);
    lines.on('line', (line) => {
      seen.push(line);
      if (seen.length === n) {
        clearTimeout(timer);
        lines.close();
        resolve(seen);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} after ${JSON.stringify(seen)}`)));
  });
}

async function signInAsOwner(url: string): Promise<string> {
  const login = await fetch(`${url}/auth/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@demo.nevent.local', password: 'demo' }) });
  return normalizeTokenResponse(await login.json()).accessToken;
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

describe('nevent-companion demo-api', () => {
  it('prints its URL first, serves the owner their subtree, and exits 0 on SIGTERM', async () => {
    const child = startCli(['--port', '0']);
    const exited = exitOf(child);
    const line = await firstLine(child);
    const match = /^listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(line);
    expect(match, line).not.toBeNull();
    const url = match?.[1] ?? '';
    expect(Number(match?.[2])).toBeGreaterThan(0);

    const accessToken = await signInAsOwner(url);
    expect(decodeProtectedHeader(accessToken).alg).toBe('HS256');
    expect((await fetch(`${url}/.well-known/jwks.json`)).status).toBe(404);
    const tenants = normalizeAccessibleTenants(await (await fetch(`${url}/users/accessible-tenants`, { headers: { authorization: `Bearer ${accessToken}` } })).json());
    expect(tenants[0]?.id).toBe('tn-acme');
    expect(tenants.map((t) => t.id).sort()).toEqual(
      ['tn-acme', 'tn-acme-es', 'tn-acme-madrid', 'tn-acme-madrid-arena', 'tn-acme-barcelona', 'tn-acme-valencia', 'tn-acme-fr', 'tn-acme-paris', 'tn-acme-lyon', 'tn-acme-pt', 'tn-acme-lisbon', 'tn-acme-porto', 'tn-ole', 'tn-ole-malaga', 'tn-ole-logrono', 'tn-ole-coruna', 'tn-ole-cadiz'].sort(),
    );

    child.kill('SIGTERM');
    const { code } = await exited;
    expect(code).toBe(0);
  });

  it('says how it signs: HS256 by default, ES256 with a published JWKS under --jwks', async () => {
    const plain = startCli(['--port', '0']);
    const plainExited = exitOf(plain);
    const [, data, signing] = await firstLines(plain, 3);
    expect(data).toMatch(/^data API: http:\/\/127\.0\.0\.1:\d+\/data$/);
    expect(signing).toMatch(/^tokens: HS256/);
    plain.kill('SIGTERM');
    expect((await plainExited).code).toBe(0);

    const child = startCli(['--port', '0', '--jwks']);
    const exited = exitOf(child);
    const [listening, , jwksLine] = await firstLines(child, 3);
    const url = /^listening on (\S+)$/.exec(listening ?? '')?.[1] ?? '';
    expect(jwksLine).toBe(`JWKS: ${url}/.well-known/jwks.json`);
    const accessToken = await signInAsOwner(url);
    expect(decodeProtectedHeader(accessToken)).toMatchObject({ alg: 'ES256', kid: expect.any(String) });
    const jwks = (await (await fetch(`${url}/.well-known/jwks.json`)).json()) as { keys: { kid?: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual([decodeProtectedHeader(accessToken).kid]);
    child.kill('SIGTERM');
    expect((await exited).code).toBe(0);
  });

  it('rejects bad flags with a clear message and exit code 2', async () => {
    for (const args of [['--port', 'abc'], ['--bogus']]) {
      const child = startCli(args);
      const { code, stderr } = await exitOf(child);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(/^nevent-companion demo-api: /);
      expect(stderr).toMatch(/Usage: nevent-companion demo-api/);
    }
  });
});
