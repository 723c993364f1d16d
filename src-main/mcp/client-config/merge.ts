/**
 * Our entry into a client's config file, whatever its format: JSON/JSONC through jsonc-parser
 * (json-merge.ts), Codex's TOML through exact source ranges (toml-merge.ts). Either way only our
 * entry's bytes change, the person's own fields in it are kept (merge-rules.ts), and a file that
 * cannot be merged into safely is refused with the reason, untouched.
 */
import { configFormat, type ClientKind, type EntryOptions, type Launcher } from './entry';
import { mergeJsonEntry } from './json-merge';
import type { MergeResult } from './merge-rules';
import { mergeTomlEntry } from './toml-merge';

export type { MergeResult } from './merge-rules';

/** Puts our entry into `existing` (the file's text, or null when there is no file). */
export function mergeServerEntry(existing: string | null, kind: ClientKind, launcher: Launcher, options: EntryOptions = {}): MergeResult {
  return configFormat(kind) === 'toml' ? mergeTomlEntry(existing, kind, launcher, options) : mergeJsonEntry(existing, kind, launcher, options);
}
