/** Shared pieces of the reliability suite: a real core + socket bridge, and the "never torn" check. */
import { expect } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { CoreSession } from '../../../src-main/core/session/core-session';
import { McpAuditLog } from '../../../src-main/mcp/audit-log';
import { startMcpSocketServer, type McpSocketServer } from '../../../src-main/mcp/socket-server';
import type { OperationMode } from '../../../src-shared/session';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { tempSocketPath } from '../mcp/socket-helpers';
import { fixedMode } from '../../../src-main/mcp/operation-mode';

/** A demo API, a signed-in core, and the MCP socket server on a private socket. */
export interface Bridge {
  fixture: CoreFixture;
  server: McpSocketServer;
  socketPath: string;
  audit: McpAuditLog;
  /** Every line the bridge logged. */
  logs: string[];
  close(): Promise<void>;
}

/** Starts the bridge (owner signed in, desktop in tn-acme). */
export async function startBridge(options: { mode?: OperationMode; requestTimeoutMs?: number; maxLineBytes?: number; jwks?: boolean } = {}): Promise<Bridge> {
  const fixture = await startCoreFixture({ demo: { jwks: options.jwks ?? false }, core: { requestTimeoutMs: options.requestTimeoutMs ?? 2000 } });
  const temp = tempSocketPath();
  const audit = new McpAuditLog();
  const logs: string[] = [];
  const server = await startMcpSocketServer({ registry: fixture.core.registry, socketPath: temp.path, mode: fixedMode(options.mode ?? 'READ_ONLY'), audit, log: (line) => logs.push(line), maxLineBytes: options.maxLineBytes ?? 256 * 1024 });
  return {
    fixture,
    server,
    socketPath: temp.path,
    audit,
    logs,
    close: async () => {
      await server.close();
      await fixture.close();
      temp.cleanup();
    },
  };
}

/** The tenant claim of a JWT (`tenantId`, or `activeTenantId` as the platform user's tokens carry it), decoded. */
export function tokenTenant(token: string): string | null {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { tenantId?: string; activeTenantId?: string };
  return payload.tenantId ?? payload.activeTenantId ?? null;
}

/** Never torn: a call opened now sends the session's one credential, and the active tenant is that token's. */
export async function expectCoherent(session: CoreSession): Promise<void> {
  const credential = session.credential;
  const scope = await session.openScope();
  expect(scope.data.credential).toBe(credential);
  expect(session.snapshot().activeTenantId).toBe(tokenTenant(credential.accessToken));
  expect(session.activeTenantId).toBe(tokenTenant(credential.accessToken));
}

/** The core session behind the MCP connection whose client called itself `name`. */
export function sessionNamed(bridge: Bridge, name: string): CoreSession {
  const snapshot = bridge.fixture.core.registry.snapshots().find((s) => s.kind === 'mcp' && s.clientName === name);
  const session = snapshot === undefined ? null : bridge.fixture.core.registry.get(snapshot.id);
  if (session === null) throw new Error(`no session for ${name}`);
  return session;
}

/** structuredContent of a result, or the error envelope's `error` when isError. */
export function outcome(result: CallToolResult): { ok: true; value: Record<string, unknown> } | { ok: false; code: string } {
  if (result.isError === true) {
    const text = result.content[0]?.type === 'text' ? result.content[0].text : '{}';
    return { ok: false, code: (JSON.parse(text) as { error: { code: string } }).error.code };
  }
  return { ok: true, value: result.structuredContent as Record<string, unknown> };
}

/** Rejects after `ms` (bounds every call in the suite). */
export function within<T>(ms: number, work: Promise<T>, what = 'call'): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms).unref())]);
}
