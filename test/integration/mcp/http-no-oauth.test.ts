/**
 * The loopback HTTP endpoint takes a static bridge token; a client that gets its 401 must not be led
 * into OAuth. Every discovery document and default OAuth endpoint a client tries (the list is what
 * GitHub Copilot CLI and the MCP SDK request, in their order) is a definite 404 naming the variable the
 * token comes from, with or without a token; /mcp's 401 names it too. An MCP SDK client with an OAuth
 * provider (what opencode, Gemini CLI, Qwen Code and mcp-remote run on) ends with our sentence and never
 * opens a browser.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { McpAuditLog } from '../../../src-main/mcp/audit-log';
import { BridgeTokenStore } from '../../../src-main/mcp/bridge-token';
import { startMcpHttpEndpoint, type McpHttpEndpoint } from '../../../src-main/mcp/http-endpoint';
import { fixedMode } from '../../../src-main/mcp/operation-mode';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { MemorySecretStore } from '../../helpers/secret-stores';

let fixture: CoreFixture;
let endpoint: McpHttpEndpoint;
let token: string;
beforeAll(async () => {
  fixture = await startCoreFixture();
  const tokens = new BridgeTokenStore(new MemorySecretStore());
  token = await tokens.create();
  endpoint = await startMcpHttpEndpoint({ registry: fixture.core.registry, mode: fixedMode('READ_ONLY'), token: tokens, audit: new McpAuditLog() });
}, 60_000);
afterAll(async () => {
  await endpoint?.close();
  await fixture?.close();
});

const discoveryPaths = [
  '/.well-known/oauth-protected-resource/mcp',
  '/.well-known/oauth-protected-resource',
  '/mcp/.well-known/oauth-protected-resource',
  '/.well-known/oauth-authorization-server/mcp',
  '/.well-known/openid-configuration/mcp',
  '/mcp/.well-known/openid-configuration',
  '/.well-known/oauth-authorization-server',
  '/.well-known/openid-configuration',
  '/register',
  '/authorize',
  '/token',
];

describe('the HTTP endpoint offers no OAuth', () => {
  it.each(discoveryPaths.map((path) => [path] as const))('%s is a definite 404 naming the token variable, with or without a token', async (path) => {
    const origin = new URL(endpoint.url).origin;
    const variants: Record<string, string>[] = [{}, { authorization: `Bearer ${token}` }, { authorization: 'Bearer ncb_wrong' }];
    for (const headers of variants) {
      const method = path === '/register' || path === '/token' ? 'POST' : 'GET';
      const response = await fetch(`${origin}${path}`, { method, headers });
      expect(response.status).toBe(404);
      const body = (await response.json()) as { error: string; error_description: string };
      expect(body.error).toBe('not_found');
      expect(body.error_description).toMatch(/^No OAuth here: set NEVENT_COMPANION_BRIDGE_TOKEN/);
      expect(JSON.stringify(body)).not.toContain(token);
    }
  });

  it("/mcp without the right token is a 401 that names the variable, and points to no OAuth metadata", async () => {
    const response = await fetch(endpoint.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: '{}' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).not.toMatch(/resource_metadata/);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/wrong bridge token\. Set NEVENT_COMPANION_BRIDGE_TOKEN/);
  });

  it('an MCP SDK client with an OAuth provider stops with our sentence and never starts a browser sign-in', async () => {
    let redirected: URL | null = null;
    const provider: OAuthClientProvider = {
      redirectUrl: 'http://127.0.0.1:1/callback',
      clientMetadata: { redirect_uris: ['http://127.0.0.1:1/callback'], client_name: 'oauth-probe' },
      clientInformation: () => undefined,
      saveClientInformation: () => undefined,
      tokens: () => undefined,
      saveTokens: () => undefined,
      redirectToAuthorization: (url) => {
        redirected = url;
      },
      saveCodeVerifier: () => undefined,
      codeVerifier: () => 'verifier',
    };
    const client = new Client({ name: 'oauth-probe', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(new URL(endpoint.url), { authProvider: provider, requestInit: { headers: { authorization: 'Bearer ncb_wrong' } } });
    await expect(client.connect(transport)).rejects.toThrow(/NEVENT_COMPANION_BRIDGE_TOKEN/);
    expect(redirected).toBeNull();
    await client.close().catch(() => undefined);
  });
});
