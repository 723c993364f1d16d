/**
 * MCP peers for the transport × era matrix: the v2 client pinned to 2026-07-28 (`modern`) and the v1
 * `@modelcontextprotocol/sdk` client with the 2025-11-25 handshake (`legacy`), over stdio (a spawned
 * CLI), the app's socket, `mcp --attach` and the loopback HTTP endpoint. Every peer answers the same
 * small interface, so one test body runs on all of them.
 */
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Client as LegacyClient } from '@modelcontextprotocol/sdk/client/index.js';
import { ElicitRequestSchema, ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { StdioClientTransport as LegacyStdioClientTransport, getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport as LegacyHttpClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/server';
import { LineTransport } from '../../../src-main/mcp/line-transport';
import { binPath, repoRoot } from './cli-helpers';
import { rawConnect } from './socket-helpers';

/** The protocol era a peer speaks. */
export type Era = 'modern' | 'legacy';

/** Where a peer connects. */
export type PeerTarget = { kind: 'stdio'; args: string[]; env?: Record<string, string> } | { kind: 'socket'; path: string } | { kind: 'http'; url: string; token: string };

/** One connected client. */
export interface Peer {
  era: Era;
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  listTools(): Promise<{ tools: Array<{ name: string }> }>;
  /** The protocol revision in use (2026-07-28 for modern peers; the negotiated one for legacy peers). */
  protocolVersion(): string | undefined;
  /**
   * Resolves once the server can reach this peer with a notification: at once on stdio and sockets, and
   * for 2026-07-28 peers (connect waits for the listen stream's acknowledgement); a 2025-era HTTP peer
   * opens its GET stream after the handshake, and this waits for it.
   */
  listening(): Promise<void>;
  close(): Promise<void>;
}

const cliEnv = (extra: Record<string, string> = {}): Record<string, string> => ({ ...getDefaultEnvironment(), NEVENT_COMPANION_CONFIG_DIR: join(repoRoot, 'test-results', 'no-config'), ...extra });

/** What the person answers when the client asks them to confirm (`elicitation/create`). */
export type ElicitAnswer = { action: 'accept' | 'decline' | 'cancel'; content?: Record<string, string | number | boolean> };

/** What a peer does besides calling: hear tool-list changes, and ask "the person" when the server asks. */
export interface PeerOptions {
  /** Called on every `notifications/tools/list_changed` (2025) or its delivery on a listen stream (2026-07-28). */
  onToolsChanged?: () => void;
  /** Declares elicitation (form) and answers each request with this (a promise that never settles: a person who never answers). */
  elicit?: (message: string) => Promise<ElicitAnswer>;
}

/** Connects a peer of `era` named `name` to `target`. */
export async function connectPeer(era: Era, target: PeerTarget, name = `${era}-peer`, options: PeerOptions = {}): Promise<Peer> {
  if (era === 'modern') {
    const client = new Client(
      { name, version: '2.0.0' },
      {
        versionNegotiation: { mode: { pin: '2026-07-28' } },
        ...(options.elicit === undefined ? {} : { capabilities: { elicitation: { form: {} } } }),
        ...(options.onToolsChanged === undefined ? {} : { listChanged: { tools: { autoRefresh: false, onChanged: () => options.onToolsChanged?.() } } }),
      },
    );
    const elicit = options.elicit;
    if (elicit !== undefined) client.setRequestHandler('elicitation/create', async (request) => elicit((request.params as { message: string }).message));
    if (target.kind === 'stdio') await client.connect(new StdioClientTransport({ command: process.execPath, args: [binPath, ...target.args], env: cliEnv(target.env), stderr: 'ignore', cwd: repoRoot }));
    else if (target.kind === 'socket') {
      const socket = await rawConnect(target.path);
      await client.connect(new LineTransport(socket, socket, { destroy: () => socket.destroy() }));
    } else await client.connect(new StreamableHTTPClientTransport(new URL(target.url), { requestInit: { headers: { authorization: `Bearer ${target.token}` } } }));
    return {
      era,
      call: async (tool, args = {}) => (await client.callTool({ name: tool, arguments: args })) as CallToolResult,
      listTools: () => client.listTools() as Promise<{ tools: Array<{ name: string }> }>,
      protocolVersion: () => client.getNegotiatedProtocolVersion?.(),
      listening: () => Promise.resolve(),
      close: () => client.close(),
    };
  }
  const client = new LegacyClient({ name, version: '1.0.0' }, options.elicit === undefined ? {} : { capabilities: { elicitation: {} } });
  const elicit = options.elicit;
  if (elicit !== undefined) client.setRequestHandler(ElicitRequestSchema, async (request) => elicit(request.params.message));
  const onToolsChanged = options.onToolsChanged;
  if (onToolsChanged !== undefined) client.setNotificationHandler(ToolListChangedNotificationSchema, () => onToolsChanged());
  let streamOpen: () => void = () => undefined;
  const listening = target.kind === 'http' ? new Promise<void>((resolve) => (streamOpen = resolve)) : Promise.resolve();
  if (target.kind === 'stdio') await client.connect(new LegacyStdioClientTransport({ command: process.execPath, args: [binPath, ...target.args], env: cliEnv(target.env), stderr: 'ignore', cwd: repoRoot }));
  else if (target.kind === 'socket') {
    const socket = await rawConnect(target.path);
    await client.connect(new LineTransport(socket, socket, { destroy: () => socket.destroy() }) as never);
  } else {
    // The GET that opens the server's stream for notifications, seen answered.
    const watched: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === 'GET' && response.ok) streamOpen();
      return response;
    };
    await client.connect(new LegacyHttpClientTransport(new URL(target.url), { requestInit: { headers: { authorization: `Bearer ${target.token}` } }, fetch: watched }) as never);
  }
  return {
    era,
    call: async (tool, args = {}) => (await client.callTool({ name: tool, arguments: args })) as CallToolResult,
    listTools: () => client.listTools(),
    protocolVersion: () => (client.transport as { protocolVersion?: string } | undefined)?.protocolVersion ?? (client as unknown as { _negotiatedProtocolVersion?: string })._negotiatedProtocolVersion,
    listening: () => listening,
    close: () => client.close(),
  };
}

/** structuredContent of a successful call (throws on an error result). */
export function value(result: CallToolResult): Record<string, unknown> {
  if (result.isError === true) throw new Error(`expected success, got ${JSON.stringify(result.content)}`);
  return result.structuredContent as Record<string, unknown>;
}

/** The envelope's `error` of a failed call (throws on success). */
export function envelope(result: CallToolResult): { type: string; code: string; message: string; param?: string } {
  if (result.isError !== true) throw new Error(`expected an error, got ${JSON.stringify(result.structuredContent)}`);
  const first = result.content[0];
  return (JSON.parse(first?.type === 'text' ? first.text : '{}') as { error: { type: string; code: string; message: string; param?: string } }).error;
}
