/**
 * A `JsonStore` in one file, written atomically (temp file + rename) with owner-only permissions, and
 * read only when it is a regular file of at most 1 MB (core/regular-file.ts): a named pipe there would
 * block the read (and a libuv thread) for ever, and a huge file would cost several times its size.
 */
import { mkdirSync, watch } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { missingCaseError } from '../../src-shared/missing-case';
import { readRegularFile, RegularFileRefusal } from '../core/common/regular-file';
import { JsonStoreRefusal, type JsonStore } from './preferences';

/** The largest stored file read (a settings file is a few KB). */
export const maxJsonStoreBytes = 1024 * 1024;

/** Stores JSON at `path`; a missing file loads as `null`. */
export class FileJsonStore implements JsonStore {
  constructor(private readonly path: string) {}

  async load(): Promise<unknown> {
    let bytes: Uint8Array;
    try {
      ({ bytes } = await readRegularFile(this.path, { maxBytes: maxJsonStoreBytes }));
    } catch (error) {
      if (!(error instanceof RegularFileRefusal)) throw error;
      switch (error.kind) {
        case 'missing':
          return null;
        case 'not_a_file':
        case 'link':
          throw new JsonStoreRefusal(`${this.path} is not read: ${error.message}`);
        case 'too_large':
          throw new JsonStoreRefusal(`${this.path} is not read: it is ${error.size ?? 'over'} bytes, more than the ${maxJsonStoreBytes} bytes (1 MB) a settings file may be`);
        case 'changed':
          throw new JsonStoreRefusal(`${this.path} is not read: ${error.message}`);
        default:
          return missingCaseError(error.kind);
      }
    }
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
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
