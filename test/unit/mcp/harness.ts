/** Connects an SDK Client to a server built by the factory over the SDK's in-memory transport. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { OperationMode } from '../../../src-shared/session';
import { McpAuditLog } from '../../../src-main/mcp/audit-log';
import { createMcpServer } from '../../../src-main/mcp/server';
import { FakeTenantSession } from '../../helpers/fake-tenant-session';
import type { FakeSessionOptions } from '../../helpers/fake-tenant-session';

/** A connected client, its fake session and the audit log. */
export interface Harness {
  client: Client;
  session: FakeTenantSession;
  audit: McpAuditLog;
  logs: string[];
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

/** Starts a server on a fake session and connects a client named `test-client`. */
export async function connect(mode: OperationMode = 'READ_ONLY', options: FakeSessionOptions = {}): Promise<Harness> {
  const session = new FakeTenantSession(options);
  const audit = new McpAuditLog();
  const logs: string[] = [];
  const bound = createMcpServer({ session, mode, audit, log: (line) => logs.push(line) });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await bound.server.connect(serverSide);
  const client = new Client({ name: 'test-client', version: '9.9.9' });
  await client.connect(clientSide);
  await client.listTools(); // lets the client validate structuredContent against the output schemas
  return {
    client,
    session,
    audit,
    logs,
    call: async (name, args = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult,
    close: async () => {
      await client.close();
      bound.dispose();
    },
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
