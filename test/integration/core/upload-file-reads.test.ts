/**
 * Local files for `nevent_upload_image`, on the real filesystem: a named pipe in an upload folder is
 * refused without being opened (an open would block one of libuv's four threads until a writer came, and
 * four of them every file read and DNS lookup of the process), and a link swapped in between the check and
 * the open — at the file itself or at a folder on its path — is caught on the opened handle, so nothing
 * outside the upload folders is ever read. The swap happens at a chosen point (right after the path is
 * checked), not by timing luck.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { lookup } from 'node:dns/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { imageFromFile } from '../../../src-main/core/domains/image-source';

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof fsPromises>();
  return { ...real, realpath: vi.fn(real.realpath) };
});

const realRealpath = (await vi.importActual<typeof fsPromises>('node:fs/promises')).realpath;

/** Two 1×1 PNGs that differ: the one inside the folder, and the secret outside it. */
const insidePng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const secretPng = Buffer.concat([insidePng, Buffer.from('SECRET')]);

let dir: string;
let allowed: string;
let outside: string;
const fifos: string[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nc-upload-reads-'));
  allowed = join(dir, 'allowed');
  outside = join(dir, 'outside');
  mkdirSync(join(allowed, 'sub'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(allowed, 'logo.png'), insidePng);
  writeFileSync(join(allowed, 'sub', 'logo.png'), insidePng);
  writeFileSync(join(outside, 'logo.png'), secretPng);
});

afterEach(() => {
  vi.mocked(fsPromises.realpath).mockReset();
  vi.mocked(fsPromises.realpath).mockImplementation(realRealpath as never);
  // A reader still blocked in open() on a pipe (the defect) is let go by a writer that opens and closes.
  for (const fifo of fifos.splice(0)) {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // no reader waiting: nothing to let go
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `swap` right after the first realpath (the check of the path asked for) has answered. */
function swapAfterCheck(swap: () => void): void {
  vi.mocked(fsPromises.realpath).mockImplementationOnce((async (path: string) => {
    const resolved = await realRealpath(path);
    swap();
    return resolved;
  }) as never);
}

describe.skipIf(process.platform === 'win32')('local files for uploads', () => {
  it('named pipes are refused without being opened, and the process keeps reading files and resolving names', async () => {
    for (let i = 0; i < 4; i += 1) {
      const fifo = join(allowed, `pipe-${i}.png`);
      execFileSync('mkfifo', [fifo]);
      fifos.push(fifo);
    }
    const uploads = fifos.map((fifo) => imageFromFile(fifo, [allowed], undefined).then(() => 'read', (error: unknown) => error));
    // With four threads stuck in open(), neither of these would ever answer.
    await expect(fsPromises.readFile(join(allowed, 'logo.png'))).resolves.toEqual(insidePng);
    await expect(lookup('localhost')).resolves.toMatchObject({ address: expect.any(String) });
    for (const outcome of await Promise.all(uploads)) expect(outcome).toMatchObject({ code: 'validation_failed', param: 'file_path', message: expect.stringContaining('named pipe') });
  });

  it('a file swapped for a link to an outside file after the check is refused, and nothing outside is read', async () => {
    const file = join(allowed, 'logo.png');
    swapAfterCheck(() => {
      unlinkSync(file);
      symlinkSync(join(outside, 'logo.png'), file);
    });
    await expect(imageFromFile(file, [allowed], undefined)).rejects.toMatchObject({ code: 'operation_not_permitted', param: 'file_path' });
  });

  it('a folder on the path swapped for a link to an outside folder after the check is refused', async () => {
    const file = join(allowed, 'sub', 'logo.png');
    swapAfterCheck(() => {
      renameSync(join(allowed, 'sub'), join(dir, 'moved-away'));
      symlinkSync(outside, join(allowed, 'sub'));
    });
    await expect(imageFromFile(file, [allowed], undefined)).rejects.toMatchObject({ code: 'operation_not_permitted', param: 'file_path' });
  });
});
