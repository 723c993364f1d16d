/**
 * How an answer travels: `{ok: true, value}` or `{ok: false, error: {code, message}}`. Thrown errors do
 * not survive Electron's IPC or `contextBridge` with their fields, plain data does; so main always
 * answers with this envelope and the bridge turns a failure into a `BridgeError` on the caller's side.
 */
import { z } from 'zod';
import { AppErrorDataSchema, type AppErrorData, type ErrorCode } from '../errors';

/** An answer envelope. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** zod schema of an envelope (the value is checked by the channel's own schema). */
export const IpcResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorDataSchema }),
]);

/** A successful envelope. */
export function ipcOk<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

/** A failed envelope. */
export function ipcFail(code: ErrorCode, message: string, param?: string): IpcResult<never> {
  return { ok: false, error: param === undefined ? { code, message } : { code, message, param } };
}

/** The error every bridge method rejects with (renderer side): a code from the shared union. */
export class BridgeError extends Error {
  readonly code: ErrorCode;
  readonly param: string | undefined;

  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'BridgeError';
    this.code = data.code;
    this.param = data.param;
  }

  /** Plain data again. */
  toData(): AppErrorData {
    return this.param === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, param: this.param };
  }
}

/**
 * Reads whatever a bridge call rejected with as a `BridgeError`: a `BridgeError`, plain `{code, message}`
 * data (what crosses `contextBridge`), or anything else (an `internal_error`).
 */
export function toBridgeError(reason: unknown): BridgeError {
  if (reason instanceof BridgeError) return reason;
  const data = AppErrorDataSchema.safeParse(reason);
  if (data.success) return new BridgeError(data.data);
  const message = reason instanceof Error ? reason.message : 'The app did not answer as expected.';
  return new BridgeError({ code: 'internal_error', message });
}
