/**
 * Every AI client puts the entry's key into the name its model sees for each tool, and cuts or garbles
 * names over its limit (Qwen Code hashes them, Gemini CLI cuts the middle out, others fail the request).
 * Our entry keys must leave room for every tool in every client's scheme. The schemes are the clients'
 * own, read from their code or documentation (docs/ai-clients.md says where each comes from).
 */
import { describe, expect, it } from 'vitest';
import { statusToolName } from '../../../src-main/mcp/attach-offline';
import { clientKinds, httpServerKey, httpUnsupportedReason, legacyEntryKeys, serverKey, type ClientKind } from '../../../src-main/mcp/client-config/entry';
import { allTools } from '../../../src-main/mcp/tools';

/** How a client names a server's tool for its model, and how long that name may be. */
const schemes: Record<ClientKind, { name: (key: string, tool: string) => string; limit: number }> = {
  // Not observable here (not on npm): budgeted as Claude Code, which shares the Anthropic API's limit.
  claude: { name: (key, tool) => `mcp__${key}__${tool}`, limit: 64 },
  'claude-code': { name: (key, tool) => `mcp__${key}__${tool}`, limit: 64 },
  // Cursor limits server and tool name together to 60 characters.
  cursor: { name: (key, tool) => `${key}_${tool}`, limit: 60 },
  // VS Code, Windsurf and Zed are not verified here (not on npm): budgeted with a prefix as long as the others'.
  vscode: { name: (key, tool) => `mcp_${key}_${tool}`, limit: 64 },
  windsurf: { name: (key, tool) => `mcp_${key}_${tool}`, limit: 64 },
  zed: { name: (key, tool) => `${key}_${tool}`, limit: 64 },
  codex: { name: (key, tool) => `mcp__${key}__${tool}`, limit: 64 },
  // Gemini CLI cuts names over 63 characters to 30 + "..." + 30.
  gemini: { name: (key, tool) => `mcp_${key}_${tool}`, limit: 63 },
  copilot: { name: (key, tool) => `${key}-${tool}`, limit: 64 },
  // Qwen Code replaces names over 63 characters by a cut one with a hash suffix.
  qwen: { name: (key, tool) => `mcp__${key}__${tool}`, limit: 63 },
  opencode: { name: (key, tool) => `${key}_${tool}`, limit: 64 },
};

const toolNames = [...allTools.map((tool) => tool.name), statusToolName];
const longest = toolNames.reduce((a, b) => (b.length > a.length ? b : a));

/** The keys a client gets entries under: the socket one, and the HTTP one where it can take it. */
const keysOf = (kind: ClientKind): string[] => (httpUnsupportedReason(kind) === null ? [serverKey, httpServerKey] : [serverKey]);

describe('entry keys leave room for every tool name', () => {
  it.each(clientKinds.map((kind) => [kind] as const))("%s: each key + the longest tool fits the client's limit", (kind) => {
    const { name, limit } = schemes[kind];
    for (const key of keysOf(kind)) {
      const full = name(key, longest);
      expect(full.length, `${full} (${full.length} > ${limit})`).toBeLessThanOrEqual(limit);
    }
  });

  it('the older, longer keys did not (what the rename on --write fixes)', () => {
    const older = [...legacyEntryKeys(), ...legacyEntryKeys({ http: { url: 'http://127.0.0.1:1/mcp' } })];
    const garbled = clientKinds.flatMap((kind) => older.filter((key) => schemes[kind].name(key, longest).length > schemes[kind].limit).map((key) => `${kind}:${key}`));
    expect(garbled).toEqual(expect.arrayContaining(['qwen:nevent-companion', 'qwen:nevent-companion-http', 'gemini:nevent-companion-http']));
  });
});
