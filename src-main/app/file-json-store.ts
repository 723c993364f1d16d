/** A `JsonStore` in one file, written atomically (temp file + rename) with owner-only permissions. */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
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
