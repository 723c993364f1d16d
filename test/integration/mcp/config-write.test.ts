/**
 * `nevent-companion config <client> --write` on temp files: merge, keep others, back up, refuse malformed
 * files; and what used to lose or mangle things: symlinks, two writes in one second,
 * read-only files, big numbers, BOMs, huge files, JSONC, the person's own env/args; Codex's TOML; and
 * `--socket` in the entry.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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
    // The entry an earlier version wrote under "nevent-companion" is renamed, not duplicated.
    expect(run.stdout).toMatch(/^- {5}"nevent-companion": \{/m);
    expect(run.stdout).toMatch(/^\+ {5}"nevent-app": \{/m);
    expect(run.stdout).toMatch(/^- {7}"command": "old"/m);
    expect(run.stdout).toMatch(/^\+ {9}"mcp",$/m);

    const written = JSON.parse(readFileSync(file, 'utf8')) as typeof original & { mcpServers: Record<string, { command: string; args: string[]; env: object }> };
    expect(written.globalShortcut).toBe('Ctrl+Space');
    expect(written.mcpServers.filesystem).toEqual(original.mcpServers.filesystem);
    // Our keys set in the entry that was there (the person's other keys would stay: see below).
    expect(written.mcpServers['nevent-app']).toEqual({ command: process.execPath, args: [binPath, 'mcp', '--attach'] });
    expect(Object.keys(written.mcpServers)).toEqual(['filesystem', 'nevent-app']);
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
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ servers: { 'nevent-app': { type: 'stdio', ...pathEntry } } });
    expect(readdirSync(join(dir, 'deep', 'er'))).toEqual(['mcp.json']);
  });

  it('keeps other Cursor servers and unrelated keys', async () => {
    const file = join(dir, 'mcp.json');
    writeFileSync(file, JSON.stringify({ mcpServers: { github: { url: 'https://example.invalid/mcp' } }, other: [1, 2, 3] }));
    expect((await cli(['cursor', '--write', '--file', file])).status).toBe(0);
    const written = JSON.parse(readFileSync(file, 'utf8')) as { mcpServers: Record<string, unknown>; other: number[] };
    expect(written.other).toEqual([1, 2, 3]);
    expect(written.mcpServers.github).toEqual({ url: 'https://example.invalid/mcp' });
    expect(written.mcpServers['nevent-app']).toEqual({ ...pathEntry, env: {} });
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
    expect(JSON.parse(run.stdout)).toEqual({ mcpServers: { 'nevent-app': { ...pathEntry, env: {} } } });
    expect(run.stderr).toContain(join(dir, '.cursor', 'mcp.json'));
    expect(readdirSync(dir)).toEqual([]);
    expect((await cli(['emacs'])).status).toBe(2);
  });

  it('follows a symlinked config (dotfiles): the link stays a link, the real file is updated and backed up', async () => {
    const dotfiles = join(dir, 'dotfiles');
    mkdirSync(dotfiles);
    const real = join(dotfiles, 'cursor-mcp.json');
    writeFileSync(real, '{ "mcpServers": {} }\n');
    const link = join(dir, 'mcp.json');
    symlinkSync(real, link);
    const run = await cli(['cursor', '--write', '--file', link]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`through the symlink, in ${real}`);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(real, 'utf8'))).toMatchObject({ mcpServers: { 'nevent-app': pathEntry } });
    expect(readdirSync(dotfiles).filter((name) => name.includes('.bak-'))).toHaveLength(1);
  });

  it('two writes in the same second keep both backups (the original is never lost)', () => {
    const file = join(dir, 'mcp.json');
    writeFileSync(file, '{"original":true}');
    const now = new Date('2026-11-25T22:05:01.000Z');
    const first = planClientConfigWrite(file, 'cursor', { command: 'node', args: ['/a.mjs'] });
    if (first.status !== 'change') throw new Error('expected a change');
    const { backup: firstBackup } = applyClientConfigWrite(first, now);
    const second = planClientConfigWrite(file, 'cursor', { command: 'node', args: ['/b.mjs'] });
    if (second.status !== 'change') throw new Error('expected a change');
    const { backup: secondBackup } = applyClientConfigWrite(second, now);
    expect(secondBackup).not.toBe(firstBackup);
    expect(readFileSync(firstBackup ?? '', 'utf8')).toBe('{"original":true}');
    expect(readFileSync(secondBackup ?? '', 'utf8')).toContain('/a.mjs');
  });

  it('refuses a read-only file and says why, even where it could be overridden', async () => {
    const file = join(dir, 'claude_desktop_config.json');
    writeFileSync(file, '{ "mcpServers": {} }\n');
    chmodSync(file, 0o444);
    const run = await cli(['claude', '--write', '--file', file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/read-only \(mode 444\)/);
    expect(readFileSync(file, 'utf8')).toBe('{ "mcpServers": {} }\n');
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir)).toEqual(['claude_desktop_config.json']);
  });

  it('keeps every other byte: big numbers, a BOM, comments and trailing commas (JSONC), and the person\'s env/args', async () => {
    const file = join(dir, 'mcp.json');
    const original = '\uFEFF{\n  // VS Code allows comments\n  "inputs": [],\n  "big": 12345678901234567891,\n  "servers": {\n    "nevent-app": { "type": "stdio", "command": "old", "args": ["x", "mcp", "--attach", "--verbose"], "env": { "HTTPS_PROXY": "http://proxy:3128" } },\n  },\n}\n';
    writeFileSync(file, original);
    const run = await cli(['vscode', '--write', '--file', file]);
    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF{\n  // VS Code allows comments\n  "inputs": [],\n  "big": 12345678901234567891,\n')).toBe(true);
    expect(text.endsWith('  },\n}\n')).toBe(true);
    const { parse } = await import('jsonc-parser');
    expect((parse(text.slice(1)) as { servers: Record<string, unknown> }).servers['nevent-app']).toEqual({ type: 'stdio', command: 'nevent-companion', args: ['mcp', '--attach', '--verbose'], env: { HTTPS_PROXY: 'http://proxy:3128' } });
  });

  it('shows a short diff for a 4 MB config', async () => {
    const file = join(dir, 'mcp.json');
    const servers = Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`server-${i}`, { command: 'npx', args: ['-y', `pkg-${i}`] }]));
    writeFileSync(file, JSON.stringify({ mcpServers: servers }, null, 2));
    expect(statSync(file).size).toBeGreaterThan(4 * 1024 * 1024);
    const run = await cli(['cursor', '--write', '--file', file]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\n').length).toBeLessThan(40);
    expect(run.stdout).toContain('+     "nevent-app": {');
  });

  it('writes Codex CLI\'s TOML, changing only our table', async () => {
    const file = join(dir, 'config.toml');
    const original = '# my Codex settings\nmodel = "o3"\n\n[mcp_servers.github]\ncommand = "npx"\n';
    writeFileSync(file, original);
    const run = await cli(['codex', '--write', '--file', file]);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(`${original}\n[mcp_servers.nevent-app]\ncommand = "nevent-companion"\nargs = ["mcp", "--attach"]\n`);
    const again = await cli(['codex', '--write', '--file', file]);
    expect(again.stdout).toMatch(/nothing to change/);
  });

  it('entries carry --socket when the socket is not the default; without a client, the clients are listed', async () => {
    const socket = join(dir, 'custom', 'mcp.sock');
    const printed = await cli(['gemini', '--socket', socket]);
    expect(JSON.parse(printed.stdout)).toEqual({ mcpServers: { 'nevent-app': { command: 'nevent-companion', args: ['mcp', '--attach', '--socket', socket], env: {} } } });
    const home = join(dir, 'home');
    mkdirSync(join(home, '.codex'), { recursive: true });
    const listed = await cli([], { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), CODEX_HOME: '' });
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/^ {2}codex {8}Codex CLI {11}\/.*\.codex\/config\.toml$/m);
    expect(listed.stdout).toMatch(/^ {2}zed .*\(not installed\)/m);
    expect(listed.stdout).toMatch(/^ {2}copilot {6}GitHub Copilot CLI {2}\(not installed\) \/.*\.copilot\/mcp-config\.json$/m);
    for (const kind of ['claude', 'claude-code', 'cursor', 'vscode', 'windsurf', 'zed', 'codex', 'gemini', 'copilot', 'qwen', 'opencode']) expect(listed.stdout).toContain(`  ${kind} `);
  });
});
