/**
 * What a server-side transport checks on every message before the MCP SDK sees it. The SDK keeps the
 * client's `initialize` parameters (clientInfo, capabilities) for the life of the connection, so they
 * are bounded here, where the message arrives, not after the SDK has stored them:
 *
 *   initialize line > maxInitializeBytes ──> answered with a JSON-RPC error, never delivered
 *   initialize ──> clientInfo name/version/title cut (client-text.ts); the rest fits in the line bound
 *   anything else ──> delivered as it came (tool arguments are bounded by the server: server.ts)
 */
import type { JSONRPCMessage } from '@modelcontextprotocol/server';
import { boundClientText, clientTextLimits } from './client-text';

/** An `initialize` request is a few hundred bytes; anything near this is not a real client. */
export const maxInitializeBytes = 64 * 1024;

/** The outcome for one inbound message: deliver it (maybe rewritten), or answer it directly. */
export type InboundDecision = { deliver: JSONRPCMessage } | { answer: JSONRPCMessage };

/** Applies the inbound limits to one message of `lineBytes` bytes. */
export function limitInbound(message: JSONRPCMessage, lineBytes: number): InboundDecision {
  if (!('method' in message) || message.method !== 'initialize' || !('id' in message)) return { deliver: message };
  if (lineBytes > maxInitializeBytes) {
    return { answer: { jsonrpc: '2.0', id: message.id, error: { code: -32600, message: `initialize is larger than ${maxInitializeBytes} bytes; refused` } } };
  }
  const params = message.params;
  const info = params?.clientInfo;
  // A malformed initialize is left for the SDK to refuse; only the strings we keep are cut.
  if (typeof info !== 'object' || info === null || Array.isArray(info)) return { deliver: message };
  const clientInfo: Record<string, unknown> = { ...(info as Record<string, unknown>) };
  for (const field of ['name', 'version', 'title'] as const) {
    if (typeof clientInfo[field] === 'string') clientInfo[field] = boundClientText(clientInfo[field], clientTextLimits[field]);
  }
  return { deliver: { ...message, params: { ...params, clientInfo } } as JSONRPCMessage };
}
