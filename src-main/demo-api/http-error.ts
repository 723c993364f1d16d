/** Errors the demo API answers with: NestJS-style bodies on the core API, the envelope on the data API. */
import type { ApiErrorBody } from '../../src-shared/api';
import type { ErrorCode } from '../../src-shared/errors';

const reasonPhrases: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** A failure with an HTTP status; thrown by handlers, turned into a JSON body by the app. */
export class DemoHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly param?: string,
  ) {
    super(message);
    this.name = 'DemoHttpError';
  }

  /** The NestJS-style body (`ApiErrorBodySchema`). */
  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { statusCode: this.status, error: reasonPhrases[this.status] ?? 'Error', message: this.message, code: this.code };
    if (this.param !== undefined) body.param = this.param;
    return body;
  }

  /** The data API's error envelope (`DataErrorEnvelopeSchema`). */
  toEnvelope(now: Date): { success: false; error: { code: string; message: string; param?: string }; timestamp: string } {
    const error: { code: string; message: string; param?: string } = { code: this.code, message: this.message };
    if (this.param !== undefined) error.param = this.param;
    return { success: false, error, timestamp: now.toISOString() };
  }
}

/** 400 for a request that is malformed or invalid. */
export function badRequest(message: string, param?: string): DemoHttpError {
  return new DemoHttpError(400, 'validation_failed', message, param);
}

/** 404 for a missing resource. */
export function notFound(message: string, code: ErrorCode = 'not_found'): DemoHttpError {
  return new DemoHttpError(404, code, message);
}
