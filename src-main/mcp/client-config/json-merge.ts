/**
 * Our entry into a JSON or JSONC config file (every client but Codex). Microsoft's jsonc-parser (what VS Code reads its own settings with) parses the file and
 * finds our nodes; each of our values is then written as a text edit at that node — a value replaced
 * in place, or a property inserted after its last sibling in the file's own indentation — so every other
 * byte stays as it was: comments (also one on the line we insert after), trailing commas, key order,
 * number spellings like 12345678901234567891, and the person's own keys inside our entry. (jsonc-parser's
 * own `modify` re-formats the neighbouring property, which is exactly what must not happen.) A BOM is
 * kept. Unparseable files are refused with where the problem is.
 *
 * An entry under one of our older keys (entry.ts `legacyEntryKeys`) is renamed in place — only its key's
 * text changes, so the person's fields in it stay — and then merged like any existing entry; when the
 * current key is already there too, the older entry is removed. Either way the client ends with one entry.
 */
import { findNodeAtLocation, getNodeValue, parse, parseTree, printParseErrorCode, type JSONPath, type Node, type ParseError } from 'jsonc-parser';
import { isDeepStrictEqual } from 'node:util';
import { argsField, buildServerEntry, entryKey, envKey, legacyEntryKeys, ownedFields, serversKey, type ClientKind, type EntryOptions, type Launcher } from './entry';
import { isPlainObject, lineAndColumn, mergeArgs, splitBom, type MergeResult } from './merge-rules';

const parseOptions = { allowTrailingComma: true, disallowComments: false };

/** The file's own indentation unit and line ends, so inserted lines look like their neighbours. */
interface Style {
  unit: string;
  eol: string;
}

function styleOf(text: string): Style {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indented = /^([ \t]+)\S/m.exec(text)?.[1];
  if (indented?.startsWith('\t')) return { unit: '\t', eol };
  return { unit: ' '.repeat(indented === undefined ? 2 : Math.min(indented.length, 8)), eol };
}

const describeNode = (node: Node): string => (node.type === 'object' ? 'an object' : node.type === 'array' ? 'an array' : `a ${node.type}`);

/** The whitespace at the start of the line holding `offset`. */
function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/** `value` as JSON whose continuation lines start at `indent`. */
function valueText(value: unknown, indent: string, style: Style): string {
  return JSON.stringify(value, null, style.unit).replace(/\n/g, `${style.eol}${indent}`);
}

const splice = (text: string, at: number, remove: number, insert: string): string => `${text.slice(0, at)}${insert}${text.slice(at + remove)}`;

/** Where a property ends for an insert after it: past its comma and a comment on the same line. */
function afterProperty(text: string, end: number): { comma: boolean; at: number; sameLineClose: boolean } {
  let at = end;
  const skipBlanks = (): void => {
    while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at += 1;
  };
  skipBlanks();
  const comma = text[at] === ',';
  if (comma) at += 1;
  skipBlanks();
  if (text.startsWith('//', at)) {
    const newline = text.indexOf('\n', at);
    at = newline === -1 ? text.length : newline;
    if (text[at - 1] === '\r') at -= 1;
  } else if (text.startsWith('/*', at)) {
    const close = text.indexOf('*/', at + 2);
    at = close === -1 ? text.length : close + 2;
  }
  const sameLineClose = text[at] === '}';
  return { comma, at: comma || !sameLineClose ? at : end, sameLineClose };
}

/** Inserts `"key": value` as the last property of `object`. */
function insertProperty(text: string, object: Node, key: string, value: unknown, style: Style): string {
  const properties = object.children ?? [];
  const last = properties.at(-1);
  if (last === undefined) {
    // `{}` or `{\n}`: open it up, one level deeper than the line it is on.
    const outer = indentAt(text, object.offset);
    const inner = `${outer}${style.unit}`;
    return splice(text, object.offset + 1, object.length - 2, `${style.eol}${inner}${JSON.stringify(key)}: ${valueText(value, inner, style)}${style.eol}${outer}`);
  }
  const end = last.offset + last.length;
  const place = afterProperty(text, end);
  if (place.sameLineClose) {
    // A one-line object stays one line.
    const inline = `${place.comma ? '' : ','} ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
    return splice(text, end, 0, inline);
  }
  const indent = indentAt(text, last.offset);
  const withComma = place.comma ? text : splice(text, end, 0, ',');
  const at = place.comma ? place.at : place.at + 1;
  return splice(withComma, at, 0, `${style.eol}${indent}${JSON.stringify(key)}: ${valueText(value, indent, style)}`);
}

/** Sets the value at `path`: replaced in place when it exists, else inserted into the nearest existing parent. */
function setValue(text: string, path: JSONPath, value: unknown, style: Style): string {
  const tree = parseTree(text, [], parseOptions) as Node;
  const node = findNodeAtLocation(tree, path);
  if (node !== undefined) return splice(text, node.offset, node.length, valueText(value, indentAt(text, node.parent?.offset ?? node.offset), style));
  for (let depth = path.length - 1; depth >= 0; depth -= 1) {
    const parent = depth === 0 ? tree : findNodeAtLocation(tree, path.slice(0, depth));
    if (parent === undefined) continue;
    // Build what is missing below the parent as one nested value.
    let nested: unknown = value;
    for (let i = path.length - 1; i > depth; i -= 1) nested = { [String(path[i])]: nested };
    return insertProperty(text, parent, String(path[depth]), nested, style);
  }
  return text;
}

/** Removes a property (and the separator that belonged to it) from its object, leaving the rest as it was. */
function removeProperty(text: string, property: Node): string {
  const siblings = property.parent?.children ?? [];
  const index = siblings.indexOf(property);
  const next = siblings[index + 1];
  const previous = siblings[index - 1];
  if (next !== undefined) {
    // Up to the next property, from the start of this one's line when it stands on a line of its own.
    const lineStart = text.lastIndexOf('\n', property.offset - 1) + 1;
    const ownLine = /^[ \t]*$/.test(text.slice(lineStart, property.offset));
    const nextLineStart = text.lastIndexOf('\n', next.offset - 1) + 1;
    const nextOwnLine = /^[ \t]*$/.test(text.slice(nextLineStart, next.offset)) && nextLineStart > property.offset;
    return ownLine && nextOwnLine ? splice(text, lineStart, nextLineStart - lineStart, '') : splice(text, property.offset, next.offset - property.offset, '');
  }
  if (previous !== undefined) {
    const from = previous.offset + previous.length;
    return splice(text, from, property.offset + property.length - from, '');
  }
  const object = property.parent as Node;
  return splice(text, object.offset + 1, object.length - 2, '');
}

/**
 * Our older entries in `text`: renamed to `current` when it is missing (the first one found), removed
 * when it is there. Returns the text with at most one of our entries.
 */
function migrateLegacyEntries(text: string, key: string, current: string, legacy: readonly string[]): string {
  let migrated = text;
  for (const old of legacy) {
    const tree = parseTree(migrated, [], parseOptions) as Node;
    const entry = findNodeAtLocation(tree, [key, old]);
    const property = entry?.parent;
    if (property === undefined || property.type !== 'property') continue;
    const name = property.children?.[0];
    if (findNodeAtLocation(tree, [key, current]) === undefined && name !== undefined) migrated = splice(migrated, name.offset, name.length, JSON.stringify(current));
    else migrated = removeProperty(migrated, property);
  }
  return migrated;
}

/** The file's value without our entries (current and older keys; a server map left empty goes too), for the before/after comparison. */
function withoutOurs(value: unknown, key: string, ours: readonly string[]): unknown {
  if (!isPlainObject(value) || !isPlainObject(value[key])) return value;
  const { [key]: servers, ...rest } = value;
  const others = Object.fromEntries(Object.entries(servers as Record<string, unknown>).filter(([name]) => !ours.includes(name)));
  return Object.keys(others).length === 0 ? rest : { ...rest, [key]: others };
}

/** Merges our entry into `existing` (null: no file yet). */
export function mergeJsonEntry(existing: string | null, kind: ClientKind, launcher: Launcher, options: EntryOptions = {}): MergeResult {
  const key = serversKey(kind);
  const serverKey = entryKey(options);
  const legacy = legacyEntryKeys(options);
  const fresh = `${JSON.stringify({ [key]: { [serverKey]: buildServerEntry(kind, launcher, options) } }, null, 2)}\n`;
  if (existing === null) return { ok: true, text: fresh, changed: true };
  const { bom, body: original } = splitBom(existing);
  if (original.trim() === '') return { ok: true, text: `${bom}${fresh}`, changed: true };

  const errors: ParseError[] = [];
  const originalTree = parseTree(original, errors, parseOptions);
  const first = errors[0];
  if (first !== undefined || originalTree === undefined) {
    return { ok: false, reason: `it is not valid JSON (${first === undefined ? 'no value' : `${printParseErrorCode(first.error)} at ${lineAndColumn(original, first.offset)}`})` };
  }
  if (originalTree.type !== 'object') return { ok: false, reason: `its top level is ${describeNode(originalTree)}, not a JSON object` };
  const servers = findNodeAtLocation(originalTree, [key]);
  if (servers !== undefined && servers.type !== 'object') return { ok: false, reason: `its "${key}" is ${describeNode(servers)}, not a JSON object` };
  for (const name of [serverKey, ...legacy]) {
    const node = findNodeAtLocation(originalTree, [key, name]);
    if (node !== undefined && node.type !== 'object') return { ok: false, reason: `its "${key}.${name}" is ${describeNode(node)}, not a JSON object` };
  }

  const body = migrateLegacyEntries(original, key, serverKey, legacy);
  const tree = parseTree(body, [], parseOptions) as Node;
  const entryNode = findNodeAtLocation(tree, [key, serverKey]);
  const style = styleOf(body);
  const edits: Array<{ path: JSONPath; value: unknown }> = [];
  const entryPath = [key, serverKey];
  const argsKey = argsField(kind);
  // An HTTP entry starts nothing: the launcher's environment is not its business.
  const env = options.http === undefined ? (launcher.env ?? {}) : {};
  if (entryNode === undefined) {
    edits.push({ path: entryPath, value: buildServerEntry(kind, launcher, options) });
  } else {
    const current = getNodeValue(entryNode) as Record<string, unknown>;
    for (const [field, value] of Object.entries(ownedFields(kind, launcher, options))) {
      const next = field === argsKey ? mergeArgs(value as string[], current[field]) : value;
      if (!isDeepStrictEqual(current[field], next)) edits.push({ path: [...entryPath, field], value: next });
    }
    const currentEnv = current[envKey(kind)];
    if (Object.keys(env).length > 0) {
      if (currentEnv !== undefined && !isPlainObject(currentEnv)) return { ok: false, reason: `its "${key}.${serverKey}.${envKey(kind)}" is not a JSON object` };
      for (const [name, value] of Object.entries(env)) {
        if (currentEnv?.[name] !== value) edits.push({ path: [...entryPath, envKey(kind), name], value });
      }
    }
  }

  let text = body;
  for (const edit of edits) text = setValue(text, edit.path, edit.value, style);

  // A safety net under the edits: the result parses, holds exactly the entry we meant, and nothing else changed.
  const check: ParseError[] = [];
  const written = parse(text, check, parseOptions) as Record<string, Record<string, Record<string, unknown>>>;
  const entry = written?.[key]?.[serverKey];
  const meant = Object.entries(ownedFields(kind, launcher, options)).every(([field, value]) => field === argsKey || isDeepStrictEqual(entry?.[field], value));
  const ours = [serverKey, ...legacy];
  const othersKept = isDeepStrictEqual(withoutOurs(written, key, ours), withoutOurs(parse(original, [], parseOptions), key, ours));
  if (check.length > 0 || entry === undefined || !meant || !othersKept) return { ok: false, reason: 'the entry could not be added without breaking the file' };
  return { ok: true, text: `${bom}${text}`, changed: text !== original };
}
