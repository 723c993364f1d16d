/**
 * Errors the demo API answers with, in the real API's shapes (NEVENT-API.md "Errors"), so clients meet
 * every one of them:
 *
 *   core API   nest     {statusCode, message, error}      (validation: `message` is a list, NestJS style)
 *              plain    {message}
 *              nested   {error: {message, code, type, details}}
 *              text     a plain-text body ("Not found")
 *   data API            {success: false, message, error: "CODE"}
 */
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

/** Which core-API error body a failure is sent as. */
export type CoreErrorShape = 'nest' | 'plain' | 'nested' | 'text';

/** A failure with an HTTP status; thrown by handlers, turned into a JSON body by the app. */
export class DemoHttpError extends Error {
  constructor(
    readonly status: number,
    /** What the failure is, in our words; sent upper case as the API's machine code where a shape has one. */
    readonly code: ErrorCode,
    message: string,
    /** The JSON path of the offending field, for validation errors. */
    readonly param?: string,
    readonly shape: CoreErrorShape = 'nest',
  ) {
    super(message);
    this.name = 'DemoHttpError';
  }

  /** The core API's body in this error's shape (a string for `text`). */
  toBody(): Record<string, unknown> | string {
    switch (this.shape) {
      case 'text':
        return this.message;
      case 'plain':
        return { message: this.message };
      case 'nested':
        return { error: { message: this.message, code: this.code.toUpperCase(), type: `${this.code}_error`, details: this.param === undefined ? {} : { field: this.param } } };
      case 'nest':
        // NestJS's ValidationPipe sends a list of messages; other errors a single one.
        return { statusCode: this.status, message: this.status === 400 ? [this.message] : this.message, error: reasonPhrases[this.status] ?? 'Error' };
      default: {
        const never: never = this.shape;
        return never;
      }
    }
  }

  /** The data API's error body. */
  toEnvelope(): { success: false; message: string; error: string } {
    return { success: false, message: this.message, error: this.code.toUpperCase() };
  }
}

/** 400 for a request that is malformed or invalid (NestJS validation style). */
export function badRequest(message: string, param?: string): DemoHttpError {
  return new DemoHttpError(400, 'validation_failed', message, param);
}

/** 404 for a missing resource (`{message}` only, as some real endpoints answer). */
export function notFound(message: string, code: ErrorCode = 'not_found'): DemoHttpError {
  return new DemoHttpError(404, code, message, undefined, 'plain');
}
