/**
 * The MCP panel's HTTP endpoint: turn it on, create the bridge token (shown once), reach the
 * endpoint with it from a real MCP client, write an HTTP entry that names the endpoint and never the
 * token, revoke the token (the client is refused), turn it off.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { expect, test } from '@playwright/test';
import { signOutIfNeeded, snap } from './helpers/ui';

test('the HTTP endpoint: on, a token shown once, a client in, an entry without the token, revoked, off', async ({ page }) => {
  await signOutIfNeeded(page);
  await page.getByRole('radio', { name: 'solo', exact: true }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('active-tenant-name')).toHaveText('Solo Studio');
  await page.getByRole('button', { name: /^MCP/ }).click();

  const section = page.getByRole('region', { name: 'HTTP endpoint' });
  await expect(section.getByTestId('http-state')).toHaveText('Off');
  // No HTTP choice while there is no endpoint to point at.
  await expect(page.getByRole('radiogroup', { name: 'How the client connects' })).toHaveCount(0);
  await section.getByRole('button', { name: 'Turn on' }).click();
  await expect(section.getByTestId('http-state')).toHaveText('Listening');
  const url = (await section.getByTestId('http-url').textContent()) ?? '';
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);

  await section.getByRole('button', { name: /^(Create token|Replace token…)$/ }).click();
  if (await section.getByRole('alertdialog').isVisible()) await section.getByRole('button', { name: 'Replace', exact: true }).click();
  const shown = section.getByTestId('http-new-token');
  await expect(shown).toHaveText(/^ncb_[A-Za-z0-9_-]{43}$/);
  const token = (await shown.textContent()) ?? '';
  await section.scrollIntoViewIfNeeded();
  await snap(page, '16-mcp-http-token');

  const client = new Client({ name: 'e2e-http-client', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
  try {
    const active = await client.callTool({ name: 'nevent_get_active_tenant', arguments: {} });
    expect(JSON.stringify(active.structuredContent)).toContain('Solo Studio');
  } finally {
    await client.close();
  }

  await section.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toHaveCount(0);
  await expect(section.getByTestId('http-token-state')).toContainText('Set');

  // Connect a client over HTTP: the entry reads the token from the environment; the token is nowhere.
  await page.getByRole('radio', { name: 'HTTP endpoint' }).check();
  await page.getByRole('radio', { name: 'Cursor' }).check();
  const proposed = page.getByLabel('Proposed file');
  await expect(proposed).toContainText('nevent-http');
  await expect(proposed).toContainText(url);
  await expect(proposed).toContainText('${env:NEVENT_COMPANION_BRIDGE_TOKEN}');
  await expect(page.locator('body')).not.toContainText(token);
  await proposed.scrollIntoViewIfNeeded();
  await snap(page, '17-mcp-http-connect');
  await page.getByRole('button', { name: 'Write to Cursor config' }).click();
  await expect(page.getByText(/^Written to .*mcp\.json/)).toBeVisible();
  // A client that cannot read the token from its environment says so.
  await page.getByRole('radio', { name: 'Claude Desktop' }).check();
  await expect(page.getByText(/Claude Desktop cannot use the HTTP endpoint/)).toBeVisible();

  await section.getByRole('button', { name: 'Revoke token' }).click();
  await expect(section.getByTestId('http-token-state')).toContainText('None yet');
  const refused = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${token}` }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'x', version: '1' } } }) });
  expect(refused.status).toBe(401);

  await section.getByRole('button', { name: 'Turn off' }).click();
  await expect(section.getByTestId('http-state')).toHaveText('Off');
  await expect(page.getByRole('radiogroup', { name: 'How the client connects' })).toHaveCount(0);
});
