/**
 * What the client can do, as it told us for the request at hand. A 2025-era client declares its
 * capabilities once, in the handshake; a 2026-07-28 client has no handshake and carries them in every
 * request's envelope (so a server built per request, or a pooled connection, still reads the right ones).
 * Every feature that depends on the client (asking the person, showing a view) reads them here.
 */
import { CLIENT_CAPABILITIES_META_KEY } from '@modelcontextprotocol/server';
import type { ClientCapabilities, ServerContext } from '@modelcontextprotocol/server';

/** The capabilities a request comes with, and from which era of the protocol. */
export interface RequestCapabilities {
  /** `modern`: read from this request's envelope (2026-07-28); `legacy`: from the handshake (2025 era). */
  era: 'modern' | 'legacy';
  capabilities: ClientCapabilities | undefined;
}

/** The capabilities in force for the request `ctx` belongs to (`handshake`: what `initialize` declared, if any). */
export function requestCapabilities(ctx: ServerContext, handshake: ClientCapabilities | undefined): RequestCapabilities {
  const envelope = ctx.mcpReq.envelope as Record<string, unknown> | undefined;
  if (envelope !== undefined) return { era: 'modern', capabilities: envelope[CLIENT_CAPABILITIES_META_KEY] as ClientCapabilities | undefined };
  return { era: 'legacy', capabilities: handshake };
}
