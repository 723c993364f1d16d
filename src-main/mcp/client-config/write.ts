/**
 * Writes our entry into a client's config file in two steps, so the change can be shown first:
 *
 *   planClientConfigWrite: follow symlinks to the real file, read + merge + diff; a file that cannot be
 *                          merged into, or that is read-only, is refused with the reason and untouched
 *   applyClientConfigWrite: re-check the file did not change since, copy it to a backup name that is
 *                           new (never overwriting an earlier backup), write a temp file beside the real
 *                           file and rename it over, so the client never sees a half-written file and a
 *                           symlinked config (dotfiles) stays a symlink
 */
import { randomBytes } from 'node:crypto';
import { constants, accessSync, copyFileSync, lstatSync, mkdirSync, readFileSync, readlinkSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { lineDiff } from './diff';
import type { ClientKind, EntryOptions, Launcher } from './entry';
import { mergeServerEntry } from './merge';

/** A planned write. `file` is the path asked for; `target` the real file behind any symlinks. */
export type WritePlan =
  | { status: 'change'; file: string; target: string; existing: string | null; mode: number; text: string; diff: string }
  | { status: 'unchanged'; file: string; target: string; existing: string }
  | { status: 'refused'; file: string; reason: string };

/** A file-name-safe timestamp: 20261125T220501Z. */
export function backupStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** The file a path finally names, following symlinks (also dangling ones: the target is created). */
export function resolveSymlinks(file: string): string {
  let current = resolve(file);
  for (let hops = 0; hops < 40; hops += 1) {
    let stat;
    try {
      stat = lstatSync(current);
    } catch {
      return current;
    }
    if (!stat.isSymbolicLink()) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw Object.assign(new Error('too many levels of symbolic links'), { code: 'ELOOP' });
}

function readIfExists(file: string): { text: string | null; mode: number } {
  try {
    return { text: readFileSync(file, 'utf8'), mode: statSync(file).mode & 0o777 };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { text: null, mode: 0o600 };
    throw error;
  }
}

/** Why `target` must not be written to, or null. Read-only is respected even where we could override it (root). */
function writeRefusal(target: string, mode: number, exists: boolean): string | null {
  if (exists) {
    if ((mode & 0o222) === 0) return `it is read-only (mode ${mode.toString(8)}); make it writable (chmod u+w) if you want it changed, or add the entry by hand`;
    try {
      accessSync(target, constants.W_OK);
    } catch {
      return 'you do not have permission to write it';
    }
  }
  return null;
}

/** Reads `file` and works out the merged text and the diff, without writing anything. */
export function planClientConfigWrite(file: string, kind: ClientKind, launcher: Launcher, options: EntryOptions = {}): WritePlan {
  let target: string;
  let current: { text: string | null; mode: number };
  try {
    target = resolveSymlinks(file);
    current = readIfExists(target);
  } catch (error) {
    return { status: 'refused', file, reason: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const merged = mergeServerEntry(current.text, kind, launcher, options);
  if (!merged.ok) return { status: 'refused', file, reason: merged.reason };
  if (!merged.changed && current.text !== null) return { status: 'unchanged', file, target, existing: current.text };
  const refusal = writeRefusal(target, current.mode, current.text !== null);
  if (refusal !== null) return { status: 'refused', file, reason: refusal };
  return { status: 'change', file, target, existing: current.text, mode: current.mode, text: merged.text, diff: lineDiff(current.text ?? '', merged.text) };
}

/** Copies `file` to `<file>.bak-<stamp>`, or `-2`, `-3`… when that name is taken: no backup is ever replaced. */
function backUp(file: string, now: Date): string {
  const base = `${file}.bak-${backupStamp(now)}`;
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? base : `${base}-${n}`;
    try {
      copyFileSync(file, name, constants.COPYFILE_EXCL);
      return name;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Applies a `change` plan; returns the backup path (null when the file is new). */
export function applyClientConfigWrite(plan: Extract<WritePlan, { status: 'change' }>, now: Date = new Date()): { backup: string | null } {
  const { file, target } = plan;
  if (readIfExists(target).text !== plan.existing) throw new Error(`${file} changed while it was being updated; nothing was written, run the command again.`);
  mkdirSync(dirname(target), { recursive: true });
  const backup = plan.existing === null ? null : backUp(target, now);
  const temp = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(temp, plan.text, { mode: plan.mode, flag: 'wx' });
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // never created
    }
    throw error;
  }
  return { backup };
}
