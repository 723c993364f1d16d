/**
 * What `mcp --attach` answers with while the app cannot be reached: a small MCP server that tells the
 * truth. Its instructions say the app is not reachable (and which socket was tried), and `tools/list`
 * holds one tool, `nevent_companion_status`, which says what is wrong and how to fix it. So the AI
 * client shows a server that is up but has nothing to do yet, instead of a full tool list whose every
 * call fails, and a wrong socket path is visible from the first listing. A call to any other tool (a
 * client that kept an older list) gets the Nevent error envelope with the same sentence. When the app
 * answers, the relay (attach-client.ts) tells the client `notifications/tools/list_changed` and the
 * app's tools appear.
 *
 * This module stays small on purpose: the MCP Bundle (scripts/build-mcpb.mjs) ships it with the relay,
 * and nothing here may pull in the core, the toolset or a native module.
 */
import { InMemoryTransport, Server } from '@modelcontextprotocol/server';
import type { CallToolResult, JSONRPCMessage } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { productServerName } from '../../src-shared/product';

/** The one tool listed while the app cannot be reached. */
export const statusToolName = 'nevent_companion_status';

/** Why the relay cannot reach the app right now. */
export type AttachProblem =
  /** Nothing answers at the socket: the app is not running, or listens elsewhere. */
  | { kind: 'not_running'; socketPath: string }
  /** Something is at the socket, but the checks refused it (someone else's, reachable by others, a symlink…). */
  | { kind: 'untrusted_socket'; socketPath: string; detail: string }
  /** The app answered and refused the session (signed out, shutting down…), in its own words. */
  | { kind: 'refused'; socketPath: string; detail: string };

// The switches over AttachProblem below name every case, with no default: the lint rule checks that
// each is complete and TypeScript that each returns.

/** One sentence: what is wrong. */
export function problemMessage(problem: AttachProblem): string {
  switch (problem.kind) {
    case 'not_running':
      return `Nevent Companion is not running — open it (or run \`nevent-companion serve\`), then try again. No MCP socket answers at ${problem.socketPath}.`;
    case 'untrusted_socket':
      return `Nevent Companion's MCP socket cannot be trusted, so nothing was sent to it: ${problem.detail}`;
    case 'refused':
      return problem.detail;
  }
}

/** What the person can do about it. */
function problemFix(problem: AttachProblem): string {
  switch (problem.kind) {
    case 'not_running':
      return [
        'Open Nevent Companion (or run `nevent-companion serve`); the tools appear here by themselves once it is up, without restarting this conversation.',
        `If it is already running, it listens on another socket than ${problem.socketPath}: its MCP panel (or the \`mcp socket:\` line of \`serve\`) shows which one. Re-create this client's entry from there (\`nevent-companion config <client> --write\`, with \`--socket PATH\` when the socket is not the default).`,
      ].join(' ');
    case 'untrusted_socket':
      return 'Quit whatever else listens there, or fix the folder as the message says, then restart Nevent Companion; this connection retries by itself.';
    case 'refused':
      return 'Do what the message says in Nevent Companion (for example sign in); this connection retries by itself.';
  }
}

/** The server instructions of the handshake answered while the app cannot be reached. */
function offlineInstructions(problem: AttachProblem): string {
  return [
    `Nevent Companion, the desktop app that holds the Nevent sign-in, cannot be reached: ${problemMessage(problem)}`,
    `No Nevent tool can run yet. Call ${statusToolName} to see what is wrong and how to fix it, and tell the user.`,
    'The Nevent tools appear in this same conversation as soon as the app answers (the tool list changes).',
  ].join(' ');
}


const statusTool = {
  name: statusToolName,
  title: 'Nevent Companion status',
  description: 'Says why the Nevent tools are not available yet (the Nevent Companion app is not reachable) and how to fix it.',
  inputSchema: { type: 'object' as const, properties: {} },
  annotations: { title: 'Nevent Companion status', readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
};

/** The status tool's answer: the same facts as text and as structured content. */
function statusResult(problem: AttachProblem): CallToolResult {
  const status = { app_reachable: false, problem: problem.kind, socket: problem.socketPath, message: problemMessage(problem), fix: problemFix(problem) };
  return { content: [{ type: 'text', text: JSON.stringify(status) }], structuredContent: status };
}

/** Any other tool while the app cannot be reached: the Nevent error envelope, saying why. */
function unavailableResult(problem: AttachProblem): CallToolResult {
  const envelope = { error: { type: 'api_error', code: 'api_unavailable', message: problemMessage(problem) } };
  return { isError: true, content: [{ type: 'text', text: JSON.stringify(envelope) }], structuredContent: envelope };
}

/** The offline server: one status tool; `problem()` is read for every answer, so each follows the latest cause. */
function createOfflineServer(problem: () => AttachProblem, version: string): Server {
  const server = new Server(
    { name: productServerName, title: 'Nevent Companion', version },
    // listChanged: the relay announces the app's tools when it answers.
    { capabilities: { tools: { listChanged: true } }, instructions: offlineInstructions(problem()) },
  );
  server.setRequestHandler('tools/list', () => ({ tools: [statusTool] }));
  server.setRequestHandler('tools/call', (request) => (request.params.name === statusToolName ? statusResult(problem()) : unavailableResult(problem())));
  return server;
}

/** The offline server as a message endpoint: `send` a client message, answers arrive on `onmessage`. */
export interface OfflineEndpoint {
  send(message: JSONRPCMessage): void;
  onmessage: ((message: JSONRPCMessage) => void) | null;
  close(): Promise<void>;
}

/** Starts the offline server behind an in-memory pair; the SDK's entry decides the era from the client's first message. */
export async function startOfflineEndpoint(problem: () => AttachProblem, version: string): Promise<OfflineEndpoint> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  // Built on the client's first message, so the instructions describe the problem as it is then.
  const handle = serveStdio(() => createOfflineServer(problem, version), { transport: serverSide });
  const endpoint: OfflineEndpoint = {
    onmessage: null,
    send: (message) => {
      void clientSide.send(message).catch(() => undefined);
    },
    close: () => handle.close(),
  };
  clientSide.onmessage = (message) => endpoint.onmessage?.(message);
  await clientSide.start();
  return endpoint;
}
