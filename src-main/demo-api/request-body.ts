/** Reads and validates JSON request bodies: malformed JSON or a schema mismatch is a 400 naming the path. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { describeIssue, firstIssue } from '../../src-shared/zod-issue';
import { badRequest } from './http-error';

/** Parses the body as JSON and validates it with `schema`; throws 400 with `param` = the offending path. */
export async function readJsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const text = await c.req.text();
  if (text.trim() === '') throw badRequest('Request body is empty; expected a JSON object');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw badRequest('Request body is not valid JSON');
  }
  if (nestingDepth(raw) > maxJsonDepth) throw badRequest(`Request body is nested more than ${maxJsonDepth} levels deep`);
  return parseOrThrow(schema, raw);
}

/** Deeper bodies are refused: stored free-form fields (e.g. `modifiers`) must stay serializable. */
const maxJsonDepth = 64;

/** Depth of a parsed JSON value, computed without recursion (the input is untrusted). */
function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (depth > deepest) deepest = depth;
    if (deepest > maxJsonDepth) return deepest;
    if (current !== null && typeof current === 'object') {
      for (const child of Object.values(current)) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/** Validates a value (a body or a query) with `schema`; throws 400 naming the first offending path. */
export function parseOrThrow<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = firstIssue(result.error, 'json');
  throw badRequest(describeIssue(issue), issue.path === '' ? undefined : issue.path);
}
