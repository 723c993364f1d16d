/**
 * The one mapping from anything thrown to plain error data (STYLE.md 14), for IPC, MCP and the CLI.
 * A core error keeps its code, message and parameter; a zod failure is `validation_failed` at its first
 * issue; anything else is `internal_error` with a generic sentence, because its text comes from a
 * library and is not ours to show (the caller may log the cause through `onUnexpected`).
 */
import { z } from 'zod';
import { errorCodes, type AppErrorData, type ErrorCode } from '../../../src-shared/errors';
import { firstIssue } from '../../../src-shared/zod-issue';
import { CoreError } from './core-error';

const knownCodes: ReadonlySet<string> = new Set(errorCodes);

/** What an unexpected failure says when nobody chose a sentence. */
export const internalErrorMessage = 'Something went wrong in Nevent Companion; see its log for details.';

/** Options of `toErrorData`. */
export interface ErrorDataOptions {
  /** The sentence for an unexpected failure. */
  internalMessage?: string;
  /** Told about an unexpected failure (for the log; never shown). */
  onUnexpected?: (error: unknown) => void;
}

/** Anything thrown as plain `{code, message, param?}` data. */
export function toErrorData(error: unknown, options: ErrorDataOptions = {}): AppErrorData {
  if (error instanceof CoreError) return error.toData();
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
    // A CoreError from another copy of the module (bundles), or an equivalent plain object.
    const { code, message, param } = error as { code: unknown; message: unknown; param?: unknown };
    if (typeof code === 'string' && knownCodes.has(code) && typeof message === 'string') {
      const data: AppErrorData = { code: code as ErrorCode, message };
      if (typeof param === 'string') data.param = param;
      return data;
    }
  }
  if (error instanceof z.ZodError) {
    const issue = firstIssue(error);
    const data: AppErrorData = { code: 'validation_failed', message: issue.message };
    if (issue.path !== '') data.param = issue.path;
    return data;
  }
  options.onUnexpected?.(error);
  return { code: 'internal_error', message: options.internalMessage ?? internalErrorMessage };
}

/** Anything thrown as a CoreError (to rethrow from the core). */
export function asCoreError(error: unknown): CoreError {
  if (error instanceof CoreError) return error;
  const data = toErrorData(error, { internalMessage: 'an unexpected error occurred in the tenant core' });
  return new CoreError(data.code, data.message, data.param);
}
