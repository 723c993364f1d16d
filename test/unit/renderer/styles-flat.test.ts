/**
 * The style sheets are flat: a rule inside a rule is valid CSS nesting, so a lost `}` (a merge once
 * dropped one) silently turns every later rule into a descendant selector and the styles vanish without
 * a build warning. Only at-rules (@media, @supports, @keyframes) may hold rules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const stylesDir = join(__dirname, '../../../src-renderer/styles');

/** The selectors of rules opened inside another (non-at) rule, with their line numbers. */
function nestedRules(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const open: { atRule: boolean }[] = [];
  const found: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '{') {
      const prelude = text.slice(start, i).trim();
      const parent = open[open.length - 1];
      if (parent !== undefined && !parent.atRule) found.push(`line ${text.slice(0, i).split('\n').length}: ${prelude}`);
      open.push({ atRule: prelude.startsWith('@') });
      start = i + 1;
    } else if (char === '}') {
      open.pop();
      start = i + 1;
    } else if (char === ';') {
      start = i + 1;
    }
  }
  if (open.length > 0) found.push(`${open.length} block(s) never closed`);
  return found;
}

describe('style sheets', () => {
  const files = readdirSync(stylesDir).filter((name) => name.endsWith('.css'));

  it('are found', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s has no rule nested in a rule and closes every block', (file) => {
    expect(nestedRules(readFileSync(join(stylesDir, file), 'utf8'))).toEqual([]);
  });

  it('the check catches a lost brace', () => {
    expect(nestedRules('.a {\n  color: red;\n\n.b {\n  color: blue;\n}\n')).toEqual(['line 4: .b', '1 block(s) never closed']);
    expect(nestedRules('@media (max-width: 900px) {\n  .a { color: red; }\n}\n')).toEqual([]);
  });
});
