/**
 * The repository explains itself: a comment or document that says "see the design, section 4" or "issue
 * 17" sends its reader to a text the repository does not have. Code, tests, benchmarks and docs point at
 * a file under docs/ instead, or say the why in place (docs/architecture.md is the map).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const scanned = ['src-main', 'src-renderer', 'src-shared', 'src-apps', 'test', 'bench', 'scripts', 'docs', 'README.md'];
const textFile = /\.(ts|tsx|js|mjs|cjs|css|md|yml|yaml|html)$/;
const thisFile = relative(root, __filename);

/** A citation of a document or tracker outside the repository. */
const outsideCitation = /\bDESIGN(?:\.md)?\s*§|\bDESIGN §|\bissues? \d+\b|\(DESIGN\)|as DESIGN (?:says|lists)/i;

function* filesUnder(path: string): Generator<string> {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return; // a folder this checkout does not have
  }
  if (stat.isFile()) {
    if (textFile.test(path)) yield path;
    return;
  }
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    yield* filesUnder(join(path, name));
  }
}

function citations(): string[] {
  const found: string[] = [];
  for (const top of scanned) {
    for (const file of filesUnder(join(root, top))) {
      const name = relative(root, file);
      if (name === thisFile) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (outsideCitation.test(line)) found.push(`${name}:${index + 1}: ${line.trim().slice(0, 120)}`);
        });
    }
  }
  return found;
}

describe('the repository explains itself', () => {
  it('no comment or document cites the design by section or an issue by number', () => {
    expect(citations()).toEqual([]);
  });

  it('the check recognises the citations it forbids (its control)', () => {
    for (const line of ['/** Tenants (DESIGN §2). */', '// the flake of issue 14', ' * Issue 11, item 4: the entry']) {
      expect(outsideCitation.test(line)).toBe(true);
    }
    for (const line of ['/** Tenant per call: docs/tenant-isolation.md */', '// see docs/upstream-toolset.md §4-5', 'an issued token']) {
      expect(outsideCitation.test(line)).toBe(false);
    }
  });
});
