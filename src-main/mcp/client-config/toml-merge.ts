/**
 * Our entry into Codex CLI's `config.toml`, changing only the bytes of our own table.
 *
 * Why this way: the TOML libraries that serialize (smol-toml, @iarna/toml) rewrite the whole file from
 * values, which drops every comment and layout choice. toml-eslint-parser (the parser behind
 * eslint-plugin-toml, full TOML 1.0) gives each table and key/value its exact source range, so we edit
 * text at those ranges — our `command`, `args` and `env` values, or our table appended at the end — and
 * leave all else alone. Then the result is parsed again and compared: every value outside our entry
 * must be what it was, and ours what we meant; otherwise nothing is written.
 *
 *   [mcp_servers.nevent-app]                ← exists: command/args replaced in place, the rest kept
 *   command = "…"                             (comments, other keys, sub-tables such as .tools.*)
 *   args = ["…", "mcp", "--attach"]
 *   env = { ELECTRON_RUN_AS_NODE = "1" }    ← or a [mcp_servers.nevent-app.env] table, merged in place
 *
 * Tables under one of our older keys ([mcp_servers.nevent-companion] and its sub-tables) get the current
 * key in their headers — nothing else in them changes — or are removed when the current key is there too.
 */
import { isDeepStrictEqual } from 'node:util';
import { getStaticTOMLValue, parseTOML } from 'toml-eslint-parser';
import type { AST } from 'toml-eslint-parser';
import { buildServerEntry, entryKey, envKey, legacyEntryKeys, ownedFields, serversKey, tomlKey, tomlTable, tomlValue, type ClientKind, type EntryOptions, type Launcher } from './entry';
import { isPlainObject, lineAndColumn, mergeArgs, splitBom, type MergeResult } from './merge-rules';

type Edit = { start: number; end: number; text: string };

const keyOf = (node: AST.TOMLKeyValue): string[] => node.key.keys.map((k) => (k.type === 'TOMLBare' ? k.name : k.value));
const samePath = (a: readonly (string | number)[], b: readonly string[]): boolean => a.length === b.length && a.every((part, i) => part === b[i]);

/** The end of the line `offset` is on (before its newline), where a new line can be added below. */
function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
}

/** Everything but our entries (current and older keys; a server table left empty goes too), for the before/after comparison. */
function withoutOurs(value: Record<string, unknown>, key: string, ours: readonly string[]): Record<string, unknown> {
  const { [key]: servers, ...rest } = value;
  if (!isPlainObject(servers)) return value;
  const others = Object.fromEntries(Object.entries(servers).filter(([name]) => !ours.includes(name)));
  return Object.keys(others).length === 0 ? rest : { ...rest, [key]: others };
}

const tablesOf = (ast: AST.TOMLProgram): AST.TOMLTable[] => ast.body.flatMap((top) => top.body.filter((node): node is AST.TOMLTable => node.type === 'TOMLTable'));

/**
 * Our older entries: their tables renamed to `current` when it is missing (the first key found), removed
 * when it is there. A null `text` means an older entry is written in a way this tool does not rewrite.
 */
function migrateLegacyTables(body: string, key: string, current: string, legacy: readonly string[]): { text: string } | { refused: string } {
  let text = body;
  for (const old of legacy) {
    const ast = parseTOML(text);
    const value = getStaticTOMLValue(ast) as Record<string, unknown>;
    const servers = value[key];
    if (!isPlainObject(servers) || servers[old] === undefined) continue;
    const tables = tablesOf(ast).filter((table) => table.resolvedKey[0] === key && table.resolvedKey[1] === old);
    if (!tables.some((table) => table.resolvedKey.length === 2) || tables.some((table) => table.kind === 'array')) {
      return { refused: `its older "${key}.${old}" entry is written with dotted keys or an inline table, which this tool does not rewrite; rename it to "${current}" by hand` };
    }
    const rename = servers[current] === undefined;
    // From the end backwards, so earlier offsets stay valid.
    for (const table of [...tables].sort((a, b) => b.range[0] - a.range[0])) {
      if (rename) {
        const path = [key, current, ...table.resolvedKey.slice(2).map(String)].map(tomlKey).join('.');
        text = `${text.slice(0, table.key.range[0])}${path}${text.slice(table.key.range[1])}`;
      } else {
        const end = text.indexOf('\n', table.range[1]);
        text = `${text.slice(0, table.range[0])}${text.slice(end === -1 ? text.length : end + 1)}`;
      }
    }
  }
  return { text };
}

/** Merges our entry into `existing` (null: no file yet). */
export function mergeTomlEntry(existing: string | null, kind: ClientKind, launcher: Launcher, options: EntryOptions = {}): MergeResult {
  const key = serversKey(kind);
  const serverKey = entryKey(options);
  const fresh = tomlTable([key, serverKey], buildServerEntry(kind, launcher, options));
  if (existing === null) return { ok: true, text: fresh, changed: true };
  const { bom, body: original } = splitBom(existing);
  if (original.trim() === '') return { ok: true, text: `${bom}${fresh}`, changed: true };

  let originalValue: Record<string, unknown>;
  try {
    originalValue = getStaticTOMLValue(parseTOML(original)) as Record<string, unknown>;
  } catch (error) {
    const at = error as { index?: unknown; message?: unknown };
    return { ok: false, reason: `it is not valid TOML (${String(at.message ?? 'parse error')}${typeof at.index === 'number' ? ` at ${lineAndColumn(original, at.index)}` : ''})` };
  }
  const legacy = legacyEntryKeys(options);
  if (originalValue[key] !== undefined && !isPlainObject(originalValue[key])) return { ok: false, reason: `its "${key}" is not a table` };
  const migrated = migrateLegacyTables(original, key, serverKey, legacy);
  if ('refused' in migrated) return { ok: false, reason: migrated.refused };
  const body = migrated.text;
  let ast: AST.TOMLProgram;
  try {
    ast = parseTOML(body);
  } catch {
    return { ok: false, reason: `its older "${key}" entry cannot be renamed without breaking the file; rename it to "${serverKey}" by hand` };
  }
  const before = getStaticTOMLValue(ast) as Record<string, unknown>;
  const servers = before[key];
  if (servers !== undefined && !isPlainObject(servers)) return { ok: false, reason: `its "${key}" is not a table` };
  const current = isPlainObject(servers) ? servers[serverKey] : undefined;
  if (current !== undefined && !isPlainObject(current)) return { ok: false, reason: `its "${key}.${serverKey}" is not a table` };

  const tables = tablesOf(ast);
  const ours = tables.filter((table) => table.resolvedKey.length >= 2 && table.resolvedKey[0] === key && table.resolvedKey[1] === serverKey);
  if (ours.some((table) => table.kind === 'array')) return { ok: false, reason: `its "${key}.${serverKey}" uses an array of tables` };
  const main = ours.find((table) => samePath(table.resolvedKey, [key, serverKey]));
  if (current !== undefined && main === undefined) {
    return { ok: false, reason: `its "${key}.${serverKey}" entry is written with dotted keys or an inline table, which this tool does not rewrite; edit it by hand` };
  }

  // An HTTP entry starts nothing: the launcher's environment is not its business.
  const env = options.http === undefined ? (launcher.env ?? {}) : {};
  const name = envKey(kind);
  const edits: Edit[] = [];
  let intended: Record<string, unknown>;
  if (main === undefined) {
    const separator = body.endsWith('\n\n') ? '' : body.endsWith('\n') ? '\n' : '\n\n';
    edits.push({ start: body.length, end: body.length, text: `${separator}${fresh}` });
    intended = buildServerEntry(kind, launcher, options);
  } else {
    const entry = current as Record<string, unknown>;
    const pairs = main.body;
    const headerEnd = endOfLine(body, main.range[0]);
    const setLine = (field: string, value: unknown): void => {
      const pair = pairs.find((kv) => samePath(keyOf(kv), [field]));
      const line = `${tomlKey(field)} = ${tomlValue(value)}`;
      if (pair !== undefined) edits.push({ start: pair.range[0], end: pair.range[1], text: line });
      else edits.push({ start: headerEnd, end: headerEnd, text: `\n${line}` });
    };
    intended = { ...entry };
    for (const [field, value] of Object.entries(ownedFields(kind, launcher, options))) {
      const next = field === 'args' ? mergeArgs(value as string[], entry.args) : value;
      intended[field] = next;
      if (!isDeepStrictEqual(entry[field], next)) setLine(field, next);
    }
    const currentEnv = entry[name];
    if (Object.keys(env).length > 0 && !Object.entries(env).every(([k, v]) => isPlainObject(currentEnv) && currentEnv[k] === v)) {
      if (currentEnv !== undefined && !isPlainObject(currentEnv)) return { ok: false, reason: `its "${key}.${serverKey}.${name}" is not a table` };
      const merged = { ...currentEnv, ...env };
      intended[name] = merged;
      const envTable = ours.find((table) => samePath(table.resolvedKey, [key, serverKey, name]));
      const inline = pairs.find((kv) => samePath(keyOf(kv), [name]));
      if (envTable !== undefined) {
        const envHeaderEnd = endOfLine(body, envTable.range[0]);
        for (const [variable, value] of Object.entries(env)) {
          const pair = envTable.body.find((kv) => samePath(keyOf(kv), [variable]));
          const line = `${tomlKey(variable)} = ${tomlValue(value)}`;
          if (pair !== undefined) edits.push({ start: pair.range[0], end: pair.range[1], text: line });
          else edits.push({ start: envHeaderEnd, end: envHeaderEnd, text: `\n${line}` });
        }
      } else if (inline !== undefined || currentEnv === undefined) {
        setLine(name, merged);
      } else {
        return { ok: false, reason: `its "${key}.${serverKey}.${name}" is written with dotted keys, which this tool does not rewrite; edit it by hand` };
      }
    }
  }

  let text = body;
  // From the end backwards, so earlier offsets stay valid; inserts at one spot keep their order.
  const ordered = edits.map((edit, index) => ({ edit, index })).sort((a, b) => b.edit.start - a.edit.start || b.index - a.index);
  for (const { edit } of ordered) text = `${text.slice(0, edit.start)}${edit.text}${text.slice(edit.end)}`;

  // Only our entry may differ, and it must be what we meant.
  let after: Record<string, unknown>;
  try {
    after = getStaticTOMLValue(parseTOML(text)) as Record<string, unknown>;
  } catch {
    return { ok: false, reason: `the entry cannot be added without breaking the file (is "${key}" an inline table?); add it by hand` };
  }
  const written = (after[key] as Record<string, unknown> | undefined)?.[serverKey];
  const ourKeys = [serverKey, ...legacy];
  if (!isDeepStrictEqual(withoutOurs(after, key, ourKeys), withoutOurs(originalValue, key, ourKeys)) || !isDeepStrictEqual(written, intended)) {
    return { ok: false, reason: 'the entry cannot be added without changing other settings; add it by hand' };
  }
  return { ok: true, text: `${bom}${text}`, changed: text !== original };
}
