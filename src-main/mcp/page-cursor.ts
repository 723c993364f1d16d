/**
 * Opaque paging cursors for tool answers that page an in-memory list (tenants): base64url JSON of the
 * offset and the query it belongs to, so a cursor only continues the listing that handed it out.
 */
import { Buffer } from 'node:buffer';
import { z } from 'zod';
import { CoreError } from '../core/common/core-error';

const CursorSchema = z.object({ k: z.string().max(32), o: z.number().int().min(0).max(10_000_000), q: z.string().max(200) });

/** Encodes where the next page of listing `kind` for `query` starts. */
export function encodePageCursor(kind: string, offset: number, query: string): string {
  return Buffer.from(JSON.stringify({ k: kind, o: offset, q: query }), 'utf8').toString('base64url');
}

/** Decodes a cursor of listing `kind`; `invalid_request` when it is not one (or belongs to another query). */
export function decodePageCursor(kind: string, raw: string, query: string): number {
  let cursor: z.infer<typeof CursorSchema>;
  try {
    cursor = CursorSchema.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
  } catch {
    throw new CoreError('invalid_request', 'the cursor is not one this bridge handed out; list again without cursor', 'cursor');
  }
  if (cursor.k !== kind || cursor.q !== query) throw new CoreError('invalid_request', 'the cursor belongs to another listing (other search); list again without cursor', 'cursor');
  return cursor.o;
}
