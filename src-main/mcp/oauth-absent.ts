/**
 * The loopback HTTP endpoint takes a static bridge token, not OAuth. An MCP client that gets our 401 goes
 * looking for OAuth (RFC 9728 protected-resource metadata, RFC 8414 / OpenID discovery, then the default
 * /register, /authorize and /token), and a 401 on those too reads as "this server wants a sign-in": opencode
 * shows "needs authentication", Copilot CLI asks for a browser sign-in, mcp-remote tries to register a
 * client. So every such path answers a definite 404 (whatever the token), saying where the token comes
 * from; the clients then report the 401 they got on /mcp (docs/ai-clients.md: what each one shows).
 *
 *   /.well-known/oauth-protected-resource[/mcp]      /mcp/.well-known/oauth-protected-resource
 *   /.well-known/oauth-authorization-server[/mcp]    /mcp/.well-known/oauth-authorization-server
 *   /.well-known/openid-configuration[/mcp]          /mcp/.well-known/openid-configuration
 *   /register   /authorize   /token
 */
import { bridgeTokenEnvVar } from './client-config/entry';

const discoveryDocuments = ['oauth-protected-resource', 'oauth-authorization-server', 'openid-configuration'];
const defaultEndpoints = new Set(['/register', '/authorize', '/token']);

/** Whether `path` is where an OAuth client looks for metadata or its default endpoints. */
export function isOAuthPath(path: string): boolean {
  if (defaultEndpoints.has(path)) return true;
  const wellKnown = path.indexOf('/.well-known/');
  if (wellKnown === -1) return false;
  const document = path.slice(wellKnown + '/.well-known/'.length).split('/')[0] ?? '';
  return discoveryDocuments.includes(document);
}

/** What the endpoint says instead of OAuth. */
const noOAuthMessage = `No OAuth here: set ${bridgeTokenEnvVar} to Nevent Companion's bridge token (sent as "Authorization: Bearer <token>"); create one in the app's MCP panel or with \`nevent-companion serve --http\`.`;

/** The 404 for an OAuth path. */
export function noOAuthResponse(): Response {
  return new Response(JSON.stringify({ error: 'not_found', error_description: noOAuthMessage }), { status: 404, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
}
