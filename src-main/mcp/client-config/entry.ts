/**
 * Client configuration, the pure part: the MCP server entry for each AI client, merging it into an
 * existing config file's text, and a line diff to show before writing. No I/O here, so the desktop's
 * "connect a client" panel can preview exactly what `nevent-companion config --write` would do.
 *
 *   Claude Desktop  { "mcpServers": { "nevent-companion": { command, args, env } } }
 *   Cursor          { "mcpServers": { "nevent-companion": { command, args, env } } }
 *   VS Code         { "servers":    { "nevent-companion": { "type": "stdio", command, args } } }
 *
 * The entry runs `mcp --attach`: the client talks to the running app, which holds the sign-in. No
 * token is ever part of an entry.
 */
import { z } from 'zod';
import { missingCaseError } from '../../../src-shared/errors';

/** AI clients we can configure. */
export const clientKinds = ['claude', 'cursor', 'vscode'] as const;
/** An AI client. */
export type ClientKind = (typeof clientKinds)[number];

/** The server's key inside the client's server map. */
export const serverKey = 'nevent-companion';

/** How to start our CLI: an executable and the arguments before `mcp --attach`. */
export interface Launcher {
  command: string;
  args: string[];
  /** Variables the command needs (the installed app's `ELECTRON_RUN_AS_NODE=1`); carried into the entry's env. */
  env?: Record<string, string>;
}

/** A client's display name. */
export function clientLabel(kind: ClientKind): string {
  switch (kind) {
    case 'claude':
      return 'Claude Desktop';
    case 'cursor':
      return 'Cursor';
    case 'vscode':
      return 'VS Code';
    default:
      return missingCaseError(kind);
  }
}

/** The top-level key holding MCP servers in the client's file. */
export function serversKey(kind: ClientKind): 'mcpServers' | 'servers' {
  switch (kind) {
    case 'claude':
    case 'cursor':
      return 'mcpServers';
    case 'vscode':
      return 'servers';
    default:
      return missingCaseError(kind);
  }
}

/** Our server entry for `kind`. */
export function buildServerEntry(kind: ClientKind, launcher: Launcher): Record<string, unknown> {
  const args = [...launcher.args, 'mcp', '--attach'];
  switch (kind) {
    case 'claude':
    case 'cursor':
      return { command: launcher.command, args, env: { ...launcher.env } };
    case 'vscode':
      return { type: 'stdio', command: launcher.command, args, ...(launcher.env === undefined ? {} : { env: { ...launcher.env } }) };
    default:
      return missingCaseError(kind);
  }
}

/** The smallest complete config file containing only our entry (what `config <client>` prints). */
export function buildConfigSnippet(kind: ClientKind, launcher: Launcher): Record<string, unknown> {
  return { [serversKey(kind)]: { [serverKey]: buildServerEntry(kind, launcher) } };
}

/** Result of a merge: the new file text, or why the existing file cannot be merged into. */
export type MergeResult = { ok: true; text: string; changed: boolean } | { ok: false; reason: string };

const JsonObjectSchema = z.record(z.string(), z.unknown());

/**
 * Puts our entry into `existing` (the file's text, or null when there is no file), keeping every other
 * key and server as it was. Malformed JSON, or a non-object where an object belongs, is refused.
 */
export function mergeServerEntry(existing: string | null, kind: ClientKind, launcher: Launcher): MergeResult {
  let root: Record<string, unknown> = {};
  if (existing !== null && existing.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(existing);
    } catch (error) {
      return { ok: false, reason: `it is not valid JSON (${error instanceof Error ? error.message : 'parse error'}); comments and trailing commas are not supported` };
    }
    const object = JsonObjectSchema.safeParse(parsed);
    if (!object.success || Array.isArray(parsed)) return { ok: false, reason: 'its top level is not a JSON object' };
    root = object.data;
  }
  const key = serversKey(kind);
  const current = root[key];
  if (current !== undefined && (typeof current !== 'object' || current === null || Array.isArray(current))) {
    return { ok: false, reason: `its "${key}" is not a JSON object` };
  }
  const servers = { ...(current as Record<string, unknown> | undefined), [serverKey]: buildServerEntry(kind, launcher) };
  // Object spread keeps the original key order; a new key goes last.
  const merged = { ...root, [key]: servers };
  const text = `${JSON.stringify(merged, null, 2)}\n`;
  const changed = existing === null || JSON.stringify(JSON.parse(existing.trim() === '' ? '{}' : existing)) !== JSON.stringify(merged);
  return { ok: true, text, changed };
}

const maxDiffCells = 4_000_000;

/** A line diff (`-` removed, `+` added, two spaces unchanged), for showing a change before writing it. */
export function lineDiff(before: string, after: string): string {
  const a = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const b = after === '' ? [] : after.replace(/\n$/, '').split('\n');
  if (a.length * b.length > maxDiffCells) {
    // Too big for the table below: show it as a full replacement.
    return [...a.map((l) => `- ${l}`), ...b.map((l) => `+ ${l}`)].join('\n');
  }
  // Longest common subsequence table, from the end.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i += 1;
      j += 1;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      out.push(`- ${a[i]}`);
      i += 1;
    } else {
      out.push(`+ ${b[j]}`);
      j += 1;
    }
  }
  while (i < a.length) out.push(`- ${a[i++]}`);
  while (j < b.length) out.push(`+ ${b[j++]}`);
  return out.join('\n');
}
