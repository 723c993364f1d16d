/** A `JsonStore` in one file, written atomically (temp file + rename) with owner-only permissions. */
import { mkdirSync, watch } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { JsonStore } from './preferences';

/** Stores JSON at `path`; a missing file loads as `null`. */
export class FileJsonStore implements JsonStore {
  constructor(private readonly path: string) {}

  async load(): Promise<unknown> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as unknown;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async save(value: unknown): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const temp = `${this.path}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
    await rename(temp, this.path);
  }

  /**
   * Watches the folder, not the file: saving replaces the file (rename), which would end a watch on it.
   * Our own saves are reported too; the reader compares contents.
   */
  watch(onChange: () => void): () => void {
    const name = basename(this.path);
    try {
      mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
      const watcher = watch(dirname(this.path), { persistent: false }, (_event, filename) => {
        if (filename === null || filename === name) onChange();
      });
      // A folder removed while watched: stop quietly; the app keeps its preferences in memory.
      watcher.on('error', () => watcher.close());
      return () => watcher.close();
    } catch {
      return () => undefined;
    }
  }
}

/** A `JsonStore` in memory (for `serve --demo` runs that should leave nothing behind, and tests). */
export class MemoryJsonStore implements JsonStore {
  constructor(private value: unknown = null) {}

  async load(): Promise<unknown> {
    return structuredClone(this.value);
  }

  async save(value: unknown): Promise<void> {
    this.value = structuredClone(value);
  }
}
