/**
 * What a merge keeps of an entry the person already has (the JSON and the TOML merge share these):
 * our fields (command, args, type) are set, their other fields stay, their environment variables stay
 * beside ours, and arguments they added after ours stay after ours.
 */

/** The result of a merge: the new file text, or why the file cannot be merged into (nothing is written then). */
export type MergeResult = { ok: true; text: string; changed: boolean } | { ok: false; reason: string };

/** A plain JSON/TOML object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * Our arguments, then whatever the person added after `--attach` in their entry (without a `--socket`
 * and its value: that one is ours to set). An entry that never ran `mcp --attach` contributes nothing.
 */
export function mergeArgs(ours: readonly string[], existing: unknown): string[] {
  if (!Array.isArray(existing) || !existing.every((arg) => typeof arg === 'string')) return [...ours];
  const attach = existing.indexOf('--attach');
  if (attach === -1) return [...ours];
  const extra: string[] = [];
  const tail = existing.slice(attach + 1);
  for (let i = 0; i < tail.length; i += 1) {
    const arg = tail[i] as string;
    if (arg === '--socket') i += 1;
    else if (!arg.startsWith('--socket=')) extra.push(arg);
  }
  return [...ours, ...extra];
}

/** A UTF-8 byte order mark, kept as it was found. */
export const bom = '\uFEFF';

/** Splits a leading BOM off a file's text. */
export function splitBom(text: string): { bom: string; body: string } {
  return text.startsWith(bom) ? { bom, body: text.slice(1) } : { bom: '', body: text };
}

/** 1-based line and column of `offset` in `text`, for messages. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}
