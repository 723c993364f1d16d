/**
 * Client configuration, the pure part: which AI clients we configure, the MCP server entry each one
 * needs (its own shape and file format), and the snippet `nevent-companion config <client>` prints.
 * No I/O here, so the desktop's "connect a client" panel can preview exactly what `config --write`
 * would do (merging is merge.ts; where the files live is paths.ts).
 *
 *   claude       Claude Desktop      JSON   { "mcpServers":      { "nevent-app": { command, args, env } } }
 *   claude-code  Claude Code         JSON   { "mcpServers":      { "nevent-app": { type: "stdio", command, args, env } } }
 *   cursor       Cursor              JSON   { "mcpServers":      { "nevent-app": { command, args, env } } }
 *   vscode       VS Code             JSONC  { "servers":         { "nevent-app": { type: "stdio", command, args, env? } } }
 *   windsurf     Windsurf            JSON   { "mcpServers":      { "nevent-app": { command, args, env } } }
 *   zed          Zed                 JSONC  { "context_servers": { "nevent-app": { command, args, env } } }
 *   codex        Codex CLI           TOML   [mcp_servers.nevent-app]  command, args, env
 *   gemini       Gemini CLI          JSON   { "mcpServers":      { "nevent-app": { command, args, env } } }
 *   copilot      GitHub Copilot CLI  JSON   { "mcpServers":      { "nevent-app": { type: "local", command, args, env?, tools: ["*"] } } }
 *   qwen         Qwen Code           JSON   { "mcpServers":      { "nevent-app": { command, args, env } } }
 *   opencode     opencode            JSONC  { "mcp":             { "nevent-app": { type: "local", command: [cmd, ...args], environment? } } }
 *
 * The entry runs `mcp --attach` (with `--socket PATH` when the app's socket is not the default), so the
 * client talks to the running app, which holds the sign-in. No token is ever part of an entry; the only
 * environment it carries is the launcher's (e.g. ELECTRON_RUN_AS_NODE=1 for the installed app).
 *
 * For clients that prefer HTTP, a second entry (`nevent-http`, beside the socket one, so switching never
 * has to delete anyone's fields) names the app's loopback endpoint. Its bridge token is never written:
 * each client reads it from NEVENT_COMPANION_BRIDGE_TOKEN in its own way (`${VAR}`, `${env:VAR}`,
 * `{env:VAR}`, or Codex's `bearer_token_env_var`). Claude Desktop and Zed cannot read a header value from
 * the environment, so they are offered the socket entry only.
 *
 * The entry keys are short because clients name a tool `<prefix with the key><tool>` and cut or garble
 * names over 64 characters (docs/ai-clients.md has each client's scheme; a unit test checks every one
 * against our longest tool). Entries written under the older, longer keys are renamed on the next write.
 */
import { missingCaseError } from '../../../src-shared/missing-case';
import { McpClientSchema, type McpClient } from '../../../src-shared/ipc';

/** AI clients we can configure (the IPC contract's list: one source). */
export const clientKinds = McpClientSchema.options;
/** An AI client. */
export type ClientKind = McpClient;

/** The server's key inside the client's server map. */
export const serverKey = 'nevent-app';

/** How to start our CLI: an executable, the arguments before `mcp --attach`, and its environment. */
export interface Launcher {
  command: string;
  args: string[];
  /** Variables the command needs (the installed app: ELECTRON_RUN_AS_NODE=1); never a secret. */
  env?: Record<string, string>;
}

/** What else an entry depends on. */
export interface EntryOptions {
  /** The app's socket when it is not the default one: the entry passes `--socket PATH`. */
  socketPath?: string;
  /** An HTTP entry for the app's loopback endpoint instead of the socket one. */
  http?: { url: string };
}

/** The key of our HTTP entry, kept apart from the socket entry's. */
export const httpServerKey = 'nevent-http';

/** Where every HTTP entry tells its client to find the bridge token. */
export const bridgeTokenEnvVar = 'NEVENT_COMPANION_BRIDGE_TOKEN';

/** The key our entry has in the client's server map. */
export function entryKey(options: EntryOptions = {}): string {
  return options.http === undefined ? serverKey : httpServerKey;
}

/** Keys earlier versions wrote the same entry under: a write renames them to `entryKey` (one entry, never two). */
export function legacyEntryKeys(options: EntryOptions = {}): readonly string[] {
  return options.http === undefined ? ['nevent-companion'] : ['nevent-companion-http'];
}

/** Why `kind` cannot take an HTTP entry (null: it can). */
export function httpUnsupportedReason(kind: ClientKind): string | null {
  switch (kind) {
    case 'claude':
      return 'Claude Desktop reads only local (command) servers from its config file; use the socket entry';
    case 'zed':
      return 'Zed cannot read the bridge token from the environment, so the entry would have to hold it in plain text; use the socket entry';
    case 'claude-code':
    case 'cursor':
    case 'vscode':
    case 'windsurf':
    case 'codex':
    case 'gemini':
    case 'copilot':
    case 'qwen':
    case 'opencode':
      return null;
    default:
      return missingCaseError(kind);
  }
}

/** The fields of an HTTP entry: the URL under the client's name for it, and the token by reference. */
function httpFields(kind: ClientKind, url: string): Record<string, unknown> {
  const header = (reference: string): Record<string, string> => ({ Authorization: `Bearer ${reference}` });
  switch (kind) {
    case 'claude-code':
      return { type: 'http', url, headers: header(`\${${bridgeTokenEnvVar}}`) };
    case 'vscode':
      return { type: 'http', url, headers: header(`\${env:${bridgeTokenEnvVar}}`) };
    case 'cursor':
      return { url, headers: header(`\${env:${bridgeTokenEnvVar}}`) };
    case 'windsurf':
      return { serverUrl: url, headers: header(`\${env:${bridgeTokenEnvVar}}`) };
    case 'gemini':
    case 'qwen':
      return { httpUrl: url, headers: header(`\${${bridgeTokenEnvVar}}`) };
    case 'copilot':
      return { type: 'http', url, headers: header(`\${${bridgeTokenEnvVar}}`) };
    case 'opencode':
      // oauth: false — opencode would otherwise treat our 401 as "needs authentication" and offer OAuth.
      return { type: 'remote', url, headers: header(`{env:${bridgeTokenEnvVar}}`), oauth: false };
    case 'codex':
      return { url, bearer_token_env_var: bridgeTokenEnvVar };
    case 'claude':
    case 'zed':
      throw new Error(httpUnsupportedReason(kind) ?? 'no HTTP entry');
    default:
      return missingCaseError(kind);
  }
}

/** The file format a client's config is in. */
export type ConfigFormat = 'json' | 'jsonc' | 'toml';

/** A client's display name. */
export function clientLabel(kind: ClientKind): string {
  switch (kind) {
    case 'claude':
      return 'Claude Desktop';
    case 'claude-code':
      return 'Claude Code';
    case 'cursor':
      return 'Cursor';
    case 'vscode':
      return 'VS Code';
    case 'windsurf':
      return 'Windsurf';
    case 'zed':
      return 'Zed';
    case 'codex':
      return 'Codex CLI';
    case 'gemini':
      return 'Gemini CLI';
    case 'copilot':
      return 'GitHub Copilot CLI';
    case 'qwen':
      return 'Qwen Code';
    case 'opencode':
      return 'opencode';
    default:
      return missingCaseError(kind);
  }
}

/** The format of the client's config file (JSONC: comments and trailing commas are normal there). */
export function configFormat(kind: ClientKind): ConfigFormat {
  switch (kind) {
    case 'vscode':
    case 'zed':
    case 'opencode':
      return 'jsonc';
    case 'codex':
      return 'toml';
    case 'claude':
    case 'claude-code':
    case 'cursor':
    case 'windsurf':
    case 'gemini':
    case 'copilot':
    case 'qwen':
      return 'json';
    default:
      return missingCaseError(kind);
  }
}

/** The key holding MCP servers in the client's file (a TOML table name for Codex). */
export function serversKey(kind: ClientKind): string {
  switch (kind) {
    case 'claude':
    case 'claude-code':
    case 'cursor':
    case 'windsurf':
    case 'gemini':
    case 'copilot':
    case 'qwen':
      return 'mcpServers';
    case 'vscode':
      return 'servers';
    case 'zed':
      return 'context_servers';
    case 'codex':
      return 'mcp_servers';
    case 'opencode':
      return 'mcp';
    default:
      return missingCaseError(kind);
  }
}

/** The name of the environment map inside an entry. */
export function envKey(kind: ClientKind): string {
  switch (kind) {
    case 'claude':
    case 'claude-code':
    case 'cursor':
    case 'vscode':
    case 'windsurf':
    case 'zed':
    case 'codex':
    case 'gemini':
    case 'copilot':
    case 'qwen':
      return 'env';
    case 'opencode':
      return 'environment';
    default:
      return missingCaseError(kind);
  }
}

/** The field holding our arguments: `args`, or opencode's `command` array (the executable first). */
export function argsField(kind: ClientKind): string {
  return kind === 'opencode' ? 'command' : 'args';
}

/** The arguments of our entry: the launcher's, then `mcp --attach [--socket PATH]`. */
export function entryArgs(launcher: Launcher, options: EntryOptions = {}): string[] {
  return [...launcher.args, 'mcp', '--attach', ...(options.socketPath === undefined ? [] : ['--socket', options.socketPath])];
}

/** The keys of our entry we own and set; anything else in an existing entry is the person's and kept. */
export function ownedFields(kind: ClientKind, launcher: Launcher, options: EntryOptions = {}): Record<string, unknown> {
  if (options.http !== undefined) return httpFields(kind, options.http.url);
  const base = { command: launcher.command, args: entryArgs(launcher, options) };
  switch (kind) {
    case 'claude-code':
    case 'vscode':
      return { type: 'stdio', ...base };
    case 'copilot':
      return { type: 'local', ...base };
    case 'opencode':
      return { type: 'local', command: [launcher.command, ...entryArgs(launcher, options)] };
    case 'claude':
    case 'cursor':
    case 'windsurf':
    case 'zed':
    case 'codex':
    case 'gemini':
    case 'qwen':
      return base;
    default:
      return missingCaseError(kind);
  }
}

/** What a new entry carries beyond our owned fields: the person may change these afterwards (Copilot's tool filter). */
function initialFields(kind: ClientKind): Record<string, unknown> {
  // Copilot CLI offers a server's tools to its model only when they are listed; "*" is all of them.
  return kind === 'copilot' ? { tools: ['*'] } : {};
}

/** Our complete entry for `kind`, as written when the file has none. */
export function buildServerEntry(kind: ClientKind, launcher: Launcher, options: EntryOptions = {}): Record<string, unknown> {
  // An HTTP entry starts nothing, so the launcher's environment has no place in it.
  if (options.http !== undefined) return { ...ownedFields(kind, launcher, options), ...initialFields(kind) };
  const env = { ...launcher.env };
  const fields = { ...ownedFields(kind, launcher, options), ...initialFields(kind) };
  // VS Code, Codex, Copilot and opencode treat the environment as optional; the others have always been written with one.
  const withEmptyEnv = kind !== 'vscode' && kind !== 'codex' && kind !== 'copilot' && kind !== 'opencode';
  return Object.keys(env).length > 0 || withEmptyEnv ? { ...fields, [envKey(kind)]: env } : fields;
}

/** The smallest complete config containing only our entry, in the client's format (what `config <client>` prints). */
export function buildConfigSnippet(kind: ClientKind, launcher: Launcher, options: EntryOptions = {}): string {
  const entry = buildServerEntry(kind, launcher, options);
  if (configFormat(kind) === 'toml') return tomlTable([serversKey(kind), entryKey(options)], entry);
  return `${JSON.stringify({ [serversKey(kind)]: { [entryKey(options)]: entry } }, null, 2)}\n`;
}

/** A TOML key: bare when it can be, else a basic string. */
export function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : tomlString(key);
}

/** A TOML basic string. JSON's string escapes are a subset of TOML's, so JSON.stringify writes one. */
export function tomlString(value: string): string {
  return JSON.stringify(value);
}

/** A TOML value for what our entries hold: strings, string arrays, and string maps (inline tables). */
export function tomlValue(value: unknown): string {
  if (typeof value === 'string') return tomlString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(tomlValue).join(', ')}]`;
  if (typeof value === 'object' && value !== null) return `{ ${Object.entries(value).map(([k, v]) => `${tomlKey(k)} = ${tomlValue(v)}`).join(', ')} }`;
  throw new Error(`cannot write ${typeof value} as TOML`);
}

/** `[a.b]` followed by `key = value` lines (nested maps as inline tables). */
export function tomlTable(path: readonly string[], fields: Record<string, unknown>): string {
  const lines = [`[${path.map(tomlKey).join('.')}]`, ...Object.entries(fields).map(([key, value]) => `${tomlKey(key)} = ${tomlValue(value)}`)];
  return `${lines.join('\n')}\n`;
}
