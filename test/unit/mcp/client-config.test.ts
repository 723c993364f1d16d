import { describe, expect, it } from 'vitest';
import { parse as parseJsonc } from 'jsonc-parser';
import { getStaticTOMLValue, parseTOML } from 'toml-eslint-parser';
import { lineDiff } from '../../../src-main/mcp/client-config/diff';
import { argsField, buildConfigSnippet, buildServerEntry, clientKinds, clientLabel, envKey, httpServerKey, serverKey } from '../../../src-main/mcp/client-config/entry';
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
    for (const kind of ['cursor', 'windsurf', 'gemini', 'zed', 'qwen'] as const) expect(buildServerEntry(kind, launcher)).toEqual(buildServerEntry('claude', launcher));
    expect(buildServerEntry('claude-code', launcher)).toEqual({ type: 'stdio', command: '/usr/bin/node', args: attach, env: {} });
    expect(buildServerEntry('vscode', launcher)).toEqual({ type: 'stdio', command: '/usr/bin/node', args: attach });
    expect(buildServerEntry('codex', launcher)).toEqual({ command: '/usr/bin/node', args: attach });
    // Copilot CLI's own `copilot mcp add` shape: type "local" and a tool filter ("*": all).
    expect(buildServerEntry('copilot', launcher)).toEqual({ type: 'local', command: '/usr/bin/node', args: attach, tools: ['*'] });
    // opencode: one command array, the environment under `environment`.
    expect(buildServerEntry('opencode', launcher)).toEqual({ type: 'local', command: ['/usr/bin/node', ...attach] });
    expect(buildServerEntry('opencode', installed).environment).toEqual({ ELECTRON_RUN_AS_NODE: '1' });
    expect(clientKinds.map(clientLabel)).toEqual(['Claude Desktop', 'Claude Code', 'Cursor', 'VS Code', 'Windsurf', 'Zed', 'Codex CLI', 'Gemini CLI', 'GitHub Copilot CLI', 'Qwen Code', 'opencode']);
  });

  it('builds each client\'s HTTP entry naming the token by reference, in that client\'s syntax', () => {
    const http = { http: { url: 'http://127.0.0.1:4100/mcp' } };
    const bearer = (reference: string) => ({ Authorization: `Bearer ${reference}` });
    expect(buildServerEntry('claude-code', launcher, http)).toEqual({ type: 'http', url: http.http.url, headers: bearer('${NEVENT_COMPANION_BRIDGE_TOKEN}') });
    expect(buildServerEntry('gemini', launcher, http)).toEqual({ httpUrl: http.http.url, headers: bearer('${NEVENT_COMPANION_BRIDGE_TOKEN}') });
    expect(buildServerEntry('qwen', launcher, http)).toEqual(buildServerEntry('gemini', launcher, http));
    expect(buildServerEntry('copilot', launcher, http)).toEqual({ type: 'http', url: http.http.url, headers: bearer('${NEVENT_COMPANION_BRIDGE_TOKEN}'), tools: ['*'] });
    // oauth: false, so that a wrong token is a failed connection there, not an offer to sign in with OAuth.
    expect(buildServerEntry('opencode', launcher, http)).toEqual({ type: 'remote', url: http.http.url, headers: bearer('{env:NEVENT_COMPANION_BRIDGE_TOKEN}'), oauth: false });
    expect(buildServerEntry('codex', launcher, http)).toEqual({ url: http.http.url, bearer_token_env_var: 'NEVENT_COMPANION_BRIDGE_TOKEN' });
    expect(JSON.parse(buildConfigSnippet('opencode', launcher, http))).toEqual({ mcp: { [httpServerKey]: buildServerEntry('opencode', launcher, http) } });
  });

  it("carries the launcher's env (the installed app runs as Node) and --socket when the socket is not the default", () => {
    for (const kind of clientKinds) {
      const entry = buildServerEntry(kind, installed, { socketPath: '/run/custom/mcp.sock' });
      expect(entry[envKey(kind)]).toEqual({ ELECTRON_RUN_AS_NODE: '1' });
      const args = entry[argsField(kind)] as string[];
      expect(args.slice(-5)).toEqual([...installed.args, 'mcp', '--attach', '--socket', '/run/custom/mcp.sock']);
    }
    const codex = buildConfigSnippet('codex', installed, { socketPath: '/run/custom/mcp.sock' });
    expect(getStaticTOMLValue(parseTOML(codex))).toEqual({ mcp_servers: { [serverKey]: { command: installed.command, args: [...installed.args, 'mcp', '--attach', '--socket', '/run/custom/mcp.sock'], env: { ELECTRON_RUN_AS_NODE: '1' } } } });
    expect(JSON.parse(buildConfigSnippet('zed', launcher))).toEqual({ context_servers: { [serverKey]: buildServerEntry('zed', launcher) } });
  });
});

describe('JSON and JSONC merges', () => {
  it('change only our entry: comments, trailing commas, big numbers, order and indentation stay byte for byte', () => {
    const existing = ['{', '\t// my settings', '\t"big": 12345678901234567891,', '\t"servers": {', '\t\t"other": { "type": "http", "url": "http://x" }, // keep', '\t},', '}', ''].join('\n');
    const text = merged(existing, 'vscode');
    expect(text).toBe(['{', '\t// my settings', '\t"big": 12345678901234567891,', '\t"servers": {', '\t\t"other": { "type": "http", "url": "http://x" }, // keep', '\t\t"nevent-app": {', '\t\t\t"type": "stdio",', '\t\t\t"command": "/usr/bin/node",', '\t\t\t"args": [', '\t\t\t\t"/opt/nevent/bin/nevent-companion.mjs",', '\t\t\t\t"mcp",', '\t\t\t\t"--attach"', '\t\t\t]', '\t\t}', '\t},', '}', ''].join('\n'));
    expect(mergeServerEntry(text, 'vscode', launcher)).toEqual({ ok: true, text, changed: false });
  });

  it('merge into an existing entry: our command and args are set, the person\'s env, extra args and fields stay', () => {
    const existing = JSON.stringify({ mcpServers: { [serverKey]: { command: 'old', args: ['x', 'mcp', '--attach', '--socket', '/old.sock', '--verbose'], env: { HTTPS_PROXY: 'http://proxy:3128' }, disabled: false, autoApprove: ['nevent_list_tenants'] } } }, null, 2);
    const entry = (JSON.parse(merged(existing, 'claude', installed)) as { mcpServers: Record<string, Record<string, unknown>> }).mcpServers[serverKey];
    expect(entry).toEqual({ command: installed.command, args: [...installed.args, 'mcp', '--attach', '--verbose'], env: { HTTPS_PROXY: 'http://proxy:3128', ELECTRON_RUN_AS_NODE: '1' }, disabled: false, autoApprove: ['nevent_list_tenants'] });
  });

  it('inserts into one-line objects on one line, and after a trailing comma or comment', () => {
    expect(merged('{ "mcpServers": { "a": {} } }', 'cursor')).toBe(`{ "mcpServers": { "a": {}, "nevent-app": ${JSON.stringify(buildServerEntry('cursor', launcher))} } }`);
    const commented = merged('{\n  "mcpServers": {\n    "a": {} // mine\n  }\n}\n', 'cursor');
    expect(commented.startsWith('{\n  "mcpServers": {\n    "a": {}, // mine\n    "nevent-app": {\n      "command"')).toBe(true);
    const trailing = merged('{\n  "mcpServers": {\n    "a": {},\n  },\n}\n', 'cursor');
    expect(trailing.startsWith('{\n  "mcpServers": {\n    "a": {},\n    "nevent-app": {')).toBe(true);
    expect(trailing.endsWith('    }\n  },\n}\n')).toBe(true);
    for (const text of [commented, trailing]) expect(parseJsonc(text)).toEqual({ mcpServers: { a: {}, [serverKey]: buildServerEntry('cursor', launcher) } });
  });

  it('keeps a UTF-8 BOM, and writes into nothing or an empty file', () => {
    const withBom = merged('\uFEFF{ "mcpServers": {} }\n', 'cursor');
    expect(withBom.startsWith('\uFEFF{')).toBe(true);
    expect(parseJsonc(withBom.slice(1))).toEqual({ mcpServers: { [serverKey]: buildServerEntry('cursor', launcher) } });
    expect(JSON.parse(merged(null, 'gemini'))).toEqual({ mcpServers: { [serverKey]: buildServerEntry('gemini', launcher) } });
    expect(JSON.parse(merged('  \n', 'zed'))).toEqual({ context_servers: { [serverKey]: buildServerEntry('zed', launcher) } });
  });

  it('renames an entry under our older key in place (the person\'s fields kept), or drops it when the current one exists', () => {
    const older = ['{', '  // mine', '  "mcpServers": {', '    "other": { "command": "x" },', '    "nevent-companion": { "command": "old", "args": ["old.mjs", "mcp", "--attach", "--verbose"], "env": { "HTTPS_PROXY": "http://p:1" }, "disabled": false }, // ours, from before', '    "last": {}', '  }', '}', ''].join('\n');
    const renamed = merged(older, 'claude');
    expect(renamed).toContain('    "nevent-app": {');
    expect(renamed).toContain('// ours, from before');
    expect(renamed).not.toContain('nevent-companion"');
    const value = parseJsonc(renamed) as { mcpServers: Record<string, unknown> };
    expect(Object.keys(value.mcpServers)).toEqual(['other', 'nevent-app', 'last']);
    expect(value.mcpServers['nevent-app']).toEqual({ command: '/usr/bin/node', args: [...attach, '--verbose'], env: { HTTPS_PROXY: 'http://p:1' }, disabled: false });
    expect(mergeServerEntry(renamed, 'claude', launcher)).toEqual({ ok: true, text: renamed, changed: false });

    const both = merged(JSON.stringify({ mcpServers: { 'nevent-companion': { command: 'old' }, other: {}, 'nevent-app': buildServerEntry('claude', launcher) } }, null, 2), 'claude');
    expect(JSON.parse(both)).toEqual({ mcpServers: { other: {}, 'nevent-app': buildServerEntry('claude', launcher) } });
    const last = merged('{ "mcpServers": { "nevent-app": {}, "nevent-companion": { "command": "old" } } }', 'claude');
    expect(JSON.parse(last)).toEqual({ mcpServers: { 'nevent-app': { command: '/usr/bin/node', args: attach } } });

    // The HTTP entry migrates from its own older key, and never touches the socket entry.
    const http = { http: { url: 'http://127.0.0.1:4100/mcp' } };
    const httpOlder = JSON.stringify({ mcpServers: { 'nevent-companion-http': { httpUrl: 'http://127.0.0.1:1/mcp', headers: { Authorization: 'Bearer ${NEVENT_COMPANION_BRIDGE_TOKEN}' }, timeout: 5000 }, 'nevent-companion': { command: 'old' } } }, null, 2);
    expect(JSON.parse(merged(httpOlder, 'gemini', launcher, http))).toEqual({ mcpServers: { [httpServerKey]: { ...buildServerEntry('gemini', launcher, http), timeout: 5000 }, 'nevent-companion': { command: 'old' } } });
  });

  it('writes opencode\'s command array, keeping what the person added after --attach', () => {
    const existing = '{\n  "$schema": "https://opencode.ai/config.json",\n  // my servers\n  "mcp": {\n    "nevent-app": { "type": "local", "command": ["old", "x.mjs", "mcp", "--attach", "--verbose"], "enabled": true }\n  }\n}\n';
    const value = parseJsonc(merged(existing, 'opencode', installed)) as { mcp: Record<string, unknown> };
    expect(value.mcp['nevent-app']).toEqual({ type: 'local', command: [installed.command, ...installed.args, 'mcp', '--attach', '--verbose'], enabled: true, environment: { ELECTRON_RUN_AS_NODE: '1' } });
  });

  it('refuses malformed files and wrong shapes, saying where', () => {
    expect(mergeServerEntry('{\n  "a": 1\n  "b": 2\n}', 'claude', launcher)).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid JSON \(CommaExpected at line 3, column 3\)/) });
    expect(mergeServerEntry('null', 'claude', launcher)).toMatchObject({ ok: false });
    expect(mergeServerEntry('"text"', 'claude', launcher)).toMatchObject({ ok: false });
    expect(mergeServerEntry('[]', 'claude', launcher)).toMatchObject({ ok: false, reason: expect.stringMatching(/top level is an array/) });
    expect(mergeServerEntry('{"mcpServers":[]}', 'claude', launcher)).toMatchObject({ ok: false, reason: expect.stringMatching(/"mcpServers" is an array/) });
    expect(mergeServerEntry('{"mcpServers":{"nevent-app":"x"}}', 'claude', launcher)).toMatchObject({ ok: false, reason: expect.stringMatching(/nevent-app" is a string/) });
    // An older entry of ours in the wrong shape is refused too, not renamed.
    expect(mergeServerEntry('{"mcpServers":{"nevent-companion":[]}}', 'claude', launcher)).toMatchObject({ ok: false, reason: expect.stringMatching(/nevent-companion" is an array/) });
  });
});

describe('Codex TOML merges', () => {
  const config = ['# Codex settings', 'model = "o3"', '', '[mcp_servers.github]', 'command = "npx" # trailing comment', 'args = ["-y", "@modelcontextprotocol/server-github"]', '', '[profiles.fast]', 'model = "o4-mini"', ''].join('\n');

  it('appends our table, keeping every other byte', () => {
    const text = merged(config, 'codex');
    expect(text.startsWith(config)).toBe(true);
    expect(text.slice(config.length)).toBe('\n[mcp_servers.nevent-app]\ncommand = "/usr/bin/node"\nargs = ["/opt/nevent/bin/nevent-companion.mjs", "mcp", "--attach"]\n');
    expect(mergeServerEntry(text, 'codex', launcher)).toEqual({ ok: true, text, changed: false });
  });

  it('rewrites only our values in place: comments, the person\'s keys, env and sub-tables stay', () => {
    const ours = ['[mcp_servers.nevent-app]', '# why this timeout', 'command = "old"', 'args = ["old.mjs", "mcp", "--attach", "--extra"]', 'startup_timeout_sec = 30', '', '[mcp_servers.nevent-app.env]', 'HTTPS_PROXY = "http://proxy:3128"', '', '[mcp_servers.nevent-app.tools.nevent_help]', 'approval_mode = "auto"', ''].join('\n');
    const text = merged(`${config}\n${ours}`, 'codex', installed);
    expect(text.startsWith(config)).toBe(true);
    expect(text).toContain('# why this timeout\n');
    expect(text).toContain('startup_timeout_sec = 30\n');
    expect(text).toContain('[mcp_servers.nevent-app.tools.nevent_help]\napproval_mode = "auto"\n');
    const value = getStaticTOMLValue(parseTOML(text)) as { mcp_servers: Record<string, unknown> };
    expect(value.mcp_servers[serverKey]).toEqual({
      command: installed.command,
      args: [...installed.args, 'mcp', '--attach', '--extra'],
      startup_timeout_sec: 30,
      env: { HTTPS_PROXY: 'http://proxy:3128', ELECTRON_RUN_AS_NODE: '1' },
      tools: { nevent_help: { approval_mode: 'auto' } },
    });
    expect(value.mcp_servers.github).toEqual({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'] });
  });

  it('adds the servers table to a file that has none', () => {
    const text = merged('model = "o3"\n', 'codex');
    expect(getStaticTOMLValue(parseTOML(text))).toEqual({ model: 'o3', mcp_servers: { [serverKey]: buildServerEntry('codex', launcher) } });
    expect(parseJsonc(merged('{ "theme": "dark" }', 'opencode'))).toEqual({ theme: 'dark', mcp: { [serverKey]: buildServerEntry('opencode', launcher) } });
  });

  it('renames our older tables (and their sub-tables) in place, or drops them when the current one exists', () => {
    const older = ['[mcp_servers.nevent-companion]', '# why', 'command = "old"', 'args = ["old.mjs", "mcp", "--attach"]', '', '[mcp_servers.nevent-companion.env]', 'HTTPS_PROXY = "http://p:1"', ''].join('\n');
    const renamed = merged(`${config}\n${older}`, 'codex');
    expect(renamed.startsWith(config)).toBe(true);
    expect(renamed).toContain('[mcp_servers.nevent-app]\n# why\n');
    expect(renamed).toContain('[mcp_servers.nevent-app.env]\nHTTPS_PROXY = "http://p:1"');
    expect(renamed).not.toContain('nevent-companion]');
    const value = getStaticTOMLValue(parseTOML(renamed)) as { mcp_servers: Record<string, unknown> };
    expect(value.mcp_servers['nevent-app']).toEqual({ command: '/usr/bin/node', args: attach, env: { HTTPS_PROXY: 'http://p:1' } });

    const both = merged(`${renamed}\n${older}`, 'codex');
    expect(both).not.toContain('nevent-companion]');
    expect(getStaticTOMLValue(parseTOML(both))).toEqual(getStaticTOMLValue(parseTOML(renamed)));
  });

  it('refuses what it cannot edit safely, and malformed TOML, saying why', () => {
    expect(mergeServerEntry('mcp_servers = { github = { command = "npx" } }\n', 'codex', launcher)).toMatchObject({ ok: false, reason: expect.stringMatching(/inline table/) });
    expect(mergeServerEntry('[mcp_servers]\nnevent-app.command = "x"\n', 'codex', launcher)).toMatchObject({ ok: false, reason: expect.stringMatching(/dotted keys or an inline table/) });
    expect(mergeServerEntry('[mcp_servers]\nnevent-companion.command = "x"\n', 'codex', launcher)).toMatchObject({ ok: false, reason: expect.stringMatching(/older "mcp_servers.nevent-companion" entry .* rename it to "nevent-app" by hand/) });
    expect(mergeServerEntry('model = \n', 'codex', launcher)).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid TOML/) });
    expect(mergeServerEntry('[[mcp_servers.nevent-app]]\ncommand = "x"\n', 'codex', launcher)).toMatchObject({ ok: false });
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
    expect(at('gemini', 'linux', { GEMINI_CLI_HOME: '/gh' })).toBe('/gh/.gemini/settings.json');
    expect(at('copilot', 'linux')).toBe('/home/u/.copilot/mcp-config.json');
    expect(at('copilot', 'linux', { COPILOT_HOME: '/cp' })).toBe('/cp/mcp-config.json');
    expect(at('copilot', 'win32')).toMatch(/u.\.copilot.mcp-config\.json$/);
    expect(at('qwen', 'darwin')).toBe('/home/u/.qwen/settings.json');
    expect(at('qwen', 'linux', { QWEN_HOME: '/qh' })).toBe('/qh/settings.json');
    expect(at('opencode', 'darwin')).toBe('/home/u/.config/opencode/opencode.json');
    expect(at('opencode', 'linux', { XDG_CONFIG_HOME: '/xdg' })).toBe('/xdg/opencode/opencode.json');
    expect(at('opencode', 'win32')).toMatch(/u.\.config.opencode.opencode\.json$/);
    expect(clientInstallMarkers('claude-code', { platform: 'linux', home, env: {} })).toEqual(['/home/u/.claude.json', '/home/u/.claude']);
  });

  it('stamps backups in a file-name-safe UTC form', () => {
    expect(backupStamp(new Date('2026-11-25T22:05:01.123Z'))).toBe('20261125T220501Z');
  });
});
