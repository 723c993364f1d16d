import { describe, expect, it } from 'vitest';
import { parse as parseJsonc } from 'jsonc-parser';
import { getStaticTOMLValue, parseTOML } from 'toml-eslint-parser';
import { lineDiff } from '../../../src-main/mcp/client-config/diff';
import { buildConfigSnippet, buildServerEntry, clientKinds, clientLabel } from '../../../src-main/mcp/client-config/entry';
import { mergeServerEntry } from '../../../src-main/mcp/client-config/merge';
import { clientConfigPath, clientInstallMarkers } from '../../../src-main/mcp/client-config/paths';
import { backupStamp } from '../../../src-main/mcp/client-config/write';

const launcher = { command: '/usr/bin/node', args: ['/opt/nevent/bin/nevent-companion.mjs'] };
const attach = ['/opt/nevent/bin/nevent-companion.mjs', 'mcp', '--attach'];
const installed = { command: '/opt/Nevent Companion/nevent-companion', args: ['/opt/Nevent Companion/resources/app.asar/bin/nevent-companion.mjs'], env: { ELECTRON_RUN_AS_NODE: '1' } };

function merged(existing: string | null, kind: Parameters<typeof mergeServerEntry>[1], with_ = launcher, options = {}): string {
  const result = mergeServerEntry(existing, kind, with_, options);
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

describe('client config entries', () => {
  it('builds each client\'s entry running `mcp --attach`, in its own shape, with no token anywhere', () => {
    expect(buildServerEntry('claude', launcher)).toEqual({ command: '/usr/bin/node', args: attach, env: {} });
    for (const kind of ['cursor', 'windsurf', 'gemini', 'zed'] as const) expect(buildServerEntry(kind, launcher)).toEqual(buildServerEntry('claude', launcher));
    expect(buildServerEntry('claude-code', launcher)).toEqual({ type: 'stdio', command: '/usr/bin/node', args: attach, env: {} });
    expect(buildServerEntry('vscode', launcher)).toEqual({ type: 'stdio', command: '/usr/bin/node', args: attach });
    expect(buildServerEntry('codex', launcher)).toEqual({ command: '/usr/bin/node', args: attach });
    expect(clientKinds.map(clientLabel)).toEqual(['Claude Desktop', 'Claude Code', 'Cursor', 'VS Code', 'Windsurf', 'Zed', 'Codex CLI', 'Gemini CLI']);
  });

  it("carries the launcher's env (the installed app runs as Node) and --socket when the socket is not the default", () => {
    for (const kind of clientKinds) {
      const entry = buildServerEntry(kind, installed, { socketPath: '/run/custom/mcp.sock' });
      expect(entry.env).toEqual({ ELECTRON_RUN_AS_NODE: '1' });
      expect(entry.args).toEqual([...installed.args, 'mcp', '--attach', '--socket', '/run/custom/mcp.sock']);
    }
    const codex = buildConfigSnippet('codex', installed, { socketPath: '/run/custom/mcp.sock' });
    expect(getStaticTOMLValue(parseTOML(codex))).toEqual({ mcp_servers: { 'nevent-companion': { command: installed.command, args: [...installed.args, 'mcp', '--attach', '--socket', '/run/custom/mcp.sock'], env: { ELECTRON_RUN_AS_NODE: '1' } } } });
    expect(JSON.parse(buildConfigSnippet('zed', launcher))).toEqual({ context_servers: { 'nevent-companion': buildServerEntry('zed', launcher) } });
  });
});

describe('JSON and JSONC merges', () => {
  it('change only our entry: comments, trailing commas, big numbers, order and indentation stay byte for byte', () => {
    const existing = ['{', '\t// my settings', '\t"big": 12345678901234567891,', '\t"servers": {', '\t\t"other": { "type": "http", "url": "http://x" }, // keep', '\t},', '}', ''].join('\n');
    const text = merged(existing, 'vscode');
    expect(text).toBe(['{', '\t// my settings', '\t"big": 12345678901234567891,', '\t"servers": {', '\t\t"other": { "type": "http", "url": "http://x" }, // keep', '\t\t"nevent-companion": {', '\t\t\t"type": "stdio",', '\t\t\t"command": "/usr/bin/node",', '\t\t\t"args": [', '\t\t\t\t"/opt/nevent/bin/nevent-companion.mjs",', '\t\t\t\t"mcp",', '\t\t\t\t"--attach"', '\t\t\t]', '\t\t}', '\t},', '}', ''].join('\n'));
    expect(mergeServerEntry(text, 'vscode', launcher)).toEqual({ ok: true, text, changed: false });
  });

  it('merge into an existing entry: our command and args are set, the person\'s env, extra args and fields stay', () => {
    const existing = JSON.stringify({ mcpServers: { 'nevent-companion': { command: 'old', args: ['x', 'mcp', '--attach', '--socket', '/old.sock', '--verbose'], env: { HTTPS_PROXY: 'http://proxy:3128' }, disabled: false, autoApprove: ['nevent_list_tenants'] } } }, null, 2);
    const entry = (JSON.parse(merged(existing, 'claude', installed)) as { mcpServers: Record<string, Record<string, unknown>> }).mcpServers['nevent-companion'];
    expect(entry).toEqual({ command: installed.command, args: [...installed.args, 'mcp', '--attach', '--verbose'], env: { HTTPS_PROXY: 'http://proxy:3128', ELECTRON_RUN_AS_NODE: '1' }, disabled: false, autoApprove: ['nevent_list_tenants'] });
  });

  it('inserts into one-line objects on one line, and after a trailing comma or comment', () => {
    expect(merged('{ "mcpServers": { "a": {} } }', 'cursor')).toBe(`{ "mcpServers": { "a": {}, "nevent-companion": ${JSON.stringify(buildServerEntry('cursor', launcher))} } }`);
    const commented = merged('{\n  "mcpServers": {\n    "a": {} // mine\n  }\n}\n', 'cursor');
    expect(commented.startsWith('{\n  "mcpServers": {\n    "a": {}, // mine\n    "nevent-companion": {\n      "command"')).toBe(true);
    const trailing = merged('{\n  "mcpServers": {\n    "a": {},\n  },\n}\n', 'cursor');
    expect(trailing.startsWith('{\n  "mcpServers": {\n    "a": {},\n    "nevent-companion": {')).toBe(true);
    expect(trailing.endsWith('    }\n  },\n}\n')).toBe(true);
    for (const text of [commented, trailing]) expect(parseJsonc(text)).toEqual({ mcpServers: { a: {}, 'nevent-companion': buildServerEntry('cursor', launcher) } });
  });

  it('keeps a UTF-8 BOM, and writes into nothing or an empty file', () => {
    const withBom = merged('\uFEFF{ "mcpServers": {} }\n', 'cursor');
    expect(withBom.startsWith('\uFEFF{')).toBe(true);
    expect(parseJsonc(withBom.slice(1))).toEqual({ mcpServers: { 'nevent-companion': buildServerEntry('cursor', launcher) } });
    expect(JSON.parse(merged(null, 'gemini'))).toEqual({ mcpServers: { 'nevent-companion': buildServerEntry('gemini', launcher) } });
    expect(JSON.parse(merged('  \n', 'zed'))).toEqual({ context_servers: { 'nevent-companion': buildServerEntry('zed', launcher) } });
  });

  it('refuses malformed files and wrong shapes, saying where', () => {
    expect(mergeServerEntry('{\n  "a": 1\n  "b": 2\n}', 'claude', launcher)).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid JSON \(CommaExpected at line 3, column 3\)/) });
    expect(mergeServerEntry('null', 'claude', launcher)).toMatchObject({ ok: false });
    expect(mergeServerEntry('"text"', 'claude', launcher)).toMatchObject({ ok: false });
    expect(mergeServerEntry('[]', 'claude', launcher)).toMatchObject({ ok: false, reason: expect.stringMatching(/top level is an array/) });
    expect(mergeServerEntry('{"mcpServers":[]}', 'claude', launcher)).toMatchObject({ ok: false, reason: expect.stringMatching(/"mcpServers" is an array/) });
    expect(mergeServerEntry('{"mcpServers":{"nevent-companion":"x"}}', 'claude', launcher)).toMatchObject({ ok: false, reason: expect.stringMatching(/nevent-companion" is a string/) });
  });
});

describe('Codex TOML merges', () => {
  const config = ['# Codex settings', 'model = "o3"', '', '[mcp_servers.github]', 'command = "npx" # trailing comment', 'args = ["-y", "@modelcontextprotocol/server-github"]', '', '[profiles.fast]', 'model = "o4-mini"', ''].join('\n');

  it('appends our table, keeping every other byte', () => {
    const text = merged(config, 'codex');
    expect(text.startsWith(config)).toBe(true);
    expect(text.slice(config.length)).toBe('\n[mcp_servers.nevent-companion]\ncommand = "/usr/bin/node"\nargs = ["/opt/nevent/bin/nevent-companion.mjs", "mcp", "--attach"]\n');
    expect(mergeServerEntry(text, 'codex', launcher)).toEqual({ ok: true, text, changed: false });
  });

  it('rewrites only our values in place: comments, the person\'s keys, env and sub-tables stay', () => {
    const ours = ['[mcp_servers.nevent-companion]', '# why this timeout', 'command = "old"', 'args = ["old.mjs", "mcp", "--attach", "--extra"]', 'startup_timeout_sec = 30', '', '[mcp_servers.nevent-companion.env]', 'HTTPS_PROXY = "http://proxy:3128"', '', '[mcp_servers.nevent-companion.tools.nevent_help]', 'approval_mode = "auto"', ''].join('\n');
    const text = merged(`${config}\n${ours}`, 'codex', installed);
    expect(text.startsWith(config)).toBe(true);
    expect(text).toContain('# why this timeout\n');
    expect(text).toContain('startup_timeout_sec = 30\n');
    expect(text).toContain('[mcp_servers.nevent-companion.tools.nevent_help]\napproval_mode = "auto"\n');
    const value = getStaticTOMLValue(parseTOML(text)) as { mcp_servers: Record<string, unknown> };
    expect(value.mcp_servers['nevent-companion']).toEqual({
      command: installed.command,
      args: [...installed.args, 'mcp', '--attach', '--extra'],
      startup_timeout_sec: 30,
      env: { HTTPS_PROXY: 'http://proxy:3128', ELECTRON_RUN_AS_NODE: '1' },
      tools: { nevent_help: { approval_mode: 'auto' } },
    });
    expect(value.mcp_servers.github).toEqual({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'] });
  });

  it('refuses what it cannot edit safely, and malformed TOML, saying why', () => {
    expect(mergeServerEntry('mcp_servers = { github = { command = "npx" } }\n', 'codex', launcher)).toMatchObject({ ok: false, reason: expect.stringMatching(/inline table/) });
    expect(mergeServerEntry('[mcp_servers]\nnevent-companion.command = "x"\n', 'codex', launcher)).toMatchObject({ ok: false, reason: expect.stringMatching(/dotted keys or an inline table/) });
    expect(mergeServerEntry('model = \n', 'codex', launcher)).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid TOML/) });
    expect(mergeServerEntry('[[mcp_servers.nevent-companion]]\ncommand = "x"\n', 'codex', launcher)).toMatchObject({ ok: false });
  });
});

describe('diff', () => {
  it('shows the changed lines with context, and stays short for a huge file', () => {
    expect(lineDiff('a\nb\nc\n', 'a\nx\nc\n')).toBe('  a\n- b\n+ x\n  c');
    expect(lineDiff('', '{\n}\n')).toBe('+ {\n+ }');
    expect(lineDiff('same\n', 'same\n')).toBe('');
    const lines = Array.from({ length: 200_000 }, (_, i) => `  "k${i}": ${i},`);
    const before = `{\n${lines.join('\n')}\n  "end": 0\n}\n`;
    const after = before.replace('  "end": 0\n', '  "end": 0,\n  "new": 1\n');
    const diff = lineDiff(before, after).split('\n');
    expect(diff.length).toBeLessThan(20);
    expect(diff).toContain('+   "new": 1');
    expect(diff[0]).toMatch(/… 199998 unchanged lines/);
    const everything = lineDiff('', Array.from({ length: 5000 }, (_, i) => `line ${i}`).join('\n')).split('\n');
    expect(everything).toHaveLength(201);
    expect(everything.at(-1)).toBe('… and 4800 more lines of changes');
  });
});

describe('config paths', () => {
  it("knows each client's config file per OS", () => {
    const home = '/home/u';
    const at = (kind: Parameters<typeof clientConfigPath>[0], platform: NodeJS.Platform, env: NodeJS.ProcessEnv = {}) => clientConfigPath(kind, { platform, home, env });
    expect(at('claude', 'darwin')).toBe('/home/u/Library/Application Support/Claude/claude_desktop_config.json');
    expect(at('claude', 'linux')).toBe('/home/u/.config/Claude/claude_desktop_config.json');
    expect(at('claude', 'linux', { XDG_CONFIG_HOME: '/xdg' })).toBe('/xdg/Claude/claude_desktop_config.json');
    expect(at('claude', 'win32', { APPDATA: '/appdata' })).toMatch(/appdata.Claude.claude_desktop_config\.json$/);
    expect(at('claude-code', 'linux')).toBe('/home/u/.claude.json');
    expect(at('cursor', 'linux')).toBe('/home/u/.cursor/mcp.json');
    expect(at('vscode', 'darwin')).toBe('/home/u/Library/Application Support/Code/User/mcp.json');
    expect(at('vscode', 'linux')).toBe('/home/u/.config/Code/User/mcp.json');
    expect(at('windsurf', 'darwin')).toBe('/home/u/.codeium/windsurf/mcp_config.json');
    expect(at('zed', 'linux', { XDG_CONFIG_HOME: '/xdg' })).toBe('/xdg/zed/settings.json');
    expect(at('zed', 'darwin')).toBe('/home/u/.config/zed/settings.json');
    expect(at('zed', 'win32', { APPDATA: '/appdata' })).toMatch(/appdata.Zed.settings\.json$/);
    expect(at('codex', 'linux')).toBe('/home/u/.codex/config.toml');
    expect(at('codex', 'linux', { CODEX_HOME: '/ch' })).toBe('/ch/config.toml');
    expect(at('gemini', 'linux')).toBe('/home/u/.gemini/settings.json');
    expect(clientInstallMarkers('claude-code', { platform: 'linux', home, env: {} })).toEqual(['/home/u/.claude.json', '/home/u/.claude']);
  });

  it('stamps backups in a file-name-safe UTC form', () => {
    expect(backupStamp(new Date('2026-11-25T22:05:01.123Z'))).toBe('20261125T220501Z');
  });
});
