/** How the core checks what a caller gives it, before anything is sent. */
import type { z } from 'zod';
import { firstIssue } from '../../../src-shared/zod-issue';
import { CoreError } from './core-error';

/** An input that fails its schema, as the core reports it (`validation_failed`, naming the field). */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, param?: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = firstIssue(parsed.error);
  throw new CoreError('validation_failed', issue.message, issue.path === '' ? param : issue.path);
}
