/** MCP SDK clients for the benchmarks: over a spawned process's stdio, or over the unix socket. */
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport, getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult, ClientCapabilities } from '@modelcontextprotocol/sdk/types.js';
import { LineTransport } from '../src-main/mcp/line-transport';

/** The repository root (the bench bundle lives in out/bench/, the sources in bench/). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The launcher users run. */
export const binPath = join(repoRoot, 'bin', 'nevent-companion.mjs');

/** A connected MCP client. */
export interface BenchClient {
  client: Client;
  /** Calls a tool; throws when the result is an error, returns its structuredContent. */
  call(name: string, args?: Record<string, unknown>): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

function wrap(client: Client): BenchClient {
  return {
    client,
    call: async (name, args = {}) => {
      const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
      if (result.isError === true) throw new Error(`${name} failed: ${JSON.stringify(result.content).slice(0, 300)}`);
      return result.structuredContent as Record<string, unknown>;
    },
    close: () => client.close(),
  };
}

/**
 * Spawns `command args` and connects over its stdio (stderr ignored unless NEVENT_BENCH_VERBOSE), declaring
 * `capabilities` in the handshake (none by default).
 */
export async function stdioClient(command: string, args: string[], env: Record<string, string> = {}, capabilities: ClientCapabilities = {}): Promise<BenchClient> {
  const transport = new StdioClientTransport({ command, args, env: { ...getDefaultEnvironment(), ...env }, stderr: process.env.NEVENT_BENCH_VERBOSE ? 'inherit' : 'ignore', cwd: repoRoot });
  const client = new Client({ name: 'nevent-bench', version: '1.0.0' }, { capabilities });
  await client.connect(transport);
  return wrap(client);
}

/** Connects straight to the socket (the scale benchmark's 200 sessions). */
export async function socketClient(path: string, name = 'nevent-bench'): Promise<BenchClient> {
  const socket = await new Promise<ReturnType<typeof connect>>((resolve, reject) => {
    const s = connect(path);
    s.once('connect', () => resolve(s));
    s.once('error', reject);
  });
  const client = new Client({ name, version: '1.0.0' });
  await client.connect(new LineTransport(socket, socket, { destroy: () => socket.destroy() }));
  return wrap(client);
}
