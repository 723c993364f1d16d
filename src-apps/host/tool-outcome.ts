/**
 * What a tool call answered, read the way the bridge writes it (docs/mcp-apps.md): success is the JSON
 * object in `structuredContent` (and as text), failure is `isError` with the Nevent error envelope as its
 * text. A host may also refuse or fail to pass a call on; that is its own kind of failure.
 */
import type { CallToolResult } from '@modelcontextprotocol/client';
import { operationModeMetaKey } from '../../src-shared/app-views';
import { AppErrorDataSchema, type AppErrorData } from '../../src-shared/errors';
import { OperationModeSchema, type OperationMode } from '../../src-shared/session';

/** A call's outcome: the answer, the bridge's error, or the host's failure to pass the call on. */
export type ToolOutcome =
  | { kind: 'ok'; value: Record<string, unknown>; mode: OperationMode | null }
  | { kind: 'error'; error: AppErrorData; mode: OperationMode | null }
  | { kind: 'host-error'; reason: string };

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function textOf(result: CallToolResult): string {
  const first = result.content?.[0];
  return first !== undefined && first.type === 'text' ? first.text : '';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The operation mode a linked tool's answer carries for its view (null when the answer says none). */
export function modeOf(result: CallToolResult): OperationMode | null {
  const parsed = OperationModeSchema.safeParse(result._meta?.[operationModeMetaKey]);
  return parsed.success ? parsed.data : null;
}

/** Reads a tool result as an outcome. */
export function readOutcome(result: CallToolResult): ToolOutcome {
  const mode = modeOf(result);
  if (result.isError === true) {
    const envelope = parseJson(textOf(result));
    const error = AppErrorDataSchema.safeParse(isRecord(envelope) ? envelope.error : undefined);
    // Not our envelope (an error the host wrote, or a code this view does not know): its text is the detail.
    return { kind: 'error', error: error.success ? error.data : { code: 'api_error', message: textOf(result) }, mode };
  }
  const value = isRecord(result.structuredContent) ? result.structuredContent : parseJson(textOf(result));
  if (!isRecord(value)) return { kind: 'error', error: { code: 'api_error', message: textOf(result) }, mode };
  return { kind: 'ok', value, mode };
}
