/**
 * Tool results and the error envelope: success is JSON text content plus
 * `structuredContent`; failure is `isError: true` with `{error:{type, code, message, param?}}` as the
 * JSON text content. Errors carry no `structuredContent` on purpose: the MCP spec ties
 * `structuredContent` to the tool's `outputSchema`, and SDK clients validate it even on errors, so an
 * envelope there would make conforming clients reject the answer.
 * Messages pass through `redactTokens` on the way out, so no token can reach a client even if a
 * lower layer ever put one in a message.
 */
import { z } from 'zod';
import type { CallToolResult } from '@modelcontextprotocol/server';
import { ErrorCodeSchema, mcpErrorTypeOf } from '../../src-shared/errors';
import type { AppErrorData } from '../../src-shared/errors';
import { toErrorData } from '../core/error-data';
import { redactSecrets } from '../core/redact';

/** The envelope's `error` object. */
export const ToolErrorSchema = z.object({
  type: z.enum(['invalid_request', 'authentication_error', 'api_error', 'rate_limit_error', 'not_found']),
  code: ErrorCodeSchema,
  message: z.string(),
  param: z.string().optional(),
});
/** The error envelope every failing tool call answers with. */
export const ToolErrorEnvelopeSchema = z.object({ error: ToolErrorSchema });
/** The error envelope. */
export type ToolErrorEnvelope = z.infer<typeof ToolErrorEnvelopeSchema>;

/** Removes anything token-shaped from a message (the core's redaction, labelled for AI clients). */
export function redactTokens(text: string): string {
  return redactSecrets(text, [], '[redacted token]');
}

/** Anything thrown as error data for a tool result (the one mapping, with the bridge's own sentence). */
export function errorDataOf(error: unknown): AppErrorData {
  return toErrorData(error, { internalMessage: 'Internal error in the Nevent Companion MCP bridge.' });
}

/** Builds the error result for plain error data. */
export function errorResult(data: AppErrorData): CallToolResult {
  const envelope: ToolErrorEnvelope = {
    error: { type: mcpErrorTypeOf(data.code), code: data.code, message: redactTokens(data.message) },
  };
  if (data.param !== undefined) envelope.error.param = data.param;
  return { isError: true, content: [{ type: 'text', text: JSON.stringify(envelope) }] };
}

/** Builds a success result: the same object as JSON text and as `structuredContent`. */
export function okResult(structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(structured) }], structuredContent: structured };
}
