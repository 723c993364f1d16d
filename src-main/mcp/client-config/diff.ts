/**
 * The change to show before a config file is written: the changed lines with a little context, as
 * `-`/`+`/two-space lines, cut to a bounded length. Config edits are local (one entry), so the common
 * head and tail are skipped before the line-by-line comparison: a 4 MB file with a three-line change
 * costs three lines of work and prints a few lines, not the whole file twice.
 */

/** Bounds of a diff. */
export interface DiffOptions {
  /** Unchanged lines shown around each change. */
  context?: number;
  /** Lines printed at most; the rest is summarized in one line. */
  maxLines?: number;
}

// The middle part gets a longest-common-subsequence table; above this size it is shown as replaced.
const maxCells = 1_000_000;

function middleDiff(a: string[], b: string[]): string[] {
  if (a.length * b.length > maxCells) return [...a.map((l) => `- ${l}`), ...b.map((l) => `+ ${l}`)];
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i += 1;
      j += 1;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      out.push(`- ${a[i]}`);
      i += 1;
    } else {
      out.push(`+ ${b[j]}`);
      j += 1;
    }
  }
  while (i < a.length) out.push(`- ${a[i++]}`);
  while (j < b.length) out.push(`+ ${b[j++]}`);
  return out;
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
