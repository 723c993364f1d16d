// The conformance CLI imports `globSync` from `fs`, which Node 22 added; the product runs on Node 20.
// This module stands in for `fs` inside that package only (node20-hooks.mjs): all of fs, plus a
// globSync for the one pattern shape the CLI uses (`**/<file name>` under a directory).
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';

export * from 'node:fs';
// A stand-in for `fs` must also answer `import fs from 'fs'`, so this one default export is the module's contract.
// eslint-disable-next-line no-restricted-syntax
export default fs;

/** `**\/name` → every relative path under `cwd` whose last segment is `name`. */
export function globSync(pattern, options = {}) {
  const cwd = options.cwd ?? process.cwd();
  const name = String(pattern).replace(/^\*\*\//, '');
  if (!fs.existsSync(cwd)) return [];
  return fs.readdirSync(cwd, { recursive: true }).map(String).filter((entry) => path.basename(entry) === name);
}
