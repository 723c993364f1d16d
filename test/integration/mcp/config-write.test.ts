/** `nevent-companion config <client> --write` on temp files: merge, keep others, back up, refuse malformed JSON. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { configCommand } from '../../../src-main/cli/commands/config';
import { applyClientConfigWrite, planClientConfigWrite } from '../../../src-main/mcp/client-config/write';
import { binPath, ensureCliBuilt, repoRoot, tokenPattern } from './cli-helpers';
import { fakeJwtShape } from '../../helpers/tokens';

let dir: string;
beforeAll(async () => {
  await ensureCliBuilt();
}, 120_000);
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nc-config-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const tokenEnv = { NEVENT_JWT_TOKEN: fakeJwtShape({ sub: 'x' }, 'signature-secret'), NEVENT_REFRESH_TOKEN: 'rt_abcdefghijklmnopqrstuvwxyz' };

/** The built CLI, as a user runs it (absolute node + launcher in the entry). */
const spawnCli = (args: string[]) => spawnSync(process.execPath, [binPath, 'config', ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ...tokenEnv } });

/** The same command in-process (fast); its launcher falls back to `nevent-companion` on PATH. */
async function cli(args: string[], env: Record<string, string> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (write: (text: string) => void) => new Writable({ write: (chunk: Buffer, _enc, done) => (write(chunk.toString()), done()) });
  const status = await configCommand.run(args, {
    stdout: sink((t) => (stdout += t)),
    stderr: sink((t) => (stderr += t)),
    stdin: process.stdin,
    env: { ...process.env, ...tokenEnv, ...env },
  });
  return { status, stdout, stderr };
}
const pathEntry = { command: 'nevent-companion', args: ['mcp', '--attach'] };

describe('config --write', () => {
  it('merges the entry into an existing Claude Desktop file, keeping every other key, with a backup', () => {
    const file = join(dir, 'claude_desktop_config.json');
    const original = { globalShortcut: 'Ctrl+Space', mcpServers: { filesystem: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/tmp'] }, 'nevent-companion': { command: 'old' } } };
    writeFileSync(file, JSON.stringify(original, null, 2), { mode: 0o644 });
    const run = spawnCli(['claude', '--write', '--file', file]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Updating /);
    expect(run.stdout).toMatch(/^- {7}"command": "old"/m);
    expect(run.stdout).toMatch(/^\+ {9}"mcp",$/m);

    const written = JSON.parse(readFileSync(file, 'utf8')) as typeof original & { mcpServers: Record<string, { command: string; args: string[]; env: object }> };
    expect(written.globalShortcut).toBe('Ctrl+Space');
    expect(written.mcpServers.filesystem).toEqual(original.mcpServers.filesystem);
    expect(written.mcpServers['nevent-companion']).toEqual({ command: process.execPath, args: [binPath, 'mcp', '--attach'], env: {} });
    expect(Object.keys(written.mcpServers)).toEqual(['filesystem', 'nevent-companion']);
    expect(statSync(file).mode & 0o777).toBe(0o644);

    const backups = readdirSync(dir).filter((name) => name.startsWith('claude_desktop_config.json.bak-'));
    expect(backups).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, backups[0]!), 'utf8'))).toEqual(original);
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
    // No token ever goes into a client config, even with tokens in the environment.
    expect(readFileSync(file, 'utf8')).not.toMatch(tokenPattern);

    // Running it again changes nothing and makes no new backup.
    const again = spawnCli(['claude', '--write', '--file', file]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/nothing to change/);
    expect(readdirSync(dir).filter((name) => name.includes('.bak-'))).toHaveLength(1);
  });

  it('creates a missing VS Code file and its directories with a "servers" stdio entry', async () => {
    const file = join(dir, 'deep', 'er', 'mcp.json');
    const run = await cli(['vscode', '--write', '--file', file]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Creating /);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ servers: { 'nevent-companion': { type: 'stdio', ...pathEntry } } });
    expect(readdirSync(join(dir, 'deep', 'er'))).toEqual(['mcp.json']);
  });

  it('keeps other Cursor servers and unrelated keys', async () => {
    const file = join(dir, 'mcp.json');
    writeFileSync(file, JSON.stringify({ mcpServers: { github: { url: 'https://example.invalid/mcp' } }, other: [1, 2, 3] }));
    expect((await cli(['cursor', '--write', '--file', file])).status).toBe(0);
    const written = JSON.parse(readFileSync(file, 'utf8')) as { mcpServers: Record<string, unknown>; other: number[] };
    expect(written.other).toEqual([1, 2, 3]);
    expect(written.mcpServers.github).toEqual({ url: 'https://example.invalid/mcp' });
    expect(written.mcpServers['nevent-companion']).toEqual({ ...pathEntry, env: {} });
  });

  it('reports malformed JSON clearly and leaves the file untouched', async () => {
    for (const [name, text] of [
      ['broken.json', '{ "mcpServers": { "a": 1, } // comment\n'],
      ['array.json', '[1, 2]'],
      ['servers-not-object.json', '{ "mcpServers": "nope" }'],
    ] as const) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const before = statSync(file).mtimeMs;
      const run = await cli(['claude', '--write', '--file', file]);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/cannot update .* left untouched/);
      expect(readFileSync(file, 'utf8')).toBe(text);
      expect(statSync(file).mtimeMs).toBe(before);
    }
    expect(readdirSync(dir).filter((name) => name.includes('.bak-') || name.includes('.tmp-'))).toEqual([]);
  });

  it('refuses to apply a plan when the file changed after the diff was shown', () => {
    const file = join(dir, 'mcp.json');
    writeFileSync(file, '{}');
    const plan = planClientConfigWrite(file, 'cursor', { command: 'node', args: ['/x.mjs'] });
    if (plan.status !== 'change') throw new Error('expected a change');
    writeFileSync(file, '{"mcpServers":{"someone-else":{}}}');
    expect(() => applyClientConfigWrite(plan)).toThrow(/changed while/);
    expect(readFileSync(file, 'utf8')).toBe('{"mcpServers":{"someone-else":{}}}');
  });

  it('prints the entry and the per-OS path without --write, touching nothing', async () => {
    const run = await cli(['cursor'], { HOME: dir });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ mcpServers: { 'nevent-companion': { ...pathEntry, env: {} } } });
    expect(run.stderr).toContain(join(dir, '.cursor', 'mcp.json'));
    expect(readdirSync(dir)).toEqual([]);
    expect((await cli(['emacs'])).status).toBe(2);
  });
});
