/**
 * Connects an SDK client to servers built by the factory, served by the SDK's `serveStdio` entry over
 * its in-memory transport (the era chosen from the client's first message, as on stdio and the socket).
 * `modern` (default): the v2 client pinned to 2026-07-28; `legacy`: the v1 client's 2025-11-25 handshake.
 */
import { Client } from '@modelcontextprotocol/client';
import { Client as LegacyClient } from '@modelcontextprotocol/sdk/client/index.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import type { ConfirmationStates } from '../../../src-main/mcp/person-confirmation';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import type { CallToolResult } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import type { OperationMode } from '../../../src-shared/session';
import { McpAuditLog } from '../../../src-main/mcp/audit-log';
import { fixedMode, type OperationModeSource } from '../../../src-main/mcp/operation-mode';
import { createMcpServer, type BoundMcpServer } from '../../../src-main/mcp/server';
import type { AnyToolSpec } from '../../../src-main/mcp/tool';
import type { ToolsetSource } from '../../../src-main/mcp/toolsets';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import type { AppViewSource } from '../../../src-main/mcp/apps/view-html';
import type { ListResourcesResult, ReadResourceResult } from '@modelcontextprotocol/server';
import { FakeTenantSession } from '../../helpers/fake-tenant-session';
import type { FakeSessionOptions } from '../../helpers/fake-tenant-session';

/** A connected client, its fake session and the audit log. */
export interface Harness {
  session: FakeTenantSession;
  audit: McpAuditLog;
  logs: string[];
  listTools(): Promise<{ tools: Array<{ name: string; description?: string; inputSchema: Record<string, unknown>; outputSchema?: Record<string, unknown>; annotations?: Record<string, unknown> }> }>;
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  listResources(): Promise<ListResourcesResult>;
  readResource(uri: string): Promise<ReadResourceResult>;
  close(): Promise<void>;
}

/** Harness options: the era of the client and where the mode comes from. */
export interface HarnessOptions extends FakeSessionOptions {
  era?: 'modern' | 'legacy';
  modeSource?: OperationModeSource;
  /** Tools to serve instead of the product's (rule tests with tools of their own). */
  tools?: readonly AnyToolSpec[];
  /** Declares elicitation and answers each `elicitation/create` with this ("the person"). */
  elicit?: (message: string) => Promise<{ action: 'accept' | 'decline' | 'cancel'; content?: Record<string, string | number | boolean> }>;
  /** How long the server waits for the person's answer. */
  confirmationTimeoutMs?: number;
  /** The server's clock for confirmation states (a late answer). */
  confirmations?: ConfirmationStates;
  /** The person's toolsets (every domain when absent). */
  toolsets?: ToolsetSource;
  /** Called on every tools/list_changed the client hears. */
  onToolsChanged?: () => void;
  /** The MCP App views the server serves (default: this checkout's build, if any). */
  appViews?: AppViewSource;
  /** The client declares the MCP Apps extension with these MIME types (a host that renders views). */
  uiMimeTypes?: string[];
}

/** Starts a server on a fake session and connects a client named `test-client`. */
export async function connect(mode: OperationMode = 'READ_ONLY', options: HarnessOptions = {}): Promise<Harness> {
  const session = new FakeTenantSession(options);
  const audit = new McpAuditLog();
  const logs: string[] = [];
  const built: BoundMcpServer[] = [];
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const served = serveStdio(
    () => {
      const bound = createMcpServer({
        session,
        mode: options.modeSource ?? fixedMode(mode),
        audit,
        log: (line) => logs.push(line),
        ...(options.tools === undefined ? {} : { tools: options.tools }),
        ...(options.toolsets === undefined ? {} : { toolsets: options.toolsets }),
        ...(options.confirmationTimeoutMs === undefined ? {} : { confirmationTimeoutMs: options.confirmationTimeoutMs }),
        ...(options.confirmations === undefined ? {} : { confirmations: options.confirmations }),
        ...(options.appViews === undefined ? {} : { appViews: options.appViews }),
      });
      built.push(bound);
      return bound.server;
    },
    { transport: serverSide },
  );
  const elicit = options.elicit;
  const close = async (): Promise<void> => {
    await served.close();
    for (const bound of built) bound.dispose();
  };
  const extensions = options.uiMimeTypes === undefined ? {} : { extensions: { 'io.modelcontextprotocol/ui': { mimeTypes: options.uiMimeTypes } } };
  if (options.era === 'legacy') {
    const client = new LegacyClient({ name: 'test-client', version: '9.9.9' }, { capabilities: { ...(elicit === undefined ? {} : { elicitation: {} }), ...extensions } });
    if (elicit !== undefined) client.setRequestHandler(ElicitRequestSchema, async (request) => elicit(request.params.message));
    const heard = options.onToolsChanged;
    if (heard !== undefined) client.setNotificationHandler(ToolListChangedNotificationSchema, () => heard());
    await client.connect(clientSide as never);
    await client.listTools(); // as a real client does before calling (it would check answers against advertised output schemas)
    return {
      session,
      audit,
      logs,
      listTools: () => client.listTools() as never,
      call: async (name, args = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult,
      listResources: () => client.listResources() as never,
      readResource: (uri) => client.readResource({ uri }) as never,
      close: async () => ((await client.close()), await close()),
    };
  }
  const heard = options.onToolsChanged;
  const client = new Client(
    { name: 'test-client', version: '9.9.9' },
    {
      versionNegotiation: { mode: { pin: '2026-07-28' } },
      capabilities: { ...(elicit === undefined ? {} : { elicitation: { form: {} } }), ...extensions },
      ...(heard === undefined ? {} : { listChanged: { tools: { autoRefresh: false, onChanged: () => heard() } } }),
    },
  );
  if (elicit !== undefined) client.setRequestHandler('elicitation/create', async (request) => elicit((request.params as { message: string }).message));
  await client.connect(clientSide);
  await client.listTools();
  return {
    session,
    audit,
    logs,
    listTools: () => client.listTools() as never,
    call: async (name, args = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult,
    listResources: () => client.listResources() as never,
    readResource: (uri) => client.readResource({ uri }) as never,
    close: async () => ((await client.close()), await close()),
  };
}

/** The structured result of a successful call. */
export function ok(result: CallToolResult): Record<string, unknown> {
  if (result.isError) throw new Error(`expected success, got ${JSON.stringify(result.content)}`);
  const text = result.content[0]?.type === 'text' ? result.content[0].text : '';
  if (JSON.stringify(result.structuredContent) !== text) throw new Error('text content and structuredContent differ');
  return result.structuredContent as Record<string, unknown>;
}

/** The error envelope of a failed call. */
export function failure(result: CallToolResult): { type: string; code: string; message: string; param?: string } {
  if (!result.isError) throw new Error(`expected an error, got ${JSON.stringify(result.structuredContent)}`);
  const first = result.content[0];
  if (first?.type !== 'text') throw new Error('error without text content');
  const parsed = JSON.parse(first.text) as { error: { type: string; code: string; message: string; param?: string } };
  return parsed.error;
}
