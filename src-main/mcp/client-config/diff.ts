/**
 * The change to show before a config file is written: the changed lines with a little context, as
 * `-`/`+`/two-space lines, cut to a bounded length. Config edits are local (one entry), so the common
 * head and tail are skipped before the line-by-line comparison: a 4 MB file with a three-line change
 * costs three lines of work and prints a few lines, not the whole file twice.
 */
import { diffArrays } from 'diff';

/** Bounds of a diff. */
export interface DiffOptions {
  /** Unchanged lines shown around each change. */
  context?: number;
  /** Lines printed at most; the rest is summarized in one line. */
  maxLines?: number;
}

// Past this many edits the middle is shown as replaced: a config file rewritten wholesale reads better
// that way, and the comparison stays bounded whatever the files hold.
const maxEditLength = 2_000;

/** The changed middle, compared line by line (`diff`'s Myers algorithm). */
function middleDiff(a: string[], b: string[]): string[] {
  const changes = diffArrays(a, b, { maxEditLength });
  if (changes === undefined) return [...a.map((l) => `- ${l}`), ...b.map((l) => `+ ${l}`)];
  return changes.flatMap((change) => change.value.map((line) => `${change.added ? '+' : change.removed ? '-' : ' '} ${line}`));
}

const splitLines = (text: string): string[] => (text === '' ? [] : text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n'));

/** A bounded line diff of `before` → `after`. */
export function lineDiff(before: string, after: string, options: DiffOptions = {}): string {
  const context = options.context ?? 3;
  const maxLines = options.maxLines ?? 200;
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  const middle = middleDiff(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  const all = [...a.slice(0, head).map((l) => `  ${l}`), ...middle, ...a.slice(a.length - tail).map((l) => `  ${l}`)];

  // Keep changed lines and their context; elide the long unchanged runs between them.
  const keep = all.map(() => false);
  all.forEach((line, index) => {
    if (line.startsWith('  ')) return;
    for (let k = Math.max(0, index - context); k <= Math.min(all.length - 1, index + context); k += 1) keep[k] = true;
  });
  const out: string[] = [];
  let skipped = 0;
  all.forEach((line, index) => {
    if (keep[index]) {
      if (skipped > 0) out.push(`  … ${skipped} unchanged line${skipped === 1 ? '' : 's'}`);
      skipped = 0;
      out.push(line);
    } else {
      skipped += 1;
    }
  });
  if (skipped > 0 && out.length > 0) out.push(`  … ${skipped} unchanged line${skipped === 1 ? '' : 's'}`);
  if (out.length > maxLines) return [...out.slice(0, maxLines), `… and ${out.length - maxLines} more lines of changes`].join('\n');
  return out.join('\n');
}
