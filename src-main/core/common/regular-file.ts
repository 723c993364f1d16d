/**
 * Reading a small regular file without ever blocking, and only the file that was checked. A FIFO (or a
 * device, a socket) at the path would block `open()` until a writer appears — and with it one of libuv's
 * four threads, which every file read and DNS lookup of the process shares: four such paths stop the whole
 * app. And a path checked, then opened, can name another file by the time it is opened (a symlink
 * swapped in between). So:
 *
 *   stat (lstat with noFollow) ── not a regular file, or over maxBytes ──> refused; nothing opened
 *        │
 *   open(O_RDONLY | O_NONBLOCK [| O_NOFOLLOW]) ── a FIFO opens at once; a symlink at the end fails (ELOOP)
 *        │
 *   fstat(handle) ── not a regular file, not the file checked (dev/ino), over maxBytes ──> refused
 *        │
 *   afterOpen(fstat) ── the caller's own check of the opened file (e.g. its path is still inside a folder)
 *        │
 *   read its size (+1 byte, to see a file that grew meanwhile) ──> bytes
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';

/** Why a file was not read. */
export type RegularFileRefusalKind = 'missing' | 'not_a_file' | 'link' | 'too_large' | 'changed';

/** A file that was refused; `size` for `too_large`. Carries no content. */
export class RegularFileRefusal extends Error {
  constructor(
    readonly kind: RegularFileRefusalKind,
    message: string,
    readonly size?: number,
  ) {
    super(message);
    this.name = 'RegularFileRefusal';
  }
}

/** How a file is read. */
export interface RegularFileOptions {
  /** Larger files are refused without being read. */
  maxBytes: number;
  /** Refuse a symlink at the last component (checked with lstat, opened with O_NOFOLLOW). */
  noFollow?: boolean;
  /** Runs on the opened file's own stats before a byte is read; throw to refuse. */
  afterOpen?: (opened: Stats) => Promise<void>;
}

// Not every platform has them (Windows): 0 leaves the flag out, and Windows has no FIFOs to open.
const nonBlocking = constants.O_NONBLOCK ?? 0;
const noFollowFlag = constants.O_NOFOLLOW ?? 0;

/** True when `a` and `b` are the same file. */
export function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** Reads the regular file at `path` (see the diagram); rejects with `RegularFileRefusal`, or an fs error for anything else. */
export async function readRegularFile(path: string, options: RegularFileOptions): Promise<{ bytes: Uint8Array; stats: Stats }> {
  let checked: Stats;
  try {
    checked = options.noFollow === true ? await lstat(path) : await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') throw new RegularFileRefusal('missing', 'there is no file there');
    throw error;
  }
  if (checked.isSymbolicLink()) throw new RegularFileRefusal('link', 'it is a symbolic link');
  refuseUnlessSmallRegular(checked, options.maxBytes);
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | nonBlocking | (options.noFollow === true ? noFollowFlag : 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ELOOP: the last component became a symlink after the check.
    if (code === 'ELOOP' || code === 'EMLINK') throw new RegularFileRefusal('link', 'the file was replaced by a symbolic link while it was being read');
    if (code === 'ENOENT') throw new RegularFileRefusal('changed', 'the file was removed while it was being read');
    throw error;
  }
  try {
    const opened = await handle.stat();
    refuseUnlessSmallRegular(opened, options.maxBytes);
    if (!sameFile(opened, checked)) throw new RegularFileRefusal('changed', 'the file was replaced while it was being read');
    await options.afterOpen?.(opened);
    // One byte more than the size seen: a file that grew while being read is told apart from one that did not.
    const expected = opened.size;
    const bytes = new Uint8Array(expected + 1);
    let length = 0;
    while (length < bytes.length) {
      const { bytesRead } = await handle.read(bytes, length, bytes.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > expected) throw new RegularFileRefusal('changed', 'the file grew while it was being read');
    return { bytes: bytes.subarray(0, length), stats: opened };
  } finally {
    await handle.close();
  }
}

function refuseUnlessSmallRegular(stats: Stats, maxBytes: number): void {
  if (!stats.isFile()) throw new RegularFileRefusal('not_a_file', `it is not a regular file (${kindOf(stats)})`);
  if (stats.size > maxBytes) throw new RegularFileRefusal('too_large', `the file is ${stats.size} bytes; at most ${maxBytes}`, stats.size);
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a file';
}
