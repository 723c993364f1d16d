/** Assertions on tool results shared by the MCP integration tests. */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { expect } from 'vitest';
import { z } from 'zod';
import { ToolErrorSchema } from '../../../src-main/mcp/envelope';

const StrictEnvelopeSchema = z.object({ error: ToolErrorSchema.strict() }).strict();

/** The structuredContent of a successful call (equal to its JSON text content). */
export function ok(result: CallToolResult): Record<string, unknown> {
  if (result.isError === true) throw new Error(`expected success, got ${JSON.stringify(result.content)}`);
  const first = result.content[0];
  expect(first?.type).toBe('text');
  expect(JSON.parse(first?.type === 'text' ? first.text : 'null')).toEqual(result.structuredContent);
  return result.structuredContent as Record<string, unknown>;
}

/** The error of a failed call, after checking it is exactly the envelope. */
export function failure(result: CallToolResult): { type: string; code: string; message: string; param?: string } {
  expect(result.isError).toBe(true);
  const first = result.content[0];
  expect(first?.type).toBe('text');
  const parsed = StrictEnvelopeSchema.parse(JSON.parse(first?.type === 'text' ? first.text : 'null'));
  return parsed.error;
}
