/**
 * Writes our entry into a client's config file in two steps, so the change can be shown first:
 *
 *   planClientConfigWrite: read + merge + diff (malformed files are refused and stay untouched)
 *   applyClientConfigWrite: re-check the file did not change since, back it up as
 *                           `<file>.bak-<timestamp>`, write a temp file beside it and rename it over the
 *                           original, so the client never sees a half-written file.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { lineDiff, mergeServerEntry } from './entry';
import type { ClientKind, Launcher } from './entry';

/** A planned write. */
export type WritePlan =
  | { status: 'change'; file: string; existing: string | null; mode: number; text: string; diff: string }
  | { status: 'unchanged'; file: string }
  | { status: 'refused'; file: string; reason: string };

/** A file-name-safe timestamp: 20261125T220501Z. */
export function backupStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

function readIfExists(file: string): { text: string | null; mode: number } {
  try {
    return { text: readFileSync(file, 'utf8'), mode: statSync(file).mode & 0o777 };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { text: null, mode: 0o600 };
    throw error;
  }
}

/** Reads `file` and works out the merged text and the diff, without writing anything. */
export function planClientConfigWrite(file: string, kind: ClientKind, launcher: Launcher): WritePlan {
  let current: { text: string | null; mode: number };
  try {
    current = readIfExists(file);
  } catch (error) {
    return { status: 'refused', file, reason: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const merged = mergeServerEntry(current.text, kind, launcher);
  if (!merged.ok) return { status: 'refused', file, reason: merged.reason };
  if (!merged.changed) return { status: 'unchanged', file };
  return { status: 'change', file, existing: current.text, mode: current.mode, text: merged.text, diff: lineDiff(current.text ?? '', merged.text) };
}

/** Applies a `change` plan; returns the backup path (null when the file is new). */
export function applyClientConfigWrite(plan: Extract<WritePlan, { status: 'change' }>, now: Date = new Date()): { backup: string | null } {
  const { file } = plan;
  if (readIfExists(file).text !== plan.existing) throw new Error(`${file} changed while it was being updated; nothing was written, run the command again.`);
  mkdirSync(dirname(file), { recursive: true });
  let backup: string | null = null;
  if (plan.existing !== null) {
    backup = `${file}.bak-${backupStamp(now)}`;
    copyFileSync(file, backup);
  }
  const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(temp, plan.text, { mode: plan.mode, flag: 'wx' });
    renameSync(temp, file);
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
