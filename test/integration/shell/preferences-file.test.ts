/**
 * The settings file edited by hand while the app runs (issue 14, item 3): the saved operation mode is
 * picked up from the real file on disk, once; the app's own writes are not mistaken for an edit.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileJsonStore } from '../../../src-main/app/file-json-store';
import { Preferences } from '../../../src-main/app/preferences';
import type { OperationMode } from '../../../src-shared/session';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

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
