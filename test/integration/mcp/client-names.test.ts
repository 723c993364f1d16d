/**
 * Who called, for clients that send no handshake: a 2026-07-28 client over HTTP is stateless, and some
 * (seen with GitHub Copilot CLI) put no client info in the request's `_meta` either. The bridge then names
 * it by its HTTP `User-Agent` in the sessions panel and the audit log; "unnamed" only when nothing names
 * it. Raw HTTP requests as such a client sends them, against the real core and the loopback endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperationModeSetting } from '../../../src-main/app/operation-mode-setting';
import { McpAuditLog } from '../../../src-main/mcp/audit-log';
import { BridgeTokenStore } from '../../../src-main/mcp/bridge-token';
import { startMcpHttpEndpoint, type McpHttpEndpoint } from '../../../src-main/mcp/http-endpoint';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { MemorySecretStore } from '../../helpers/secret-stores';

let fixture: CoreFixture;
let endpoint: McpHttpEndpoint;
let token: string;
const audit = new McpAuditLog();

beforeAll(async () => {
  fixture = await startCoreFixture();
  const tokens = new BridgeTokenStore(new MemorySecretStore());
  token = await tokens.create();
  endpoint = await startMcpHttpEndpoint({ registry: fixture.core.registry, mode: new OperationModeSetting('READ_ONLY'), token: tokens, audit });
}, 60_000);
afterAll(async () => {
  await endpoint?.close();
  await fixture?.close();
});

let id = 0;
/** One stateless `tools/call` as a 2026-07-28 client sends it; `clientInfo` only when given. */
async function statelessCall(tool: string, headers: Record<string, string>, clientInfo?: { name: string; version: string }): Promise<Record<string, unknown>> {
  return statelessRequest('tools/call', { name: tool, arguments: {} }, { 'mcp-name': tool, ...headers }, clientInfo);
}

/** One stateless request as a 2026-07-28 client sends it; `clientInfo` only when given. */
async function statelessRequest(method: string, params: Record<string, unknown>, headers: Record<string, string>, clientInfo?: { name: string; version: string }): Promise<Record<string, unknown>> {
  id += 1;
  const meta = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientCapabilities': {}, ...(clientInfo === undefined ? {} : { 'io.modelcontextprotocol/clientInfo': clientInfo }) };
  const response = await fetch(endpoint.url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2026-07-28', 'mcp-method': method, ...headers },
    body: JSON.stringify({ jsonrpc: '2.0', id, method, params: { ...params, _meta: meta } }),
  });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  const data = text.startsWith('{') ? text : (text.split('\n').find((line) => line.startsWith('data: ')) ?? 'data: {}').slice(6);
  return JSON.parse(data) as Record<string, unknown>;
}

const lastEntry = () => audit.entries().at(-1);
const httpSession = () => fixture.core.registry.snapshots().find((s) => s.kind === 'mcp');

describe('client names of stateless clients', () => {
  it('names a client that sends no client info by its User-Agent, in the audit and the sessions panel', async () => {
    const answer = await statelessCall('nevent_get_active_tenant', { 'user-agent': 'copilot-cli/1.0.3 (linux; node 22)' });
    expect(answer.result).toBeDefined();
    expect(lastEntry()).toMatchObject({ name: 'nevent_get_active_tenant', clientName: 'copilot-cli', clientVersion: '1.0.3' });
    expect(httpSession()).toMatchObject({ clientName: 'copilot-cli', clientVersion: '1.0.3' });
  });

  it('prefers the client info of the request’s _meta to its User-Agent', async () => {
    await statelessCall('nevent_get_active_tenant', { 'user-agent': 'node' }, { name: 'Visual Studio Code', version: '1.99.0' });
    expect(lastEntry()).toMatchObject({ clientName: 'Visual Studio Code', clientVersion: '1.99.0' });
  });

  it('names a client that only lists the tools (as Claude Code’s `mcp list` does) from the request’s _meta', async () => {
    // The endpoint's one session of stateless requests was named by the calls above; a listing renames it.
    const answer = await statelessRequest('tools/list', {}, { 'user-agent': 'node' }, { name: 'claude-code', version: '2.1.332' });
    expect((answer.result as { tools?: unknown[] } | undefined)?.tools?.length).toBeGreaterThan(0);
    expect(httpSession()).toMatchObject({ clientName: 'claude-code', clientVersion: '2.1.332' });
  });

  it('a library’s default User-Agent names no client: the entry stays unnamed', async () => {
    await statelessCall('nevent_get_active_tenant', { 'user-agent': 'node' });
    expect(lastEntry()).toMatchObject({ clientName: null });
  });
});
