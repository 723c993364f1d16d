/**
 * The installed package's root folder, found from any module inside it: the CLI bundle is split into
 * chunks (out/cli/chunks/…), the Electron build lives in out/main, tests run the sources, so a path
 * relative to "this file" means something different in each. The package.json that names us does not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Our package name, as package.json spells it. */
export const packageName = 'nevent-companion';

/** The folder holding our package.json, walking up from `moduleUrl`; null when there is none. */
export function findPackageRoot(moduleUrl: string = import.meta.url): string | null {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === packageName) return dir;
      } catch {
        // An unreadable manifest is not ours; keep walking up.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
