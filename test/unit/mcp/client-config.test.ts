import { describe, expect, it } from 'vitest';
import { buildConfigSnippet, buildServerEntry, lineDiff, mergeServerEntry } from '../../../src-main/mcp/client-config/entry';
import { clientConfigPath } from '../../../src-main/mcp/client-config/paths';
import { backupStamp } from '../../../src-main/mcp/client-config/write';

const launcher = { command: '/usr/bin/node', args: ['/opt/nevent/bin/nevent-companion.mjs'] };

describe('client config entries', () => {
  it('builds each client\'s entry running `mcp --attach`, with no token anywhere', () => {
    expect(buildServerEntry('claude', launcher)).toEqual({ command: '/usr/bin/node', args: ['/opt/nevent/bin/nevent-companion.mjs', 'mcp', '--attach'], env: {} });
    expect(buildServerEntry('cursor', launcher)).toEqual(buildServerEntry('claude', launcher));
    expect(buildServerEntry('vscode', launcher)).toEqual({ type: 'stdio', command: '/usr/bin/node', args: ['/opt/nevent/bin/nevent-companion.mjs', 'mcp', '--attach'] });
    expect(Object.keys(buildConfigSnippet('claude', launcher))).toEqual(['mcpServers']);
    expect(Object.keys(buildConfigSnippet('vscode', launcher))).toEqual(['servers']);
  });

  it('merges into nothing, an empty file, or an existing file keeping order and other entries', () => {
    const fresh = mergeServerEntry(null, 'cursor', launcher);
    expect(fresh.ok && JSON.parse(fresh.text)).toEqual(buildConfigSnippet('cursor', launcher));
    const empty = mergeServerEntry('  \n', 'vscode', launcher);
    expect(empty.ok && JSON.parse(empty.text)).toEqual(buildConfigSnippet('vscode', launcher));

    const existing = JSON.stringify({ inputs: [], servers: { other: { type: 'http', url: 'http://x' } } });
    const merged = mergeServerEntry(existing, 'vscode', launcher);
    if (!merged.ok) throw new Error(merged.reason);
    const parsed = JSON.parse(merged.text) as { servers: Record<string, unknown> };
    expect(Object.keys(parsed)).toEqual(['inputs', 'servers']);
    expect(Object.keys(parsed.servers)).toEqual(['other', 'nevent-companion']);
    expect(merged.changed).toBe(true);
    const again = mergeServerEntry(merged.text, 'vscode', launcher);
    expect(again.ok && again.changed).toBe(false);
  });

  it('refuses malformed JSON and wrong shapes', () => {
    expect(mergeServerEntry('{', 'claude', launcher)).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid JSON/) });
    expect(mergeServerEntry('null', 'claude', launcher)).toMatchObject({ ok: false });
    expect(mergeServerEntry('"text"', 'claude', launcher)).toMatchObject({ ok: false });
    expect(mergeServerEntry('[]', 'claude', launcher)).toMatchObject({ ok: false, reason: expect.stringMatching(/top level/) });
    expect(mergeServerEntry('{"mcpServers":[]}', 'claude', launcher)).toMatchObject({ ok: false, reason: expect.stringMatching(/mcpServers/) });
  });

  it('diffs line by line', () => {
    expect(lineDiff('a\nb\nc\n', 'a\nx\nc\n')).toBe('  a\n- b\n+ x\n  c');
    expect(lineDiff('', '{\n}\n')).toBe('+ {\n+ }');
    expect(lineDiff('same\n', 'same\n')).toBe('  same');
  });

  it('knows each client\'s config path per OS', () => {
    const home = '/home/u';
    expect(clientConfigPath('claude', { platform: 'darwin', home, env: {} })).toBe('/home/u/Library/Application Support/Claude/claude_desktop_config.json');
    expect(clientConfigPath('claude', { platform: 'linux', home, env: {} })).toBe('/home/u/.config/Claude/claude_desktop_config.json');
    expect(clientConfigPath('claude', { platform: 'linux', home, env: { XDG_CONFIG_HOME: '/xdg' } })).toBe('/xdg/Claude/claude_desktop_config.json');
    expect(clientConfigPath('claude', { platform: 'win32', home, env: { APPDATA: '/appdata' } })).toMatch(/appdata.Claude.claude_desktop_config\.json$/);
    expect(clientConfigPath('cursor', { platform: 'linux', home, env: {} })).toBe('/home/u/.cursor/mcp.json');
    expect(clientConfigPath('vscode', { platform: 'darwin', home, env: {} })).toBe('/home/u/Library/Application Support/Code/User/mcp.json');
    expect(clientConfigPath('vscode', { platform: 'linux', home, env: {} })).toBe('/home/u/.config/Code/User/mcp.json');
  });

  it('stamps backups in a file-name-safe UTC form', () => {
    expect(backupStamp(new Date('2026-11-25T22:05:01.123Z'))).toBe('20261125T220501Z');
  });
});
