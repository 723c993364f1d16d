/**
 * The settings file edited by hand while the app runs: the saved operation mode is
 * picked up from the real file on disk, once; the app's own writes are not mistaken for an edit. And a
 * settings file that is not one the app reads — a named pipe, a file of megabytes — is refused with a
 * clear line in the log, never waited on (at start or on an edit), and replaced by the next save.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileJsonStore } from '../../../src-main/app/file-json-store';
import { Preferences } from '../../../src-main/app/preferences';
import type { OperationMode } from '../../../src-shared/session';

const dirs: string[] = [];
const fifos: string[] = [];
afterEach(() => {
  // A reader still blocked in open() on a pipe (the defect) is let go by a writer that opens and closes.
  for (const fifo of fifos.splice(0)) {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // no reader waiting
    }
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nevent-prefs-'));
  dirs.push(dir);
  return dir;
}

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
  fifos.push(path);
}

function nextEdit(preferences: Preferences): Promise<OperationMode> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no edit seen within 10 s')), 10_000);
    const off = preferences.onDidEditSavedMode((mode) => {
      clearTimeout(timer);
      off();
      resolve(mode);
    });
  });
}

describe('preferences.json, watched', () => {
  it('an edit of operationMode reaches the app; its own saves do not count as edits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nevent-prefs-'));
    dirs.push(dir);
    const path = join(dir, 'preferences.json');
    writeFileSync(path, JSON.stringify({ settings: { operationMode: 'READ_ONLY' }, users: {} }));
    const preferences = new Preferences(new FileJsonStore(path), { apiUrl: null, dataApiUrl: null });
    await preferences.load();
    preferences.watch();
    try {
      const edits: OperationMode[] = [];
      preferences.onDidEditSavedMode((mode) => edits.push(mode));
      // Our own write (a recent tenant) lands in the file and is not an edit of the mode.
      preferences.touchRecent('u1', { id: 't1', name: 'One' });
      await preferences.flush();
      expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ users: { u1: { recent: [{ id: 't1' }] } } });

      const edited = nextEdit(preferences);
      // As a person would: the whole file rewritten, the mode in any case.
      writeFileSync(path, JSON.stringify({ settings: { operationMode: 'standard' }, users: { u1: { recent: [{ id: 't1', name: 'One' }], pinned: [] } } }, null, 2));
      expect(await edited).toBe('STANDARD');
      await preferences.flush();
      expect(edits).toEqual(['STANDARD']);
      expect(preferences.savedMode()).toBe('STANDARD');
      // The rest of the file is kept as it was read.
      expect(preferences.shortcuts('u1').recent).toEqual([{ id: 't1', name: 'One' }]);
    } finally {
      preferences.dispose();
    }
  });
});

describe.skipIf(process.platform === 'win32')('preferences.json that is not a settings file', () => {
  it('a named pipe at start: refused at once with a clear line, defaults kept, and the next save writes a real file', async () => {
    const path = join(tempDir(), 'preferences.json');
    mkfifo(path);
    const said: string[] = [];
    const preferences = new Preferences(new FileJsonStore(path), { apiUrl: null, dataApiUrl: null }, undefined, (line) => said.push(line));
    await preferences.load();
    try {
      expect(said).toEqual([expect.stringMatching(/preferences\.json is not read: it is not a regular file \(a named pipe\)/)]);
      expect(preferences.savedMode()).toBeNull();
      // The process still reads files (no libuv thread is stuck in open()).
      const other = join(tempDir(), 'other.txt');
      writeFileSync(other, 'ok');
      await expect(readFile(other, 'utf8')).resolves.toBe('ok');
      preferences.saveMode('STANDARD');
      await preferences.flush();
      expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ settings: { operationMode: 'STANDARD' } });
    } finally {
      preferences.dispose();
    }
  });

  it('a file over 1 MB is refused without being read; its settings are not applied', async () => {
    const path = join(tempDir(), 'preferences.json');
    writeFileSync(path, JSON.stringify({ settings: { operationMode: 'FULL' }, padding: 'x'.repeat(2 * 1024 * 1024) }));
    const said: string[] = [];
    const preferences = new Preferences(new FileJsonStore(path), { apiUrl: null, dataApiUrl: null }, undefined, (line) => said.push(line));
    await preferences.load();
    preferences.dispose();
    expect(preferences.savedMode()).toBeNull();
    expect(said).toEqual([expect.stringMatching(/is not read: it is \d+ bytes, more than the 1048576 bytes \(1 MB\)/)]);
  });

  it('a pipe swapped in while the app runs does not hold up the edits after it', async () => {
    const dir = tempDir();
    const path = join(dir, 'preferences.json');
    writeFileSync(path, JSON.stringify({ settings: { operationMode: 'READ_ONLY' }, users: {} }));
    const said: string[] = [];
    const preferences = new Preferences(new FileJsonStore(path), { apiUrl: null, dataApiUrl: null }, undefined, (line) => said.push(line));
    await preferences.load();
    preferences.watch();
    try {
      const pipe = join(dir, 'swap.fifo');
      mkfifo(pipe);
      renameSync(pipe, path);
      fifos.push(path);
      await expect.poll(() => said.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(said[0]).toMatch(/named pipe/);
      // A real edit after it is still picked up.
      const edited = nextEdit(preferences);
      const next = join(dir, 'edit.tmp');
      writeFileSync(next, JSON.stringify({ settings: { operationMode: 'FULL' }, users: {} }));
      renameSync(next, path);
      expect(await edited).toBe('FULL');
    } finally {
      preferences.dispose();
    }
  });
});
