/**
 * The one place a request from the window (Electron IPC or `serve` HTTP) becomes a handler call:
 *
 *   (channel, raw payload) → known channel? → bounded? → zod(request) → handler → zod(response) → IpcResult
 *
 * Failures are plain `{code, message}`: a CoreError keeps its code and token-free message; anything
 * unexpected becomes `internal_error` with a generic message (the cause goes to the log, never across).
 */
import { describeIssue, firstIssue } from '../../src-shared/zod-issue';
import { isRequestChannel, ipcFail, ipcOk, requestChannels, type IpcResult, type RequestChannel, type RequestOf, type ResponseOf } from '../../src-shared/ipc';
import { jsonBoundsViolation } from '../../src-shared/json-bounds';
import { toErrorData } from '../core/common/error-data';

/** One handler per request channel. */
export type RequestHandlers = { [C in RequestChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

/** Dispatches a raw request to its handler. */
export type Dispatch = (channel: string, payload: unknown) => Promise<IpcResult<unknown>>;

/** Where unexpected failures are reported (never shown to the caller). */
export type InternalErrorLog = (channel: string, error: unknown) => void;

/** Builds the dispatcher over a full handler map. */
export function createDispatcher(handlers: RequestHandlers, logInternal: InternalErrorLog = () => undefined): Dispatch {
  return async (channel, payload) => {
    if (!isRequestChannel(channel)) return ipcFail('invalid_request', `Unknown request "${channel.slice(0, 64)}".`);
    const spec = requestChannels[channel];
    // Before zod (which recurses): a pathologically nested payload is refused, never a stack overflow.
    const tooComplex = jsonBoundsViolation(payload);
    if (tooComplex !== null) return ipcFail('invalid_request', `The request is too complex: ${tooComplex}.`);
    const request = spec.request.safeParse(payload);
    if (!request.success) return ipcFail('invalid_request', `The request is not valid: ${describeIssue(firstIssue(request.error))}`);
    let value: unknown;
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      value = await handler(request.data);
    } catch (error) {
      const data = toErrorData(error, { internalMessage: 'Something went wrong in the app; see its log for details.', onUnexpected: (cause) => logInternal(channel, cause) });
      return ipcFail(data.code, data.message, data.param);
    }
    // Parsing the answer both checks the handler and drops every undeclared field (tokens included).
    const response = spec.response.safeParse(value);
    if (!response.success) {
      logInternal(channel, response.error);
      return ipcFail('internal_error', 'The app produced an answer it cannot send; see its log for details.');
    }
    return ipcOk(response.data);
  };
}
