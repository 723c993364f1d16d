/**
 * One error-code union for every boundary (API client, core, MCP tools, IPC, CLI).
 * Errors crossing a boundary are plain data: `{ code, message, param? }`. Messages never contain tokens.
 */
import { z } from 'zod';
import { missingCaseError } from './missing-case';

/** Every error code the product reports. */
export const errorCodes = [
  'invalid_request',
  'validation_failed',
  'authentication_failed',
  'token_expired',
  'refresh_failed',
  'signed_out',
  'forbidden',
  'tenant_forbidden',
  'not_found',
  'tenant_not_found',
  'conflict',
  /** Too many requests (Nevent AI's name: the API's 429, or too many calls at once on the bridge); `param` is the seconds to wait. */
  'rate_limit_exceeded',
  'api_unavailable',
  'timeout',
  'api_error',
  'invalid_token',
  'token_tenant_mismatch',
  'no_home_tenant',
  'tenant_mismatch',
  'operation_not_permitted',
  /** A tool of a domain that is off for the conversation: `nevent_enable_tools` turns it on (`param: domain`). */
  'toolset_not_enabled',
  'confirmation_required',
  'keychain_unavailable',
  'keychain_timeout',
  'keychain_locked',
  'not_available',
  /** The person cancelled what was asked (a slow switch); nothing changed. */
  'cancelled',
  /** The tenant is not in a provider's paid-media insights pilot (the API answers those reads 404). */
  'feature_gate_not_enrolled',
  'internal_error',
] as const;

/** A product error code. */
export type ErrorCode = (typeof errorCodes)[number];

/** zod schema of an error code. */
export const ErrorCodeSchema = z.enum(errorCodes);

/** An error as plain data, safe to send across IPC, MCP or print. */
export const AppErrorDataSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  param: z.string().optional(),
});
/** An error as plain data. */
export type AppErrorData = z.infer<typeof AppErrorDataSchema>;

/** The MCP error envelope types. */
export type McpErrorType = 'invalid_request' | 'authentication_error' | 'api_error' | 'rate_limit_error' | 'not_found';

/** Maps a product error code to the MCP envelope `type`. */
export function mcpErrorTypeOf(code: ErrorCode): McpErrorType {
  switch (code) {
    case 'invalid_request':
    case 'validation_failed':
    case 'tenant_mismatch':
    case 'operation_not_permitted':
    case 'toolset_not_enabled':
    case 'confirmation_required':
    case 'no_home_tenant':
    case 'conflict':
    case 'forbidden':
    case 'tenant_forbidden':
    case 'feature_gate_not_enrolled':
    case 'cancelled':
      return 'invalid_request';
    case 'authentication_failed':
    case 'token_expired':
    case 'refresh_failed':
    case 'signed_out':
    case 'invalid_token':
    case 'token_tenant_mismatch':
      return 'authentication_error';
    case 'not_found':
    case 'tenant_not_found':
      return 'not_found';
    case 'rate_limit_exceeded':
      return 'rate_limit_error';
    case 'api_unavailable':
    case 'timeout':
    case 'api_error':
    case 'keychain_unavailable':
    case 'keychain_timeout':
    case 'keychain_locked':
    case 'not_available':
    case 'internal_error':
      return 'api_error';
    default:
      return missingCaseError(code);
  }
}

/** Maps an HTTP status from the Nevent API to a product error code. */
export function errorCodeForHttpStatus(status: number): ErrorCode {
  if (status === 400 || status === 422) return 'validation_failed';
  if (status === 401) return 'authentication_failed';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limit_exceeded';
  if (status === 502 || status === 503 || status === 504) return 'api_unavailable';
  return 'api_error';
}

