/**
 * The one way a zod failure becomes words (STYLE.md 14): the first issue, its path and its message.
 * Every boundary that refuses input or an API answer says it with this, so the wording and the path
 * style are the same everywhere.
 */
import type { z } from 'zod';

/** How a path is written: `a.0.b` (parameters, the default) or `a[0].b` (JSON paths in the demo API). */
export type IssuePathStyle = 'dots' | 'json';

/** The first issue of a failure; `path` is '' at the root. */
export interface IssueSummary {
  path: string;
  message: string;
}

/** Writes a path in the given style. */
export function formatIssuePath(path: readonly PropertyKey[], style: IssuePathStyle = 'dots'): string {
  if (style === 'dots') return path.map(String).join('.');
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** The first issue of `error` (a failure with no issues reads as "invalid input" at the root). */
export function firstIssue(error: z.ZodError, style: IssuePathStyle = 'dots'): IssueSummary {
  const issue = error.issues[0];
  if (issue === undefined) return { path: '', message: 'invalid input' };
  return { path: formatIssuePath(issue.path, style), message: issue.message };
}

/** `path: message`, or the message alone at the root. */
export function describeIssue(summary: IssueSummary): string {
  return summary.path === '' ? summary.message : `${summary.path}: ${summary.message}`;
}
