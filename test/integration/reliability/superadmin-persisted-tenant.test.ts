/**
 * A SUPERADMIN's switch is persisted on the user by the API (NEVENT-API.md): the person's other Nevent
 * sessions (the web app) come back in that tenant at their next refresh. A call that names a tenant gets
 * its token through that same switch endpoint, and so does the re-scope of a refresh that came back
 * elsewhere; neither is the person's choice, so both put the persisted tenant back. A session's own switch
 * is a choice and stays. The "web app" here is a second sign-in of the same user, refreshed over HTTP.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fixedMode } from '../../../src-main/mcp/operation-mode';
import { startMcpSocketServer, type McpSocketServer } from '../../../src-main/mcp/socket-server';
import { startCoreFixture, type CoreFixture } from '../../helpers/core-fixture';
import { connectPeer, value, type Peer } from '../mcp/peers';
import { tempSocketPath } from '../mcp/socket-helpers';
import { tokenTenant } from './reliability-helpers';

let fixture: CoreFixture | null = null;
let server: McpSocketServer | null = null;
let peer: Peer | null = null;
let temp: { path: string; cleanup: () => void } | null = null;

afterEach(async () => {
  await peer?.close();
  await server?.close();
  await fixture?.close();
  temp?.cleanup();
  peer = null;
  server = null;
  fixture = null;
});

/** The person's web app: its own sign-in, whose refreshes come back in the tenant the API persisted. */
async function webSession(f: CoreFixture): Promise<{ nextRefreshTenant(): Promise<string | null> }> {
  const post = async (path: string, body: unknown): Promise<Record<string, string>> => (await (await fetch(`${f.demo.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as Record<string, string>;
  let refreshToken = (await post('/auth/admin/login', { email: 'superadmin@demo.nevent.local', password: 'demo' })).refresh_token ?? '';
  return {
    async nextRefreshTenant() {
      const pair = await post('/auth/refresh', { refreshToken });
      refreshToken = pair.refreshToken ?? '';
      return tokenTenant(pair.accessToken ?? '');
    },
  };
}

async function start(): Promise<{ f: CoreFixture; p: Peer }> {
  fixture = await startCoreFixture({ user: 'superadmin' });
  temp = tempSocketPath();
  server = await startMcpSocketServer({ registry: fixture.core.registry, socketPath: temp.path, mode: fixedMode('READ_ONLY') });
  peer = await connectPeer('modern', { kind: 'socket', path: temp.path }, 'superadmin-conversation');
  return { f: fixture, p: peer };
}

describe("a SUPERADMIN's persisted tenant", () => {
  it('a call that names a tenant, and the re-scope of its token, leave the web session where it was', async () => {
    const { f, p } = await start();
    const web = await webSession(f);
    expect(value(await p.call('nevent_get_active_tenant')).active_tenant_id).toBe('tn-nevent');
    expect(value(await p.call('nevent_list_segments', { tenant_id: 'tn-acme' })).tenant_id).toBe('tn-acme');
    expect(await web.nextRefreshTenant()).toBe('tn-nevent');

    // The call's token is refreshed; the refresh comes back in the persisted tenant and is re-scoped.
    f.demo.faults.expireAccessTokens();
    expect(value(await p.call('nevent_list_segments', { tenant_id: 'tn-acme' })).tenant_id).toBe('tn-acme');
    expect(await web.nextRefreshTenant()).toBe('tn-nevent');
  }, 60_000);

  it("a session's own switch is the person's choice: it stays persisted, and later calls put it back", async () => {
    const { f, p } = await start();
    const web = await webSession(f);
    expect(value(await p.call('nevent_switch_tenant', { tenantId: 'tn-globex' })).active_tenant_id).toBe('tn-globex');
    expect(await web.nextRefreshTenant()).toBe('tn-globex');
    expect(value(await p.call('nevent_list_segments', { tenant_id: 'tn-initech' })).tenant_id).toBe('tn-initech');
    expect(await web.nextRefreshTenant()).toBe('tn-globex');
  }, 60_000);
});
