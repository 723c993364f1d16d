/**
 * Error bodies of the Nevent API, in every shape the evidence shows (NEVENT-API.md "Errors",
 * test/fixtures/nevent-api/errors.*.json):
 *
 *   core API   {message}  ·  {message, error}  ·  {message, error, statusCode} (`message` may be a list)
 *              {error: {message, details?, code?, type?}}   (`details` is the better message)
 *              plain text ("Forbidden")  ·  Spring's {timestamp, status, error, path}  ·  429 {retryAfter}
 *   data API   {success: false, message, error}   (`error` is a detail like "Invalid DSL: …", or a CODE)
 *              — also inside a 200, which is still a failure
 *
 * The client shows the API's own words whichever shape came, and takes its code when it sends one.
 */

/** What an error body says, as far as it says anything. */
export interface ApiErrorDetail {
  message: string | null;
  /** The API's machine code, when it sent one (`VALIDATION_ERROR`, `missing_field`, `INVALID_OPERATOR`). */
  code: string | null;
  /** The field the error is about, when the body names one. */
  param: string | null;
  /** Seconds to wait before retrying (429 answers), when the body says. */
  retryAfterSeconds: number | null;
}

/** Longest message taken from an error body (a misbehaving server must not flood the UI). */
const maxMessageLength = 500;

function text(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, maxMessageLength);
  if (Array.isArray(value)) {
    const parts = value.filter((part): part is string => typeof part === 'string' && part.trim() !== '');
    return parts.length === 0 ? null : parts.join('; ').slice(0, maxMessageLength);
  }
  return null;
}

/** A machine code: one UPPER_SNAKE or lower_snake token (a reason phrase like "Forbidden" is not one). */
function code(value: unknown): string | null {
  return typeof value === 'string' && (/^[A-Z][A-Z0-9_.-]{1,63}$/.test(value) || /^[a-z][a-z0-9_.-]{1,63}$/.test(value)) ? value : null;
}

/** HTTP reason phrases: NestJS and Spring put them in `error`; they add nothing to the API's message. */
const reasonPhrases = new Set(['bad request', 'unauthorized', 'payment required', 'forbidden', 'not found', 'method not allowed', 'not acceptable', 'conflict', 'gone', 'payload too large', 'unsupported media type', 'unprocessable entity', 'too many requests', 'internal server error', 'bad gateway', 'service unavailable', 'gateway timeout']);

/** The `error` string as words worth showing (a detail), or null when it is a code or a reason phrase. */
function detailOf(value: string | null): string | null {
  return value === null || code(value) !== null || reasonPhrases.has(value.toLowerCase()) ? null : value;
}

function shortString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value.slice(0, 200) : null;
}

/** A text body is shown as it is, unless it is an HTML page (a gateway's, not the API's words). */
function textBody(body: string): string | null {
  const trimmed = body.trim();
  if (trimmed === '' || /^<(!doctype|html|\?xml|[a-z]+[\s>])/i.test(trimmed)) return null;
  return trimmed.slice(0, maxMessageLength);
}

/** Reads any error body (parsed JSON, or the raw text of a non-JSON one); unknown fields are null. Never throws. */
export function readApiErrorBody(body: unknown): ApiErrorDetail {
  const none: ApiErrorDetail = { message: null, code: null, param: null, retryAfterSeconds: null };
  if (typeof body === 'string') return { ...none, message: textBody(body) };
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ...none, message: text(body) };
  const record = body as Record<string, unknown>;
  const nested = record.error !== null && typeof record.error === 'object' && !Array.isArray(record.error) ? (record.error as Record<string, unknown>) : null;
  const topError = nested === null ? text(record.error) : null;
  const topMessage = text(record.message) ?? text(record.errorMessage) ?? text(record.detail);
  let message: string | null;
  if (nested !== null) message = text(nested.details) ?? text(nested.message) ?? topMessage;
  else {
    const detail = detailOf(topError);
    if (topMessage !== null && detail !== null && detail !== topMessage) message = `${topMessage}: ${detail}`.slice(0, maxMessageLength);
    // A Spring error page carries only its reason phrase (and the path): that is still better than nothing.
    else message = topMessage ?? detail ?? topError;
  }
  const retryAfter = typeof record.retryAfter === 'number' && Number.isFinite(record.retryAfter) && record.retryAfter >= 0 ? record.retryAfter : null;
  return {
    message,
    code: code(nested?.code) ?? code(record.code) ?? code(topError) ?? code(nested?.type),
    param: shortString(nested?.param) ?? shortString(record.param),
    retryAfterSeconds: retryAfter,
  };
}

/** True for a data-API body that reports a failure (`success: false`), whatever its HTTP status. */
export function isFailureEnvelope(body: unknown): boolean {
  return body !== null && typeof body === 'object' && !Array.isArray(body) && (body as { success?: unknown }).success === false;
}
